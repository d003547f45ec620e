import { toErrorInfo } from '../core/errors.js';
import { type ComponentResult, undecided } from '../core/result.js';
import type { ComponentScorer, ScoreContext } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import { cancelledComponent } from './cancelled-result.js';

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
 * `cancel` (the request's): when it has fired, the scorer is not called; when it fires while an
 * asynchronous scorer runs, the scorer's signal is aborted and the result is cancelled at once.
 */
export function runComponent(
  scorer: ComponentScorer,
  sample: Sample,
  steps: readonly string[],
  timeoutSeconds: number,
  cancel?: AbortSignal,
): ComponentResult | Promise<ComponentResult> {
  if (cancel?.aborted === true) return cancelledComponent(cancel);
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
    undefined,
    cancel === undefined ? undefined : { signal: cancel, result: () => cancelledComponent(cancel) },
  );
}

function isPromiseLike<Value>(value: Value | PromiseLike<Value>): value is PromiseLike<Value> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** What a call answers when the request it belongs to is cancelled. */
export interface Cancellation<Value> {
  signal: AbortSignal;
  result: () => Value;
}

/**
 * A call under a soft deadline: after `delayMs` its contexts are aborted and `expired()` answers
 * instead; the call itself is not stopped, and its answer, if it comes after, goes to `onLate`.
 * When `cancelled.signal` fires first, the contexts are aborted too (a model request in flight is
 * cancelled through them) and `cancelled.result()` answers.
 */
export async function raceSoftly<Value>(
  call: Promise<Value>,
  delayMs: number,
  contexts: readonly LazyContext[],
  expired: () => Value,
  onLate?: (late: Value) => void,
  cancelled?: Cancellation<Value>,
): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  let onCancel: (() => void) | undefined;
  const deadline = new Promise<Value>((resolve) => {
    const giveUp = (answer: () => Value): void => {
      if (gaveUp) return;
      gaveUp = true;
      for (const context of contexts) context.abort();
      resolve(answer());
    };
    timer = setTimeout(() => giveUp(expired), delayMs);
    timer.unref();
    if (cancelled !== undefined) {
      onCancel = () => giveUp(cancelled.result);
      if (cancelled.signal.aborted) onCancel();
      else cancelled.signal.addEventListener('abort', onCancel, { once: true });
    }
  });
  const settled = call.then((value) => {
    if (gaveUp) onLate?.(value);
    return value;
  });
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
    if (onCancel !== undefined) cancelled?.signal.removeEventListener('abort', onCancel);
  }
}
