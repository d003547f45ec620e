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
 * against the deadline and told to stop through the abort signal (raceSoftly).
 */
export function runComponent(
  scorer: ComponentScorer,
  sample: Sample,
  steps: readonly string[],
  timeoutSeconds: number,
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
  return raceSoftly(
    Promise.resolve(outcome).catch((error: unknown) => thrownResult(error)),
    Math.max(0, context.deadline - performance.now()),
    [context],
    () => overrunResult(timeoutSeconds),
  );
}

function isPromiseLike<Value>(value: Value | PromiseLike<Value>): value is PromiseLike<Value> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * A call under a soft deadline: after `delayMs` its contexts are aborted and `expired()` answers
 * instead; the call itself is not stopped, and its answer, if it comes after, goes to `onLate`.
 */
export async function raceSoftly<Value>(
  call: Promise<Value>,
  delayMs: number,
  contexts: readonly LazyContext[],
  expired: () => Value,
  onLate?: (late: Value) => void,
): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const deadline = new Promise<Value>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      for (const context of contexts) context.abort();
      resolve(expired());
    }, delayMs);
    timer.unref();
  });
  const settled = call.then((value) => {
    if (timedOut) onLate?.(value);
    return value;
  });
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
