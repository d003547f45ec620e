import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuardedCas } from './guarded-cas.js';

describe('runGuardedCas', () => {
  it('parses with compute-engine in its worker', () => {
    const answer = runGuardedCas({ op: 'parse', latex: '\\frac{x}{2}' }, 60_000);
    expect(answer).toEqual({ ok: true, value: ['Divide', 'x', 2] });
  });

  it('turns a computation that never ends into a timeout, and the next call still works', () => {
    // compute-engine tries to expand 1,000,000,000! exactly; the guard gives up at the deadline.
    const started = performance.now();
    const answer = runGuardedCas({ op: 'isEqual', gold: ['Factorial', 1_000_000_000], pred: 5 }, 1_000);
    expect(answer.ok).toBe(false);
    expect(answer.ok === false && answer.reason).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(runGuardedCas({ op: 'isEqual', gold: ['Add', 1, 1], pred: 2 }, 60_000)).toEqual({
      ok: true,
      value: true,
    });
  });

  it('works in a process started with --input-type=module (the worker is CommonJS whatever the flags)', () => {
    // Such a process's flags reached the worker, which died at its first line: every call waited
    // its whole limit (10 s) and answered timeout.
    const probe = [
      "const { runGuardedCas } = await import('./src/math/guarded-cas.ts');",
      "console.log(JSON.stringify(runGuardedCas({ op: 'parse', latex: '\\\\frac{x}{2}' }, 60_000)));",
      'process.exit(0);',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? 'null')).toEqual({
      ok: true,
      value: ['Divide', 'x', 2],
    });
  }, 60_000);

  it('answers timeout at once when no time is left', () => {
    expect(runGuardedCas({ op: 'parse', latex: 'x' }, 0)).toMatchObject({ ok: false, reason: 'timeout' });
  });
});
