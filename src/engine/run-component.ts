import { toErrorInfo } from '../core/errors.js';
import { type ComponentResult, undecided } from '../core/result.js';
import type { ComponentScorer, ScoreContext } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';

/** The `timeout` result of a component that gave no verdict within its budget. */
export function overrunResult(timeoutSeconds: number, elapsedMs?: number): ComponentResult {
  const took = elapsedMs === undefined ? '' : ` (took ${Math.round(elapsedMs)} ms)`;
  return undecided('timeout', {
    code: 'RK_TIMEOUT',
    message: `no verdict within ${timeoutSeconds} s${took}`,
  });
}

/** A thrown error as the component's `error` result. */
export function thrownResult(error: unknown): ComponentResult {
  const info = toErrorInfo(error);
  return undecided('error', info.code === 'RK_INTERNAL' ? { ...info, code: 'RK_COMPONENT_ERROR' } : info);
}

/**
 * A score context whose abort signal is made only when the scorer reads it: a synchronous scorer
 * that never looks at it costs no AbortController (one per component per sample adds up at tens
 * of thousands of samples per second).
 */
export class LazyContext implements ScoreContext {
  #controller: AbortController | undefined;

  constructor(
    readonly steps: readonly string[],
    readonly deadline: number,
  ) {}

  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  abort(): void {
    this.#controller?.abort();
  }
}

/**
 * Runs one component on one sample and always returns a result: exceptions become `error`
 * results, and an overrun becomes `timeout`, never a verdict. A synchronous scorer is called
 * directly (no promise, no timer); one that returns after its deadline (it bounds its own work, and
 * worker threads enforce a hard limit) is reported `timeout`. An asynchronous scorer is raced
 * against the deadline and told to stop through the abort signal; its late answer, if any, goes
 * to `onLate` (the engine caches it so a paid call is not made again).
 */
export function runComponent(
  scorer: ComponentScorer,
  sample: Sample,
  steps: readonly string[],
  timeoutSeconds: number,
  onLate?: (result: ComponentResult) => void,
): ComponentResult | Promise<ComponentResult> {
  const started = performance.now();
  const timeoutMs = timeoutSeconds * 1000;
  const context = new LazyContext(steps, started + timeoutMs);
  let outcome: ComponentResult | Promise<ComponentResult>;
  try {
    outcome = scorer.score(sample, context);
  } catch (error) {
    return thrownResult(error);
  }
  if (!isPromiseLike(outcome)) {
    const elapsed = performance.now() - started;
    return elapsed > timeoutMs ? overrunResult(timeoutSeconds, elapsed) : outcome;
  }
  return raceDeadline(Promise.resolve(outcome), context, timeoutSeconds, onLate);
}

function isPromiseLike<Value>(value: Value | PromiseLike<Value>): value is PromiseLike<Value> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

async function raceDeadline(
  outcome: Promise<ComponentResult>,
  context: LazyContext,
  timeoutSeconds: number,
  onLate: ((result: ComponentResult) => void) | undefined,
): Promise<ComponentResult> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const deadline = new Promise<ComponentResult>((resolve) => {
    timer = setTimeout(
      () => {
        timedOut = true;
        context.abort();
        resolve(overrunResult(timeoutSeconds));
      },
      Math.max(0, context.deadline - performance.now()),
    );
    timer.unref();
  });
  const settled = outcome.then(
    (result) => {
      if (timedOut) onLate?.(result);
      return result;
    },
    (error: unknown) => thrownResult(error),
  );
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
