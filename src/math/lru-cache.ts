/** A small least-recently-used map: parsed golds and LaTeX parses are reused across samples. */
export class LruCache<Key, Value> {
  private readonly entries = new Map<Key, Value>();
  /** The most recently used key: asking for it again (a group of samples of one gold) moves nothing. */
  private newest: Key | undefined;

  constructor(private readonly capacity: number) {}

  get(key: Key): Value | undefined {
    const value = this.entries.get(key);
    if (value !== undefined && key !== this.newest) {
      this.entries.delete(key);
      this.entries.set(key, value);
      this.newest = key;
    }
    return value;
  }

  set(key: Key, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
