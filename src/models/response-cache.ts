import { createHash } from 'node:crypto';

/**
 * Where responses outlive the process: the engine's store (SQLite, Redis) implements this and
 * hands it to the clients (`setResponseStore`). Values are parsed JSON response bodies.
 */
export interface ResponseStore {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** The cache key of a request: a SHA-256 of the URL, the model and the exact JSON body. */
export function requestHash(url: string, body: unknown): string {
  return createHash('sha256').update(url).update('\0').update(stableJson(body)).digest('hex');
}

/** JSON with object keys sorted, so two equal requests hash alike whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
}

/**
 * An in-memory LRU of responses by request hash, in front of an optional persistent store.
 * Concurrent identical requests share one flight: the second waits for the first (never paid twice).
 */
export class ResponseCache {
  readonly #entries = new Map<string, unknown>();
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #capacity: number;
  store: ResponseStore | undefined;

  constructor(capacity = 10_000, store?: ResponseStore) {
    this.#capacity = capacity;
    this.store = store;
  }

  /** The cached response, or the result of `fetchFresh` (stored on success). */
  async getOrFetch(
    key: string,
    fetchFresh: () => Promise<unknown>,
  ): Promise<{ value: unknown; hit: boolean }> {
    if (this.#entries.has(key)) {
      const value = this.#entries.get(key);
      this.#entries.delete(key);
      this.#entries.set(key, value);
      return { value, hit: true };
    }
    const pending = this.#inFlight.get(key);
    if (pending !== undefined) return { value: await pending, hit: true };
    const flight = (async () => {
      const stored = await this.store?.get(key).catch(() => undefined);
      if (stored !== undefined) return { value: stored, hit: true };
      const value = await fetchFresh();
      await this.store?.set(key, value).catch(() => undefined);
      return { value, hit: false };
    })();
    const shared = flight.then((result) => result.value);
    // Waiters of the same key see the failure; the unawaited copy must not be unhandled.
    shared.catch(() => undefined);
    this.#inFlight.set(key, shared);
    try {
      const result = await flight;
      this.#remember(key, result.value);
      return result;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  /** The cached answer of a key (memory, then the persistent store), or undefined. */
  async peek(key: string): Promise<{ value: unknown } | undefined> {
    if (this.#entries.has(key)) return { value: this.#entries.get(key) };
    const stored = await this.store?.get(key).catch(() => undefined);
    if (stored === undefined) return undefined;
    this.#remember(key, stored);
    return { value: stored };
  }

  /** Stores an answer obtained outside `getOrFetch` (one input of a batched request). */
  put(key: string, value: unknown): void {
    this.#remember(key, value);
    void this.store?.set(key, value).catch(() => undefined);
  }

  #remember(key: string, value: unknown): void {
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
