import { describe, expect, it } from 'vitest';
import { hostUidForSlot, RUNNER_UID_OFFSET, SandboxPool } from './pool.js';

describe('SandboxPool', () => {
  it('never runs more tasks at once than its size, and gives each running task its own slot', async () => {
    const pool = new SandboxPool(3);
    let running = 0;
    let peak = 0;
    const slotsInUse = new Set<number>();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        pool.run(async (slot) => {
          expect(slotsInUse.has(slot)).toBe(false);
          slotsInUse.add(slot);
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          slotsInUse.delete(slot);
          return index;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 12 }, (_, index) => index));
  });

  it('gives up on a waiting task whose signal aborts', async () => {
    const pool = new SandboxPool(1);
    let release: () => void = () => {};
    const holder = pool.run(() => new Promise<string>((resolve) => (release = () => resolve('held'))));
    const controller = new AbortController();
    const waiter = pool.run(async () => 'ran', controller.signal);
    controller.abort();
    expect(await waiter).toBeUndefined();
    release();
    expect(await holder).toBe('held');
    expect(await pool.run(async () => 'next')).toBe('next');
  });

  it('rejects sizes outside 1..128 (the other half of the uid block is for test runners)', () => {
    expect(() => new SandboxPool(0)).toThrow(RangeError);
    expect(() => new SandboxPool(129)).toThrow(RangeError);
    expect(new SandboxPool(128).size).toBe(128);
  });
});

describe('hostUidForSlot', () => {
  it('gives distinct unprivileged uids to distinct slots', () => {
    const uids = new Set(Array.from({ length: 16 }, (_, slot) => hostUidForSlot(slot)));
    expect(uids.size).toBe(16);
    expect(Math.min(...uids)).toBeGreaterThanOrEqual(200_000);
    const runners = new Set([...uids].map((uid) => uid + RUNNER_UID_OFFSET));
    expect([...runners].some((uid) => uids.has(uid))).toBe(false);
  });
});
