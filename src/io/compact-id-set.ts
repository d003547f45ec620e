/**
 * A set of sample ids that keeps 8 bytes per id (a 64-bit hash in an open-addressing table)
 * instead of the strings, so duplicate-id checks stay small on million-line runs. Two distinct
 * ids collide with probability about n^2 / 2^65 (about 3e-8 for a million ids).
 */
export class CompactIdSet {
  /** Slot i's hash halves at 2i (high) and 2i + 1 (low): one cache line read per probe. */
  #slots = new Uint32Array(2 * 1024);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds the id; returns false when it (most likely) was already there. */
  add(id: string): boolean {
    hashOf(id);
    if ((this.#size + 1) * 4 > this.#slots.length) this.#grow(this.#slots.length);
    return this.#insert(hashHigh, hashLow);
  }

  /**
   * Makes room for `count` ids in all (at most 2^22 of them, 64 MiB, reserved at once), so a run
   * that knows roughly how many lines it reads does not rehash the table as it grows.
   */
  reserve(count: number): void {
    let slots = this.#slots.length / 2;
    const wanted = Math.min(Math.max(count, 0), 1 << 22) * 2;
    while (slots < wanted) slots *= 2;
    if (slots * 2 > this.#slots.length) this.#grow(slots);
  }

  /** Whether the id (most likely) is in the set. */
  has(id: string): boolean {
    hashOf(id);
    return this.#find(hashHigh, hashLow) >= 0;
  }

  /** The index (2 x slot) holding the hash, or -1 - the index of the empty slot where it would go. */
  #find(high: number, low: number): number {
    const table = this.#slots;
    const mask = table.length / 2 - 1;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    for (;;) {
      const at = 2 * slot;
      const slotHigh = table[at] ?? 0;
      const slotLow = table[at + 1] ?? 0;
      if (slotHigh === 0 && slotLow === 0) return -1 - at;
      if (slotHigh === high && slotLow === low) return at;
      slot = (slot + 1) & mask;
    }
  }

  #insert(high: number, low: number): boolean {
    const found = this.#find(high, low);
    if (found >= 0) return false;
    const at = -1 - found;
    this.#slots[at] = high;
    this.#slots[at + 1] = low;
    this.#size++;
    return true;
  }

  /** Rehashes into a table of `slots` slots (a power of two). */
  #grow(slots: number): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(2 * slots);
    this.#size = 0;
    for (let at = 0; at < old.length; at += 2) {
      const high = old[at] ?? 0;
      const low = old[at + 1] ?? 0;
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
