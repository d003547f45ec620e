import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advantagesForFile, configFromFlags } from './advantages.js';

function fileWith(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rk-adv-')), 'in.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const run = async (estimator: string, lines: string[], extra: Record<string, string | boolean> = {}) =>
  (
    await advantagesForFile(fileWith(lines), configFromFlags({ estimator, in: '', whiten: true, ...extra }))
  ).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('rewardkit advantages', () => {
  it('writes one line per input line, in order, keeping the input fields', async () => {
    const out = await run('grpo', [
      '{"id":"a","group":"q","reward":1,"extra":7}',
      '{"id":"b","group":"q","reward":0}',
      '{"id":"c","group":"q","reward":"one"}',
      '{oops',
      '{"id":"d","prompt":"p","reward":0.5}',
    ]);
    expect(out.map((line) => line['id'])).toEqual(['a', 'b', 'c', 'line:4', 'd']);
    expect(out[0]?.['extra']).toBe(7);
    expect(out[0]?.['advantage']).toBeCloseTo(0.5 / (Math.SQRT1_2 + 1e-6), 9);
    expect(out[2]?.['advantage']).toBeNull();
    expect((out[2]?.['error'] as { code: string } | undefined)?.code).toBe('RK_INPUT_INVALID');
    expect((out[3]?.['error'] as { code: string } | undefined)?.code).toBe('RK_INPUT_MALFORMED_JSON');
    expect(out[4]?.['advantage']).toBeCloseTo(0.5 / (1 + 1e-6), 12);
  });

  it('groups by identical prompt when no group is given', async () => {
    const out = await run('dr_grpo', [
      '{"id":"a","prompt":"p","reward":1}',
      '{"id":"b","prompt":"p","reward":0}',
    ]);
    expect(out.map((line) => line['advantage'])).toEqual([0.5, -0.5]);
  });

  it('computes whitened GAE step advantages plus unwhitened returns', async () => {
    const out = await run(
      'gae',
      ['{"id":"a","step_rewards":[0,1],"values":[0.5,0.8]}', '{"id":"b","step_rewards":[0],"values":[0.1]}'],
      { gamma: '1', lambda: '1' },
    );
    const first = out[0]?.['step_advantages'] as number[];
    expect(first[0]).toBeCloseTo(0.3 / Math.sqrt(0.09 + 1e-8), 9);
    expect(out[0]?.['step_returns']).toEqual([1, 1]);
  });

  it('reports a GAE line whose values do not match its steps, and keeps going', async () => {
    const out = await run('gae', [
      '{"id":"a","step_rewards":[0,1],"values":[0.5]}',
      '{"id":"b","step_rewards":[1],"values":[0]}',
      '{"id":"c","step_rewards":[0],"values":[0]}',
    ]);
    expect((out[0]?.['error'] as { message: string } | undefined)?.message).toMatch(/values/);
    expect(out[1]?.['step_advantages']).toHaveLength(1);
  });

  it('expands step advantages to tokens when step_ends are given', async () => {
    const out = await run('ps_grpo', ['{"id":"a","group":"g","step_rewards":[1,0],"step_ends":[1,3]}'], {
      whiten: false,
    });
    const steps = out[0]?.['step_advantages'] as number[];
    expect(out[0]?.['token_advantages']).toEqual([steps[0], steps[0], steps[1], steps[1]]);
  });

  it('gives an error line, not a crash, when whitening a batch of one', async () => {
    const out = await run('reinforce_pp', ['{"id":"a","reward":1}']);
    expect((out[0]?.['error'] as { message: string } | undefined)?.message).toMatch(/at least 2 values/);
  });

  it('refuses an unknown estimator with a suggestion', () => {
    expect(() => configFromFlags({ estimator: 'rlo', in: '', whiten: true })).toThrow(/expected one of/);
  });

  it('refuses a group estimator when every sample is alone in its group, unless allowed', async () => {
    const lonely = ['{"id":1,"reward":1}', '{"id":2,"reward":0}'];
    await expect(run('grpo', lonely)).rejects.toThrow(/every one of the 2 samples is alone in its group/);
    const file = fileWith(lonely);
    const config = configFromFlags({ estimator: 'grpo', in: '', whiten: true });
    const out = (await advantagesForFile(file, config, { allowSingletonGroups: true })).map(
      (line) => JSON.parse(line) as Record<string, unknown>,
    );
    expect(out[0]?.['advantage']).toBeCloseTo(1 / (1 + 1e-6), 9);
    // Non-group estimators do not care.
    expect(await run('reinforce_pp', lonely)).toHaveLength(2);
  });

  it('gives integer ids back as integers', async () => {
    const out = await run('grpo', ['{"id":7,"group":"q","reward":1}', '{"id":8,"group":"q","reward":0}']);
    expect(out.map((line) => line['id'])).toEqual([7, 8]);
  });
});
