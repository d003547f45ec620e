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
  // Plain loops: this runs on every cacheable request body (prompts included) of a search.
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ',';
      out += stableJson(value[index]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  // Default sort order is by UTF-16 code units, as `<` compares strings.
  for (const key of Object.keys(record).sort()) {
    const entry = record[key];
    if (entry === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${stableJson(entry)}`;
  }
  return `${out}}`;
}

/** The weight of an entry whose size is not known (one input of a batched request). */
const DEFAULT_ENTRY_BYTES = 1024;

/** 32 MiB of reply JSON: the in-memory cache's default bound. */
export const DEFAULT_CACHE_BYTES = 32 * 2 ** 20;

/** A reply kept as its JSON text (parsed again on a hit), or as a value when no text is known. */
type Entry = { text: string; bytes: number } | { value: unknown; bytes: number };

const entryValue = (entry: Entry): unknown => ('text' in entry ? JSON.parse(entry.text) : entry.value);

/**
 * An in-memory LRU of responses by request hash, in front of an optional persistent store,
 * bounded by entries (10,000) and by the replies' size (32 MiB). A reply is kept as the JSON text
 * it came as, not as parsed objects (a few times larger): a search's generation replies carry a
 * log-probability per token, and 10,000 parsed ones would hold gigabytes. A hit parses the text
 * again, so every caller gets its own copy. Concurrent identical requests share one flight: the
 * second waits for the first (never paid twice).
 */
export class ResponseCache {
  readonly #entries = new Map<string, Entry>();
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #capacity: number;
  readonly #maxBytes: number;
  #bytes = 0;
  store: ResponseStore | undefined;

  constructor(capacity = 10_000, store?: ResponseStore, maxBytes = DEFAULT_CACHE_BYTES) {
    this.#capacity = capacity;
    this.#maxBytes = maxBytes;
    this.store = store;
  }

  /**
   * The cached response, or the result of `fetchFresh` (stored on success). `textOf` gives a
   * fresh value's JSON text when the caller has it (what the cache keeps and counts).
   */
  async getOrFetch(
    key: string,
    fetchFresh: () => Promise<unknown>,
    textOf?: (value: unknown) => string | undefined,
  ): Promise<{ value: unknown; hit: boolean }> {
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return { value: entryValue(cached), hit: true };
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
      this.#remember(key, result.value, textOf?.(result.value));
      return result;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  /** The cached answer of a key (memory, then the persistent store), or undefined. */
  async peek(key: string): Promise<{ value: unknown } | undefined> {
    const cached = this.#entries.get(key);
    if (cached !== undefined) return { value: entryValue(cached) };
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

  #remember(key: string, value: unknown, text?: string): void {
    const entry: Entry =
      text === undefined ? { value, bytes: DEFAULT_ENTRY_BYTES } : { text, bytes: text.length };
    // A reply bigger than the whole budget is not kept (it would evict everything else).
    if (entry.bytes > this.#maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#bytes -= previous.bytes;
      this.#entries.delete(key);
    }
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    while (this.#entries.size > this.#capacity || this.#bytes > this.#maxBytes) {
      const oldest = this.#entries.entries().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest[0]);
      this.#bytes -= oldest[1].bytes;
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The cached replies' size in bytes (their JSON text; 1 KiB each where unknown). */
  get bytes(): number {
    return this.#bytes;
  }
}
