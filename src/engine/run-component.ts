import { toErrorInfo } from '../core/errors.js';
import { type ComponentResult, undecided } from '../core/result.js';
import type { ComponentScorer, ScoreContext } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';

/**
 * Runs one component on one sample and always returns a result: exceptions become `error`
 * results, a passed deadline becomes a `timeout` result. Asynchronous scorers are raced against
 * the deadline and told to stop through the abort signal; synchronous CPU-bound scorers bound
 * their own work (math has input caps and budgets) and the worker pool enforces a hard limit.
 */
export async function runComponent(
  scorer: ComponentScorer,
  sample: Sample,
  steps: readonly string[],
  timeoutSeconds: number,
): Promise<ComponentResult> {
  const controller = new AbortController();
  const timeoutMs = timeoutSeconds * 1000;
  const context: ScoreContext = { steps, deadline: performance.now() + timeoutMs, signal: controller.signal };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<ComponentResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(
        undecided('timeout', { code: 'RK_TIMEOUT', message: `no verdict within ${timeoutSeconds} s` }, {}),
      );
    }, timeoutMs);
    timer.unref();
  });
  try {
    const outcome = Promise.resolve().then(() => scorer.score(sample, context));
    return await Promise.race([outcome, timedOut]);
  } catch (error) {
    const info = toErrorInfo(error);
    return undecided('error', info.code === 'RK_INTERNAL' ? { ...info, code: 'RK_COMPONENT_ERROR' } : info);
  } finally {
    clearTimeout(timer);
  }
}
