/**
 * A bounded map of recently used entries (parsed golds, LaTeX parses), kept in two generations of
 * at most `capacity / 2` entries each: new and used entries go to the young one; when it is full it
 * becomes the old one and the previous old one is dropped whole. An entry survives while it was set
 * or read within the last `capacity / 2` insertions, and the map never holds more than `capacity`.
 *
 * Not a JavaScript Map kept in recency order (delete and set again on each use, delete the first
 * key when full): V8 leaves a deleted entry as a hole until the table is rebuilt, and
 * `keys().next()` walks over every hole before the oldest live key, so each eviction cost time
 * growing with the capacity (measured here: 1.5-1.9 µs per miss at 4,096 entries, 4.1-4.5 µs at
 * 16,384, against about 0.3 µs at 512) once a run had more distinct golds than the cache holds.
 */
export class LruCache<Key, Value> {
  #young = new Map<Key, Value>();
  #old = new Map<Key, Value>();
  readonly #generation: number;

  constructor(capacity: number) {
    this.#generation = Math.max(1, Math.floor(capacity / 2));
  }

  /** The entry's value (undefined when absent); an entry of the old generation moves to the young one. */
  get(key: Key): Value | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) this.#insert(key, old);
    return old;
  }

  set(key: Key, value: Value): void {
    this.#insert(key, value);
  }

  /** Entries held (an entry read again after a new generation began counts once per generation). */
  get size(): number {
    return this.#young.size + this.#old.size;
  }

  #insert(key: Key, value: Value): void {
    if (this.#young.size >= this.#generation && !this.#young.has(key)) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }
}
