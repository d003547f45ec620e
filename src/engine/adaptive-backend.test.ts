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
    const { local, used } = fakes(Promise.resolve());
    const backend = new AdaptiveBackend(local, undefined, 1);
    await backend.prepare(spec);
    for (let index = 0; index < 4; index++) await backend.scoreBlock({ spec, block });
    expect(used).toEqual(['local', 'local', 'local', 'local']);
    expect(backend.describe()).toBe('in-process');
  });

  it('gives the ready pool two blocks per thread and scores the rest here', async () => {
    const { local, pool, used, held } = fakes(Promise.resolve());
    const backend = new AdaptiveBackend(local, pool, 1);
    await backend.prepare(spec);
    await new Promise((resolve) => setImmediate(resolve));
    const replies = Array.from({ length: 4 }, () => backend.scoreBlock({ spec, block }));
    expect(used).toEqual(['pool', 'pool', 'local', 'local']);
    held.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    void backend.scoreBlock({ spec, block });
    expect(used.at(-1)).toBe('pool');
    for (const release of held.splice(0)) release();
    await Promise.all(replies);
    expect(backend.describe()).toMatch(/^in-process \+ worker threads \(60% of the lines/);
  });

  it('scores here until the pool is ready', async () => {
    const { local, pool, used } = fakes(new Promise(() => {}));
    const backend = new AdaptiveBackend(local, pool, 2);
    await backend.prepare(spec);
    await backend.scoreBlock({ spec, block });
    expect(used).toEqual(['local']);
  });
});
