import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './helpers/cli-process.js';

/** A newcomer's first hour: `rewardkit score`, then `rewardkit advantages --estimator grpo` on its output. */
describe('score -> advantages', () => {
  const directory = mkdtempSync(join(tmpdir(), 'rewardkit-workflow-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const spec = join(directory, 'spec.yaml');
  writeFileSync(spec, 'name: w\nrewards:\n  - {name: correct, type: math}\n');
  const input = join(directory, 'in.jsonl');
  // Integer ids, one group given by `group`, the other only by its shared prompt.
  writeFileSync(
    input,
    [
      { id: 1, group: 'q1', response: 'The answer is 4.', reference: { answer: '4' } },
      { id: 2, group: 'q1', response: 'The answer is 5.', reference: { answer: '4' } },
      { id: 3, prompt: 'What is 2*3?', response: '6', reference: { answer: '6' } },
      { id: 4, prompt: 'What is 2*3?', response: '7', reference: { answer: ['six', '6'] } },
      { id: 5, prompt: 'What is 2*3?', response: 'six', reference: { answer: ['six', '6'] } },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );
  const scored = join(directory, 'scored.jsonl');
  const store = join(directory, 'elsewhere', 'runs.sqlite');

  it('keeps integer ids and groups, and puts the store where REWARDKIT_STORE says', async () => {
    const cli = startCli(['score', '--spec', spec, '--in', input, '--out', scored], {
      REWARDKIT_STORE: store,
    });
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain(`store         ${store}`);
    expect(existsSync(store)).toBe(true);
    const lines = readFileSync(scored, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual([1, 2, 3, 4, 5]);
    expect(lines.map((line) => line.reward)).toEqual([1, 0, 1, 0, 1]);
    expect(lines[0].group).toBe('q1');
    expect(lines[2].group).toMatch(/^prompt:[0-9a-f]{16}$/);
    expect(new Set(lines.slice(2).map((line) => line.group)).size).toBe(1);
  }, 60_000);

  it('gives GRPO advantages per group on the score output', async () => {
    const out = join(directory, 'advantages.jsonl');
    const cli = startCli(['advantages', '--estimator', 'grpo', '--in', scored, '--out', out]);
    expect(await cli.exited).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // q1: rewards 1, 0 -> +-(0.5 / std) with the unbiased std sqrt(0.5).
    expect(lines[0].advantage).toBeCloseTo(0.5 / (Math.SQRT1_2 + 1e-6), 6);
    expect(lines[1].advantage).toBeCloseTo(-0.5 / (Math.SQRT1_2 + 1e-6), 6);
    expect(lines[3].advantage).toBeLessThan(0);
  }, 60_000);

  it('refuses GRPO when every line is a group of one', async () => {
    const lonely = join(directory, 'lonely.jsonl');
    writeFileSync(lonely, '{"id":1,"reward":1}\n{"id":2,"reward":0}\n');
    const cli = startCli(['advantages', '--estimator', 'grpo', '--in', lonely]);
    expect(await cli.exited).not.toBe(0);
    expect(cli.output()).toMatch(/alone in its group[\s\S]*--allow-singleton-groups/);
  }, 60_000);
});
