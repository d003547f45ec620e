import { describe, expect, it } from 'vitest';
import { runModuleProbe } from '../../test/helpers/module-probe.js';
import {
  MEASURED_LINES,
  OptimizingCompilerGate,
  SETTLING_LINES,
  shouldDeferOptimizer,
} from './optimizing-compiler-gate.js';

/** A gate over a scripted CPU clock; `opened` counts the calls that turned TurboFan on. */
function scriptedGate(inputBytes: number | undefined) {
  const clock = { micros: 0 };
  const calls = { opened: 0 };
  const gate = new OptimizingCompilerGate({
    inputBytes,
    cpuMicros: () => clock.micros,
    enable: () => {
      calls.opened++;
    },
  });
  return { gate, clock, calls };
}

/** Feeds the gate `lines` lines of `bytesPerLine` bytes costing `microsPerLine` each, by blocks of 64. */
function feed(
  scripted: ReturnType<typeof scriptedGate>,
  lines: number,
  bytesPerLine: number,
  microsPerLine: number,
): void {
  for (let done = 0; done < lines; done += 64) {
    const block = Math.min(64, lines - done);
    scripted.clock.micros += block * microsPerLine;
    scripted.gate.scored(block, block * bytesPerLine);
  }
}

describe('OptimizingCompilerGate', () => {
  it('judges nothing before the settling and measured lines, however costly', () => {
    const scripted = scriptedGate(1e10);
    feed(scripted, SETTLING_LINES + MEASURED_LINES - 64, 100, 10_000);
    expect(scripted.calls.opened).toBe(0);
  });

  it('turns TurboFan on once when the rest of the input will cost enough', () => {
    // 100-byte lines at 100 us: 10 MB is 100,000 lines, about 9.7 s left after the first 3,200
    // (the block that ends the measured lines).
    const scripted = scriptedGate(10_000_000);
    feed(scripted, SETTLING_LINES + MEASURED_LINES + 200, 100, 100);
    expect(scripted.calls.opened).toBe(1);
    feed(scripted, 640, 100, 100);
    expect(scripted.calls.opened).toBe(1);
    expect(scripted.gate.open).toBe(true);
  });

  it('measures after the settling lines: a costly start does not count', () => {
    // 20,000 lines of 350 bytes (four GSM8K files): 17,000 left at 25 us is 0.4 s.
    const scripted = scriptedGate(20_000 * 350);
    feed(scripted, SETTLING_LINES, 350, 500);
    feed(scripted, 19_000, 350, 25);
    expect(scripted.calls.opened).toBe(0);
  });

  it('looks again as the run goes: lines that get costlier still get it', () => {
    // 10,000 lines of 1,000 bytes: cheap (10 us) for the first 5,000, then 5 ms each.
    const scripted = scriptedGate(10_000 * 1_000);
    feed(scripted, 5_000, 1_000, 10);
    expect(scripted.calls.opened).toBe(0);
    feed(scripted, 2_000, 1_000, 5_000);
    expect(scripted.calls.opened).toBe(1);
  });

  it('judges an input of unknown size by the CPU the run has used', () => {
    const scripted = scriptedGate(undefined);
    feed(scripted, SETTLING_LINES + MEASURED_LINES, 100, 100); // 0.3 s
    expect(scripted.calls.opened).toBe(0);
    feed(scripted, 14_000, 100, 100); // 1.7 s in all
    expect(scripted.calls.opened).toBe(1);
  });
});

describe('shouldDeferOptimizer', () => {
  it('defers with REWARDKIT_OPTIMIZER=auto', () => {
    expect(shouldDeferOptimizer('auto', [], undefined)).toBe(true);
    expect(shouldDeferOptimizer('auto', ['--import', 'x.mjs'], '--max-old-space-size=4096')).toBe(true);
  });

  it('leaves V8 alone by default, with always, or with a node flag about TurboFan', () => {
    expect(shouldDeferOptimizer(undefined, [], undefined)).toBe(false);
    expect(shouldDeferOptimizer('', [], undefined)).toBe(false);
    expect(shouldDeferOptimizer('always', [], undefined)).toBe(false);
    expect(shouldDeferOptimizer('auto', ['--turbofan'], undefined)).toBe(false);
    expect(shouldDeferOptimizer('auto', [], '--no-opt')).toBe(false);
    expect(shouldDeferOptimizer('auto', ['--jitless'], undefined)).toBe(false);
  });

  it('refuses another value, naming the variable', () => {
    expect(() => shouldDeferOptimizer('never', [], undefined)).toThrow(
      /REWARDKIT_OPTIMIZER must be auto or always/,
    );
  });
});

describe('deferOptimizingCompiler in a process', () => {
  it('keeps a hot function unoptimized until the gate opens, then V8 optimizes it', () => {
    // A child process: V8 flags are process-wide. %GetOptimizationStatus bit 4 (16) = TurboFan code.
    const script = `
      import { deferOptimizingCompiler, OptimizingCompilerGate } from './src/cli/optimizing-compiler-gate.ts';
      deferOptimizingCompiler();
      const hot = new Function('x', 'let s = 0; for (let i = 0; i < 50; i++) s += (x * i) % 7; return s;');
      const status = new Function('f', 'return %GetOptimizationStatus(f)');
      const run = () => { let t = 0; for (let i = 0; i < 300000; i++) t += hot(i); return t; };
      run();
      const before = (status(hot) & 16) !== 0;
      let micros = 0;
      const gate = new OptimizingCompilerGate({ inputBytes: 1e9, cpuMicros: () => (micros += 1e6) });
      for (let block = 0; block < 100; block++) gate.scored(64, 64);
      for (let round = 0; round < 20 && (status(hot) & 16) === 0; round++) {
        run();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      console.log(JSON.stringify({ before, after: (status(hot) & 16) !== 0, open: gate.open }));
    `;
    const child = runModuleProbe(script, {
      nodeFlags: ['--allow-natives-syntax'],
      env: { REWARDKIT_OPTIMIZER: 'auto' },
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ before: false, after: true, open: true });
  });
});
