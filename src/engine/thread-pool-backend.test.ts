import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RewardKitError } from '../core/errors.js';
import { parseSpec } from '../core/spec.js';
import { InProcessBackend } from './scoring-backend.js';
import { ThreadPoolBackend } from './thread-pool-backend.js';

const kindsModule = fileURLToPath(new URL('../../test/fixtures/score/test-kinds.ts', import.meta.url));
const formatSpec = parseSpec({
  name: 'format',
  rewards: [{ name: 'format', type: 'format', options: { tags: ['answer'] } }],
});
const inputs = Array.from({ length: 120 }, (_, index) => ({
  id: `s${index}`,
  response: index % 3 === 0 ? 'none' : `<answer>${index}</answer>`,
}));
const pool = new ThreadPoolBackend({ threads: 2, kindsModule, graceMs: 3000, perSampleAllowanceMs: 20 });
afterAll(() => pool.close());

describe('ThreadPoolBackend', () => {
  it('returns one result per input, in input order, equal to in-process scoring', async () => {
    const [pooled, local] = await Promise.all([
      Promise.all([
        pool.score({ spec: formatSpec, inputs: inputs.slice(0, 60) }),
        pool.score({ spec: formatSpec, inputs: inputs.slice(60) }),
      ]),
      new InProcessBackend().score({ spec: formatSpec, inputs }),
    ]);
    const strip = (results: { ms: number }[]) => results.map(({ ms: _ms, ...rest }) => rest);
    expect(strip(pooled.flat())).toEqual(strip(local));
  });

  it('scores raw lines with parse errors and ids, tallying the chunk', async () => {
    const reply = await pool.scoreLines({
      spec: formatSpec,
      texts: ['{"id":"a","response":"<answer>1</answer>"}', '{oops', '{"response":"x"}'],
      lines: [1, 2, 3],
    });
    expect(reply.ids).toEqual(['a', null, null]);
    expect(reply.texts.map((text) => JSON.parse(text).error?.code ?? null)).toEqual([
      null,
      'RK_INPUT_MALFORMED_JSON',
      'RK_INPUT_INVALID',
    ]);
    expect(reply.tally.count).toBe(3);
  });

  it('terminates a hanging sample, gives it a timeout result and scores the rest of its chunk', async () => {
    const spec = parseSpec({ name: 'hang', rewards: [{ name: 'hang', type: 'hang', timeout_s: 0.3 }] });
    const chunk = [
      { id: 'ok-1', response: 'fine' },
      { id: 'bad', response: 'HANG' },
      { id: 'ok-2', response: 'fine' },
    ];
    const results = await pool.score({
      spec,
      inputs: chunk,
      positions: [{ line: 1 }, { line: 2 }, { line: 3 }],
    });
    expect(results.map((result) => result.id)).toEqual(['ok-1', 'bad', 'ok-2']);
    expect(results[0]?.reward).toBe(1);
    expect(results[2]?.reward).toBe(1);
    expect(results[1]?.reward).toBe(0);
    expect(results[1]?.components['hang']).toMatchObject({
      score: null,
      status: 'timeout',
      error: { code: 'RK_TIMEOUT', where: 'line 2' },
    });
    // The pool still works after terminating a worker.
    const after = await pool.score({ spec: formatSpec, inputs: inputs.slice(0, 3) });
    expect(after).toHaveLength(3);
  });

  it('does not start a task cancelled while it waited for a thread: its samples are RK_CANCELLED', async () => {
    const spec = parseSpec({ name: 'hang-busy', rewards: [{ name: 'hang', type: 'hang', timeout_s: 0.3 }] });
    // Both threads busy with a hanging sample each; the third request waits for one.
    const busy = [0, 1].map((index) =>
      pool.score({ spec, inputs: [{ id: `busy-${index}`, response: 'HANG' }] }),
    );
    const stop = new AbortController();
    const waiting = pool.score({
      spec: formatSpec,
      inputs: inputs.slice(0, 3),
      positions: [{ line: 1 }, { line: 2 }, { line: 3 }],
      signal: stop.signal,
    });
    stop.abort(new RewardKitError('RK_UNAVAILABLE', 'the run was interrupted (SIGINT)'));
    const results = await waiting;
    expect(results.map((result) => result.id)).toEqual(['s0', 's1', 's2']);
    for (const [index, result] of results.entries()) {
      expect(result).toMatchObject({
        reward: null,
        components: {},
        error: {
          code: 'RK_CANCELLED',
          message: 'not scored: the run was interrupted (SIGINT)',
          where: `line ${index + 1}`,
        },
      });
    }
    await Promise.all(busy);
  });

  it('rejects with RK_COMPONENT_FAILED when a timed-out component has on_error: fail', async () => {
    const spec = parseSpec({
      name: 'hang-fail',
      on_error: 'fail',
      rewards: [{ name: 'hang', type: 'hang', timeout_s: 0.2 }],
    });
    await expect(pool.score({ spec, inputs: [{ id: 'bad', response: 'HANG' }] })).rejects.toMatchObject({
      code: 'RK_COMPONENT_FAILED',
    });
  });
});
