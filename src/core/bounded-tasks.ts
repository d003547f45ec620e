import pLimit from 'p-limit';

/**
 * Runs tasks with at most `concurrency` in flight while a producer streams them in: `add` waits
 * when the queue runs far ahead of what runs (4 x concurrency), so memory stays flat on files of
 * any size; `drain` waits for everything added.
 */
export class BoundedTasks {
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #pending = new Set<Promise<void>>();

  constructor(private readonly concurrency: number) {
    this.#limit = pLimit(concurrency);
  }

  async add(task: () => Promise<void>): Promise<void> {
    const running = this.#limit(task);
    this.#pending.add(running);
    void running.finally(() => this.#pending.delete(running));
    if (this.#limit.pendingCount > this.concurrency * 4) await Promise.race(this.#pending);
  }

  async drain(): Promise<void> {
    await Promise.all(this.#pending);
  }
}
