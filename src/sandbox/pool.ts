import { availableParallelism } from 'node:os';
import { threadId } from 'node:worker_threads';

/**
 * Bounds how many sandboxed programs run at once in this process (default: the number of cores,
 * or REWARDKIT_SANDBOX_CONCURRENCY). Each concurrent run holds a slot, and each slot has its own
 * unprivileged host uid, so RLIMIT_NPROC (counted per uid) caps one sample's fork bomb without
 * starving the samples running next to it.
 */
const MAX_POOL_SIZE = 128;
/** A slot's test runner runs as the slot's uid plus this (never the uid of a program). */
export const RUNNER_UID_OFFSET = 128;

export class SandboxPool {
  readonly size: number;
  readonly #freeSlots: number[];
  readonly #waiting: ((slot: number) => void)[] = [];

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
      throw new RangeError(`sandbox pool size must be an integer in 1..${MAX_POOL_SIZE}, got ${size}`);
    }
    this.size = size;
    this.#freeSlots = Array.from({ length: size }, (_, slot) => size - 1 - slot);
  }

  /** Runs `task` once a slot is free; gives up (returns undefined) if `signal` aborts first. */
  async run<T>(task: (slot: number) => Promise<T>, signal?: AbortSignal): Promise<T | undefined> {
    const slot = await this.#acquire(signal);
    if (slot === undefined) return undefined;
    try {
      return await task(slot);
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#freeSlots.push(slot);
      else next(slot);
    }
  }

  #acquire(signal?: AbortSignal): Promise<number | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    const free = this.#freeSlots.pop();
    if (free !== undefined) return Promise.resolve(free);
    return new Promise((resolve) => {
      const waiter = (slot: number) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(slot);
      };
      const onAbort = () => {
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        resolve(undefined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }
}

/**
 * First host uid of the sandbox slots; a block of 256 uids per (process, thread) pair: the slots'
 * programs take the first half, their trusted test runners the second (`RUNNER_UID_OFFSET`).
 */
const UID_BASE = 200_000;
const UID_BLOCKS = 4096;

/** The unprivileged host uid of a slot, distinct per process and worker thread (most of the time). */
export function hostUidForSlot(slot: number): number {
  const block = (process.pid * 31 + threadId) % UID_BLOCKS;
  return UID_BASE + block * 256 + slot;
}

function defaultPoolSize(): number {
  const configured = Number(process.env['REWARDKIT_SANDBOX_CONCURRENCY']);
  return Math.min(
    MAX_POOL_SIZE,
    Number.isInteger(configured) && configured > 0 ? configured : availableParallelism(),
  );
}

let sharedPool: SandboxPool | undefined;

/** The process-wide pool every sandboxed run goes through. */
export function sharedSandboxPool(): SandboxPool {
  sharedPool ??= new SandboxPool(defaultPoolSize());
  return sharedPool;
}

/** Resizes the process-wide pool (before the first run; runs already queued keep the old pool). */
export function configureSandboxPool(size: number): SandboxPool {
  sharedPool = new SandboxPool(size);
  return sharedPool;
}
