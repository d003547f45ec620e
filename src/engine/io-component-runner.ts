import { RewardKitError } from '../core/errors.js';
import type { ComponentResult } from '../core/result.js';
import type { ComponentScorer } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import { cancelledComponent } from './cancelled-result.js';
import { LazyContext, overrunResult, raceSoftly, thrownResult } from './run-component.js';
import type { SlotLimiter } from './slot-limiter.js';

export interface IoComponentSettings {
  scorer: ComponentScorer;
  timeoutSeconds: number;
  /** Samples of this component in flight at once. */
  limiter: SlotLimiter;
  /** One per model endpoint the component calls, shared with every component of the process. */
  endpointLimiters: readonly SlotLimiter[];
  /**
   * A result that arrived after its deadline (the sample was reported `timeout`): the engine
   * stores it in the component cache, so a retry or a resumed run does not pay for the call again.
   */
  onLate?: (index: number, result: ComponentResult) => void;
  /**
   * The request's cancellation: once it fires, no call starts (a sample waiting for a slot is
   * cancelled when it gets one) and the calls in flight are aborted through their signals; their
   * samples are cancelled at once (a late answer still goes to `onLate`, so what was paid for is
   * cached). A `scoreBatch` slice is cancelled as a whole.
   */
  cancel?: AbortSignal | undefined;
}

/**
 * Runs an `io` component (a model behind HTTP) over a batch on the event loop:
 * - at most the component's and each endpoint's capacity of samples in flight; a slot is given
 *   back when the call really ends, not when its deadline passes, so an endpoint never sees more
 *   than its limit even while late calls finish;
 * - `scoreBatch` when the scorer has it (slices of at most the capacity), else `score` per sample;
 * - soft cancellation: at the deadline the sample is `timeout` and the signal is aborted, but the
 *   call is never killed nor sent again; its late answer goes to `onLate`;
 * - cancellation of the request (`cancel`): see IoComponentSettings.cancel.
 * Results are in input order, one per sample.
 */
export async function runIoComponent(
  settings: IoComponentSettings,
  samples: readonly Sample[],
  steps: readonly (readonly string[])[],
): Promise<ComponentResult[]> {
  const capacity = Math.min(
    settings.limiter.capacity,
    ...settings.endpointLimiters.map((limiter) => limiter.capacity),
  );
  if (settings.scorer.scoreBatch !== undefined) {
    const slices: Promise<ComponentResult[]>[] = [];
    for (let start = 0; start < samples.length; start += capacity) {
      const indexes = Array.from(
        { length: Math.min(capacity, samples.length - start) },
        (_, offset) => start + offset,
      );
      slices.push(runBatchSlice(settings, samples, steps, indexes));
    }
    return (await Promise.all(slices)).flat();
  }
  return Promise.all(
    samples
      .map((sample, index) =>
        runSoftly(
          settings,
          [index],
          (contexts) =>
            Promise.resolve(settings.scorer.score(sample, contexts[0] as LazyContext)).then((result) => [
              result,
            ]),
          steps,
        ),
      )
      .map((slice) => slice.then((results) => results[0] as ComponentResult)),
  );
}

async function acquireAll(settings: IoComponentSettings, slots: number): Promise<() => void> {
  const releases = [await settings.limiter.acquire(slots)];
  for (const limiter of settings.endpointLimiters) releases.push(await limiter.acquire(slots));
  return () => {
    for (const release of releases) release();
  };
}

function runBatchSlice(
  settings: IoComponentSettings,
  samples: readonly Sample[],
  steps: readonly (readonly string[])[],
  indexes: readonly number[],
): Promise<ComponentResult[]> {
  const scoreBatch = settings.scorer.scoreBatch as NonNullable<ComponentScorer['scoreBatch']>;
  return runSoftly(
    settings,
    indexes,
    (contexts) =>
      scoreBatch.call(
        settings.scorer,
        indexes.map((index) => samples[index] as Sample),
        contexts,
      ),
    steps,
  );
}

/**
 * One call (a sample's `score` or a slice's `scoreBatch`) under the limits and a soft deadline:
 * slots are held until the call ends; at the deadline every sample of the call is `timeout` and
 * the signals are aborted; a late answer goes to `onLate`.
 */
async function runSoftly(
  settings: IoComponentSettings,
  indexes: readonly number[],
  start: (contexts: readonly LazyContext[]) => PromiseLike<readonly ComponentResult[]>,
  steps?: readonly (readonly string[])[],
): Promise<ComponentResult[]> {
  const release = await acquireAll(settings, indexes.length);
  const cancel = settings.cancel;
  if (cancel?.aborted === true) {
    release();
    return indexes.map(() => cancelledComponent(cancel));
  }
  const timeoutMs = settings.timeoutSeconds * 1000;
  const deadline = performance.now() + timeoutMs;
  const contexts = indexes.map((index) => new LazyContext(steps?.[index] ?? [], deadline));
  let call: Promise<readonly ComponentResult[]>;
  try {
    call = Promise.resolve(start(contexts));
  } catch (error) {
    release();
    return indexes.map(() => thrownResult(error));
  }
  const answered = call.then(
    (results) => {
      release();
      return checkedBatch(results, indexes.length);
    },
    (error: unknown) => {
      release();
      return indexes.map(() => thrownResult(error));
    },
  );
  return raceSoftly(
    answered,
    timeoutMs,
    contexts,
    () => indexes.map(() => overrunResult(settings.timeoutSeconds)),
    (late) => {
      late.forEach((result, position) => {
        settings.onLate?.(indexes[position] as number, result);
      });
    },
    cancel === undefined
      ? undefined
      : { signal: cancel, result: () => indexes.map(() => cancelledComponent(cancel)) },
  );
}

/** One result per sample, or an `error` for each when a kind answers a batch with the wrong count. */
function checkedBatch(results: readonly ComponentResult[], size: number): ComponentResult[] {
  if (Array.isArray(results) && results.length === size) return [...results];
  const error = new RewardKitError(
    'RK_COMPONENT_ERROR',
    `scoreBatch returned ${Array.isArray(results) ? results.length : 'no'} results for ${size} samples`,
  );
  return Array.from({ length: size }, () => thrownResult(error));
}
