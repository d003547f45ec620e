import type { ErrorInfo } from '../core/errors.js';
import type { AdvantagesConfig } from './config.js';
import { type AdvantageItem, type AdvantageOutput, missingInput } from './estimator.js';
import { advantageEstimators } from './registry.js';

export type AdvantageOutcome = { output: AdvantageOutput } | { error: ErrorInfo };

/**
 * Runs the configured estimator over a batch. Items that lack what the estimator needs get an
 * error of their own and are left out of the batch statistics; a batch the estimator cannot
 * handle (whitening a single value) gives every remaining item that error. Never throws.
 */
export function computeAdvantages(
  items: readonly (AdvantageItem | ErrorInfo)[],
  config: AdvantagesConfig,
): AdvantageOutcome[] {
  const estimator = advantageEstimators.get(config.estimator);
  const outcomes: AdvantageOutcome[] = new Array(items.length);
  const usable: AdvantageItem[] = [];
  const positions: number[] = [];
  items.forEach((item, index) => {
    if ('code' in item) {
      outcomes[index] = { error: item };
      return;
    }
    const missing = missingInput(estimator, item);
    if (missing === undefined) {
      usable.push(item);
      positions.push(index);
    } else {
      outcomes[index] = {
        error: { code: 'RK_INPUT_INVALID', message: `estimator '${estimator.name}': ${missing}` },
      };
    }
  });
  try {
    const outputs = usable.length === 0 ? [] : estimator.estimate(usable, config);
    positions.forEach((position, index) => {
      outcomes[position] = { output: outputs[index] as AdvantageOutput };
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const position of positions) {
      outcomes[position] = {
        error: { code: 'RK_INPUT_INVALID', message: `estimator '${estimator.name}': ${message}` },
      };
    }
  }
  return outcomes;
}
