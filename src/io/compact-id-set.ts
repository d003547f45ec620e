/**
 * A set of sample ids that keeps 8 bytes per id (a 64-bit hash in an open-addressing table)
 * instead of the strings, so duplicate-id checks stay small on million-line runs. Two distinct
 * ids collide with probability about n^2 / 2^65 (about 3e-8 for a million ids).
 */
export class CompactIdSet {
  #high = new Uint32Array(1024);
  #low = new Uint32Array(1024);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds the id; returns false when it (most likely) was already there. */
  add(id: string): boolean {
    hashOf(id);
    if ((this.#size + 1) * 2 > this.#high.length) this.#grow(this.#high.length * 2);
    return this.#insert(hashHigh, hashLow);
  }

  /**
   * Makes room for `count` ids in all (at most 2^22 of them, 64 MiB, reserved at once), so a run
   * that knows roughly how many lines it reads does not rehash the table as it grows.
   */
  reserve(count: number): void {
    let slots = this.#high.length;
    const wanted = Math.min(Math.max(count, 0), 1 << 22) * 2;
    while (slots < wanted) slots *= 2;
    if (slots > this.#high.length) this.#grow(slots);
  }

  /** Whether the id (most likely) is in the set. */
  has(id: string): boolean {
    hashOf(id);
    const high = hashHigh;
    const low = hashLow;
    const mask = this.#high.length - 1;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    for (;;) {
      const slotHigh = this.#high[slot] ?? 0;
      const slotLow = this.#low[slot] ?? 0;
      if (slotHigh === 0 && slotLow === 0) return false;
      if (slotHigh === high && slotLow === low) return true;
      slot = (slot + 1) & mask;
    }
  }

  #insert(high: number, low: number): boolean {
    const mask = this.#high.length - 1;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    for (;;) {
      const slotHigh = this.#high[slot] ?? 0;
      const slotLow = this.#low[slot] ?? 0;
      if (slotHigh === 0 && slotLow === 0) {
        this.#high[slot] = high;
        this.#low[slot] = low;
        this.#size++;
        return true;
      }
      if (slotHigh === high && slotLow === low) return false;
      slot = (slot + 1) & mask;
    }
  }

  #grow(slots: number): void {
    const oldHigh = this.#high;
    const oldLow = this.#low;
    this.#high = new Uint32Array(slots);
    this.#low = new Uint32Array(slots);
    this.#size = 0;
    for (let slot = 0; slot < oldHigh.length; slot++) {
      const high = oldHigh[slot] ?? 0;
      const low = oldLow[slot] ?? 0;
      if (high !== 0 || low !== 0) this.#insert(high, low);
    }
  }
}

/** The last hashOf: its two halves (module state, so hashing an id allocates nothing). */
let hashHigh = 0;
let hashLow = 0;

/** The id's 64-bit hash as two 32-bit halves (never both 0: 0/0 marks an empty slot), into hashHigh/hashLow. */
function hashOf(id: string): void {
  let high = 0x811c9dc5;
  let low = 0x9747b28c;
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code, 0x5bd1e995);
    low ^= low >>> 15;
  }
  high = (high ^ (high >>> 16) ^ id.length) >>> 0;
  low = (Math.imul(low ^ (low >>> 13), 0xc2b2ae35) ^ id.length) >>> 0;
  if (high === 0 && low === 0) low = 1;
  hashHigh = high;
  hashLow = low;
}
