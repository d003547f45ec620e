import { describe, expect, it } from 'vitest';
import { lastJsonLine, runModuleProbe } from '../../test/helpers/module-probe.js';
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

  it('works in a process started with --input-type=module (its flags reach the worker)', () => {
    // The worker's `require` died at its first line under these flags: every call waited its
    // whole limit (10 s) and answered timeout.
    const child = runModuleProbe(
      [
        "const { runGuardedCas } = await import('./src/math/guarded-cas.ts');",
        "console.log(JSON.stringify(runGuardedCas({ op: 'parse', latex: '\\\\frac{x}{2}' }, 60_000)));",
        'process.exit(0);',
      ].join('\n'),
    );
    expect(child.status, child.stderr).toBe(0);
    expect(lastJsonLine(child)).toEqual({
      ok: true,
      value: ['Divide', 'x', 2],
    });
  }, 60_000);

  it('answers timeout at once when no time is left', () => {
    expect(runGuardedCas({ op: 'parse', latex: 'x' }, 0)).toMatchObject({ ok: false, reason: 'timeout' });
  });
});
