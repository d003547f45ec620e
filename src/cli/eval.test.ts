import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from '../../test/helpers/cli-process.js';

describe('rewardkit eval (the CLI, in its own process)', () => {
  it('evaluates step_check on PRMBench lines and writes metrics, predictions and a report', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rk-eval-cli-'));
    const cli = startCli([
      'eval',
      '--benchmark',
      'prmbench',
      '--data',
      'test/fixtures/eval/prmbench-mini.jsonl',
      '--scorer',
      'test/fixtures/eval/step-check.yaml',
      '--out',
      join(directory, 'metrics.json'),
      '--predictions',
      join(directory, 'preds.jsonl'),
      '--report',
      join(directory, 'report.html'),
    ]);
    expect(await cli.exited).toBe(0);
    const metrics = JSON.parse(readFileSync(join(directory, 'metrics.json'), 'utf8')) as {
      prm_score: number;
    };
    expect(metrics.prm_score).toBeCloseTo(16 / 37 + 1 / 7, 9);
    expect(readFileSync(join(directory, 'preds.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    const report = readFileSync(join(directory, 'report.html'), 'utf8');
    expect(report).toContain('<svg');
    expect(report).not.toContain('<script');
    expect(cli.output()).toContain('PRMScore per category');
  }, 60_000);

  it('refuses an unknown benchmark and both scorers, with exit 2', async () => {
    const unknown = startCli(['eval', '--benchmark', 'prmbenchh', '--data', 'x', '--scores', 'y']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.output()).toMatch(/unknown benchmark 'prmbenchh'.*did you mean 'prmbench'/s);
    const both = startCli(['eval', '--benchmark', 'bon', '--data', 'x', '--scores', 'y', '--scorer', 'z']);
    expect(await both.exited).toBe(2);
    expect(both.output()).toContain('at most one of --scorer SPEC and --scores FILE');
  }, 60_000);

  it('reads the scores from the data lines when given neither --scorer nor --scores (ProcessBench run_eval.py output)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rk-eval-given-'));
    const data = join(directory, 'gsm8k_output.jsonl');
    const line = (id: string, label: number, prediction: number | null) =>
      JSON.stringify({
        id,
        generator: 'g',
        problem: 'p',
        steps: ['a', 'b'],
        label,
        prediction,
        match: prediction === label,
      });
    writeFileSync(
      data,
      [line('gsm8k-0', 1, 1), line('gsm8k-1', -1, null), line('gsm8k-2', -1, -1)].join('\n'),
    );
    const cli = startCli([
      'eval',
      '--benchmark',
      'processbench',
      '--data',
      data,
      '--out',
      join(directory, 'm.json'),
    ]);
    expect(await cli.exited, cli.output()).toBe(0);
    const metrics = JSON.parse(readFileSync(join(directory, 'm.json'), 'utf8')) as {
      scorer: string;
      splits: Record<string, { accError: number; accCorrect: number; f1: number }>;
    };
    expect(metrics.scorer).toBe('scores in the data lines');
    // erroneous 1/1, correct 1/2 (the null prediction matches nothing): F1 = 2 * 0.5 / 1.5.
    expect(metrics.splits['gsm8k']).toMatchObject({ accError: 1, accCorrect: 0.5 });
    expect(metrics.splits['gsm8k']?.f1).toBeCloseTo(2 / 3, 12);
  }, 60_000);
});
