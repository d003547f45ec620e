import { describe, expect, it } from 'vitest';
import { parseSpec } from '../core/spec.js';
import type { JsonlBlock } from '../io/jsonl-blocks.js';
import { AdaptiveBackend, type HelperPool } from './adaptive-backend.js';
import type { BlockReply, LineScoringBackend } from './line-chunk.js';

const spec = parseSpec({ name: 'x', rewards: [{ name: 'f', type: 'format', options: { tags: ['a'] } }] });
const block: JsonlBlock = { firstLine: 1, count: 10, bytes: new Uint8Array() };
const reply: BlockReply = {
  ids: [],
  text: '',
  tally: { count: 0, rewardSum: 0, rewarded: 0, fromStore: 0, components: [], errors: [] },
};

/** Decide after 10 lines; any remaining input is worth the pool. */
const quick = { inputBytes: 1e9, warmupLines: 0, measuredLines: 10, minRemainingCpuSeconds: 0 };

/** A fake backend that records where each block went; the pool's blocks wait until released. */
function fakes(poolReady: Promise<void>) {
  const used: string[] = [];
  const held: (() => void)[] = [];
  const local: LineScoringBackend = {
    score: async () => [],
    close: async () => {},
    scoreLines: async () => ({ ids: [], texts: [], tally: reply.tally }),
    async scoreBlock() {
      used.push('local');
      return reply;
    },
  };
  const pool: HelperPool = {
    ...local,
    prepare: () => poolReady,
    scoreBlock() {
      used.push('pool');
      return new Promise<BlockReply>((resolve) => held.push(() => resolve(reply)));
    },
  };
  return { local, pool, used, held };
}

describe('AdaptiveBackend', () => {
  it('scores everything on the calling thread without a pool', async () => {
    const { local, pool, used } = fakes(Promise.resolve());
    const backend = new AdaptiveBackend(local, () => pool, 1, { ...quick, inputBytes: undefined });
    await backend.prepare(spec);
    for (let index = 0; index < 6; index++) await backend.scoreBlock({ spec, block });
    expect(used.every((name) => name === 'local')).toBe(true);
    expect(backend.describe()).toMatch(/^in-process \(measured: /);
  });

  it('stays in-process when the rest of the input would cost less than a thread start-up', async () => {
    const { local, pool, used } = fakes(Promise.resolve());
    const backend = new AdaptiveBackend(local, () => pool, 1, { ...quick, minRemainingCpuSeconds: 1e6 });
    for (let index = 0; index < 6; index++) await backend.scoreBlock({ spec, block });
    expect(used.every((name) => name === 'local')).toBe(true);
  });

  it('starts the pool on a large input, gives it two blocks per thread and scores the rest here', async () => {
    const { local, pool, used, held } = fakes(Promise.resolve());
    const backend = new AdaptiveBackend(local, () => pool, 1, quick);
    await backend.prepare(spec);
    // The warm-up (none) and the measured lines (10) are scored here; then the pool starts.
    await backend.scoreBlock({ spec, block });
    await backend.scoreBlock({ spec, block });
    await new Promise((resolve) => setImmediate(resolve));
    used.splice(0);
    const replies = Array.from({ length: 4 }, () => backend.scoreBlock({ spec, block }));
    expect(used).toEqual(['pool', 'pool', 'local', 'local']);
    held.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    void backend.scoreBlock({ spec, block });
    expect(used.at(-1)).toBe('pool');
    for (const release of held.splice(0)) release();
    await Promise.all(replies);
    expect(backend.describe()).toMatch(/^in-process \+ worker threads \(43% of the lines/);
  });

  it('scores here until the pool is ready', async () => {
    const { local, pool, used } = fakes(new Promise(() => {}));
    const backend = new AdaptiveBackend(local, () => pool, 2, quick);
    await backend.prepare(spec);
    for (let index = 0; index < 6; index++) await backend.scoreBlock({ spec, block });
    expect(used.every((name) => name === 'local')).toBe(true);
  });
});
