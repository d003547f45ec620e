/**
 * A counting semaphore with weighted acquisition: at most `capacity` slots are held at once;
 * waiters are served in arrival order (a large request is not starved by small ones). The engine
 * keeps one per `io` component (samples in flight) and one per model endpoint (shared by every
 * component of the process that calls it).
 */
export class SlotLimiter {
  #free: number;
  readonly #waiting: { slots: number; grant: () => void }[] = [];

  constructor(readonly capacity: number) {
    this.#free = capacity;
  }

  /** Waits for `slots` slots (clamped to the capacity); call the returned function once to give them back. */
  async acquire(slots = 1): Promise<() => void> {
    const wanted = Math.max(1, Math.min(slots, this.capacity));
    if (this.#waiting.length === 0 && this.#free >= wanted) {
      this.#free -= wanted;
    } else {
      await new Promise<void>((grant) => this.#waiting.push({ slots: wanted, grant }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#free += wanted;
      this.#pump();
    };
  }

  #pump(): void {
    while (this.#waiting.length > 0 && this.#free >= (this.#waiting[0] as { slots: number }).slots) {
      const next = this.#waiting.shift() as { slots: number; grant: () => void };
      this.#free -= next.slots;
      next.grant();
    }
  }
}
