import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scored } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';
import { parseSpec } from '../core/spec.js';
import { rewardKinds } from '../rewards/index.js';
import { warmUpLinePath } from './line-warm-up.js';
import { Pipeline } from './pipeline.js';

/** A kind that records the samples it scores; with `samples`, it offers them for the warm-up. */
function recordingKind(name: string, samples?: Record<string, unknown>[]) {
  const seen: unknown[] = [];
  const kind = defineRewardKind({
    name,
    description: 'records what it scores',
    optionsSchema: z.object({}),
    defaultTimeoutSeconds: 5,
    ...(samples === undefined ? {} : { warmUpSamples: () => samples }),
    create: () => ({
      score(sample) {
        seen.push(sample);
        return scored(1);
      },
    }),
  });
  return { kind, seen };
}

const specOf = (...types: string[]) =>
  parseSpec({ name: 't', rewards: types.map((type, index) => ({ name: `c${index}`, type })) });

describe('warmUpLinePath', () => {
  it("scores the kinds' synthetic samples as lines, with ids of its own, as many lines as asked", async () => {
    const { kind, seen } = recordingKind('offers', [{ response: 'a' }, { response: 'b' }]);
    const pipeline = Pipeline.compile(specOf('offers'), { rewardKinds: rewardKinds.extend([kind]) });
    await warmUpLinePath(pipeline, 128);
    expect(seen).toHaveLength(128);
    expect(seen[0]).toEqual({ id: 'warm-up-0', response: 'a' });
    expect(seen[1]).toEqual({ id: 'warm-up-1', response: 'b' });
  });

  it('puts the ASCII lines first, so that blocks of them are decoded as a run decodes such blocks', async () => {
    const samples = Array.from({ length: 80 }, (_, index) => ({
      response: index % 2 === 0 ? `plain ${index}` : `caf\u00e9 ${index}`,
    }));
    const { kind, seen } = recordingKind('offers', samples);
    const pipeline = Pipeline.compile(specOf('offers'), { rewardKinds: rewardKinds.extend([kind]) });
    await warmUpLinePath(pipeline, 256);
    const ascii = seen.map((sample) => /^[\x00-\x7f]*$/.test((sample as { response: string }).response));
    expect(ascii).toHaveLength(256);
    expect(ascii.slice(0, 128).every(Boolean)).toBe(true);
    expect(ascii.slice(128).some(Boolean)).toBe(false);
  });

  it('scores nothing when a component of the spec offers no samples', async () => {
    const offers = recordingKind('offers', [{ response: 'a' }]);
    const silent = recordingKind('silent');
    const pipeline = Pipeline.compile(specOf('offers', 'silent'), {
      rewardKinds: rewardKinds.extend([offers.kind, silent.kind]),
    });
    await warmUpLinePath(pipeline, 128);
    expect(offers.seen).toHaveLength(0);
    expect(silent.seen).toHaveLength(0);
  });

  it('the math kind offers samples of its templates, right and wrong golds', () => {
    const samples = rewardKinds.get('math').warmUpSamples?.() ?? [];
    expect(samples.length).toBeGreaterThan(40);
    expect(samples[0]).toMatchObject({
      response: expect.any(String),
      reference: { answer: expect.any(String) },
    });
  });
});
