/** Something a worker builds once per distinct job setting and closes when done with it. */
export interface Closeable {
  close(): Promise<void>;
}

interface Entry<Value extends Closeable> {
  value: Value;
  users: number;
  retired: boolean;
}

/**
 * Built resources (a compiled verifier, ...) shared by the jobs that carry the same setting, by
 * key. At most `capacity` are kept; the least recently used is retired and closed once the last
 * job using it is done, so a long-lived worker serving many runs neither rebuilds per job nor
 * keeps every setting it ever saw.
 */
export class SharedResources<Value extends Closeable> {
  readonly #entries = new Map<string, Entry<Value>>();

  constructor(private readonly capacity: number) {}

  /** Runs `work` with the resource of `key` (built by `build` when absent). */
  async use<Result>(
    key: string,
    build: () => Value,
    work: (value: Value) => Promise<Result>,
  ): Promise<Result> {
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      entry = { value: build(), users: 0, retired: false };
      this.#entries.set(key, entry);
      this.#retireOldest();
    } else {
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    entry.users += 1;
    try {
      return await work(entry.value);
    } finally {
      entry.users -= 1;
      if (entry.retired && entry.users === 0) await entry.value.close();
    }
  }

  async close(): Promise<void> {
    const entries = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.allSettled(entries.map((entry) => entry.value.close()));
  }

  #retireOldest(): void {
    while (this.#entries.size > this.capacity) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, Entry<Value>];
      this.#entries.delete(oldestKey);
      oldest.retired = true;
      if (oldest.users === 0) void oldest.value.close();
    }
  }
}
