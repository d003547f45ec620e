import { setFlagsFromString } from 'node:v8';
import { UsageError } from '../core/errors.js';

/**
 * When `rewardkit score` lets V8's optimizing compiler (TurboFan) run: only once the run is long
 * enough to pay for it. See docs/engine.md ("The optimizing compiler in `score`").
 *
 * TurboFan compiles the hot functions of a run (the verifier, the engine's per-line path) on
 * background threads: on this project's math runs that is 0.2-0.3 s of CPU, paid during the first
 * thousands of lines, and its code saves about a third of the CPU of each line after. On a run of
 * 5,000 GSM8K lines the compiling costs more than it saves (and half the CPU of the run); from
 * some tens of thousands of lines on it pays. V8 cannot know how long a batch will be; `score`
 * can (the input's size): with REWARDKIT_OPTIMIZER=auto it starts with TurboFan off and turns it
 * on as soon as the rest of the input is expected to cost at least REMAINING_CPU_SECONDS at the
 * rate measured so far.
 */

/**
 * Expected CPU of the rest of the run that makes compiling worth it. Compiling costs 0.2-0.35 s
 * and saves about a third of each later line's CPU: even at 1 s left it about pays back; the
 * margin keeps a run just past the break-even, whose rate was misjudged, from paying it.
 */
export const REMAINING_CPU_SECONDS = 1.5;
/** Lines scored before measuring (the first lines also pay one-time costs: lazy compilation). */
export const SETTLING_LINES = 1000;
/** Lines measured after those before the first estimate. */
export const MEASURED_LINES = 2000;
/** Lines between two estimates (reading the process's CPU time costs about 13 µs here). */
export const ESTIMATE_EVERY_LINES = 1024;

/**
 * Operators' switch: `auto` defers TurboFan as above; `always` (the default) leaves V8's own
 * tiering alone. Not the default yet: on GSM8K, 4 copies of 7,914 lines (31,656, under the
 * estimate's threshold) run without TurboFan and their marginal cost per line is higher (the
 * figures are in docs/engine.md); the first pass and LaTeX-heavy runs are cheaper.
 */
export const OPTIMIZER_VARIABLE = 'REWARDKIT_OPTIMIZER';

/** A node flag naming TurboFan already given to the process (command line or NODE_OPTIONS). */
function turbofanGiven(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) =>
    /^--(?:no-)?(?:turbofan|opt|jitless)(?:=|$)/.test(arg.replaceAll('_', '-')),
  );
}

/**
 * Whether `score` defers TurboFan: when the operator set REWARDKIT_OPTIMIZER=auto, unless node was
 * started with a flag about it (theirs wins).
 */
export function shouldDeferOptimizer(
  variable: string | undefined,
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): boolean {
  // Unset or empty: the default.
  if (variable !== undefined && variable !== '' && variable !== 'auto' && variable !== 'always') {
    throw new UsageError(
      `${OPTIMIZER_VARIABLE} must be auto or always, got '${variable}'`,
      "unset it for V8's own tiering (docs/engine.md: the optimizing compiler in score)",
    );
  }
  return variable === 'auto' && !turbofanGiven(execArgv, nodeOptions);
}

let deferred = false;

/**
 * Turns TurboFan off for this process when `score` should defer it (call before the scoring
 * modules are imported). Returns whether it did.
 */
export function deferOptimizingCompiler(): boolean {
  if (shouldDeferOptimizer(process.env[OPTIMIZER_VARIABLE], process.execArgv, process.env.NODE_OPTIONS)) {
    setFlagsFromString('--no-turbofan');
    deferred = true;
  }
  return deferred;
}

/** CPU microseconds of the process so far (every thread). */
function processCpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

export interface GateOptions {
  /** Bytes of the input (undefined or 0 when unknown: TurboFan comes after the CPU alone). */
  inputBytes: number | undefined;
  /** CPU microseconds so far (default: the process's, every thread). */
  cpuMicros?: () => number;
  /** Turns TurboFan on (default: setFlagsFromString('--turbofan')). */
  enable?: () => void;
}

/**
 * Watches the lines a run has scored and turns TurboFan on once, when the rest of the input (bytes
 * left x the CPU per byte of the lines measured after the first SETTLING_LINES) is expected to cost
 * at least REMAINING_CPU_SECONDS; for an input of unknown size, when the run has used that much.
 * It looks again every ESTIMATE_EVERY_LINES lines, so a run whose lines get costlier still gets it.
 */
export class OptimizingCompilerGate {
  readonly #inputBytes: number;
  readonly #cpuMicros: () => number;
  readonly #enable: () => void;
  readonly #startedAt: number;
  #lines = 0;
  #bytes = 0;
  #mark: { lines: number; bytes: number; cpu: number } | undefined;
  #nextEstimateAt = SETTLING_LINES;
  #open = false;

  constructor(options: GateOptions) {
    this.#inputBytes = options.inputBytes ?? 0;
    this.#cpuMicros = options.cpuMicros ?? processCpuMicros;
    this.#enable = options.enable ?? (() => setFlagsFromString('--turbofan'));
    this.#startedAt = this.#cpuMicros();
  }

  /** Whether TurboFan has been turned on by this gate. */
  get open(): boolean {
    return this.#open;
  }

  /** Counts a scored (or dispatched) block of lines and decides when it is time. */
  scored(lines: number, bytes: number): void {
    if (this.#open) return;
    this.#lines += lines;
    this.#bytes += bytes;
    if (this.#lines < this.#nextEstimateAt) return;
    const now = this.#cpuMicros();
    if (this.#mark === undefined) {
      this.#mark = { lines: this.#lines, bytes: this.#bytes, cpu: now };
      this.#nextEstimateAt = this.#lines + MEASURED_LINES;
      return;
    }
    this.#nextEstimateAt = this.#lines + ESTIMATE_EVERY_LINES;
    // Known size: the rest of it at the measured rate. Unknown: the run so far stands for the rest.
    const perByte = (now - this.#mark.cpu) / Math.max(1, this.#bytes - this.#mark.bytes);
    const expected =
      this.#inputBytes > 0 ? Math.max(0, this.#inputBytes - this.#bytes) * perByte : now - this.#startedAt;
    if (expected >= REMAINING_CPU_SECONDS * 1e6) {
      this.#open = true;
      this.#enable();
    }
  }
}

/** The gate of a `score` run: undefined when TurboFan was not deferred (nothing to turn on). */
export function optimizingCompilerGate(inputBytes: number | undefined): OptimizingCompilerGate | undefined {
  return deferred ? new OptimizingCompilerGate({ inputBytes }) : undefined;
}
