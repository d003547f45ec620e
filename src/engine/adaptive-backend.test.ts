import { describe, expect, it } from 'vitest';
import { parseSpec } from '../core/spec.js';
import { AdaptiveBackend } from './adaptive-backend.js';
import type { LineChunkReply, LineScoringBackend } from './line-chunk.js';

const spec = parseSpec({ name: 'x', rewards: [{ name: 'f', type: 'format', options: { tags: ['a'] } }] });

/** A fake backend that burns `cpuMs` of CPU per line and records that it was used. */
function fakeBackend(name: string, cpuMs: number, used: string[]): LineScoringBackend {
  return {
    score: async () => [],
    close: async () => {},
    async scoreLines(request): Promise<LineChunkReply> {
      used.push(name);
      const until = performance.now() + cpuMs * request.texts.length;
      while (performance.now() < until) {
        // burn CPU like a heavy scorer
      }
      return {
        ids: [],
        texts: [],
        tally: { count: 0, rewardSum: 0, rewarded: 0, fromStore: 0, components: [], errors: [] },
      };
    },
  };
}

async function run(cpuMs: number): Promise<{ used: string[]; description: string }> {
  const used: string[] = [];
  const backend = new AdaptiveBackend(fakeBackend('local', cpuMs, used), () => fakeBackend('pool', 0, used), {
    warmupSamples: 20,
    measuredSamples: 200,
    switchAboveMs: 0.1,
  });
  for (let chunk = 0; chunk < 30; chunk++) {
    await backend.scoreLines({ spec, texts: Array.from({ length: 10 }, () => '{}'), lines: [] });
  }
  await backend.close();
  return { used, description: backend.describe() };
}

describe('AdaptiveBackend', () => {
  it('stays in-process when scoring is cheap', async () => {
    const { used, description } = await run(0);
    expect(used.every((name) => name === 'local')).toBe(true);
    expect(description).toMatch(/^in-process \(warm-up: /);
  });

  it('moves later chunks to the pool when scoring is CPU-heavy', async () => {
    const { used, description } = await run(0.5);
    expect(used.slice(0, 20).every((name) => name === 'local')).toBe(true);
    expect(used.at(-1)).toBe('pool');
    expect(description).toMatch(/^worker threads/);
  });
});
