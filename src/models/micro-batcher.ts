interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

interface OpenBatch<Item, Result> {
  waiting: Waiting<Item, Result>[];
  timer: NodeJS.Timeout;
}

/**
 * Gathers single items submitted at about the same time into one request for servers that take
 * a list (`input: [...]` of /classify, /pooling, /v1/embeddings; `prompt: [...]` of completions).
 * A batch is sent when it holds `maxBatch` items or `maxWaitMs` after its first item. Items only
 * batch with items of the same `groupKey` (the same request apart from the input).
 */
export class MicroBatcher<Item, Result> {
  readonly #open = new Map<string, OpenBatch<Item, Result>>();
  readonly #run: (groupKey: string, items: Item[]) => Promise<Result[]>;
  readonly #maxBatch: number;
  readonly #maxWaitMs: number;
  /** Batches sent so far and items they held, for the benchmark's batching figures. */
  readonly stats = { batches: 0, items: 0 };

  constructor(
    run: (groupKey: string, items: Item[]) => Promise<Result[]>,
    options: { maxBatch: number; maxWaitMs: number },
  ) {
    this.#run = run;
    this.#maxBatch = Math.max(1, options.maxBatch);
    this.#maxWaitMs = Math.max(0, options.maxWaitMs);
  }

  submit(groupKey: string, item: Item): Promise<Result> {
    if (this.#maxBatch === 1) return this.#send(groupKey, [item]).then((results) => results[0] as Result);
    return new Promise<Result>((resolve, reject) => {
      let batch = this.#open.get(groupKey);
      if (batch === undefined) {
        const timer = setTimeout(() => this.#flush(groupKey), this.#maxWaitMs);
        batch = { waiting: [], timer };
        this.#open.set(groupKey, batch);
      }
      batch.waiting.push({ item, resolve, reject });
      if (batch.waiting.length >= this.#maxBatch) this.#flush(groupKey);
    });
  }

  #flush(groupKey: string): void {
    const batch = this.#open.get(groupKey);
    if (batch === undefined) return;
    this.#open.delete(groupKey);
    clearTimeout(batch.timer);
    const { waiting } = batch;
    this.#send(
      groupKey,
      waiting.map((entry) => entry.item),
    ).then(
      (results) => {
        waiting.forEach((entry, index) => {
          entry.resolve(results[index] as Result);
        });
      },
      (error: unknown) => {
        for (const entry of waiting) entry.reject(error);
      },
    );
  }

  async #send(groupKey: string, items: Item[]): Promise<Result[]> {
    this.stats.batches += 1;
    this.stats.items += items.length;
    const results = await this.#run(groupKey, items);
    if (results.length !== items.length) {
      throw new Error(`a batch of ${items.length} got ${results.length} answers`);
    }
    return results;
  }
}
