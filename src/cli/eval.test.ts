import { mkdtempSync, readFileSync } from 'node:fs';
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
});
