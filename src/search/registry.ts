import { Registry } from '../core/registry.js';
import { baseStrategies } from './base-strategies.js';
import { computeOptimal } from './strategies/compute-optimal.js';
import type { SearchStrategy } from './types.js';

/** Every test-time search strategy by name (the CLI's `--strategy`). */
export const searchStrategies = new Registry<SearchStrategy<unknown>>('search strategy', [
  ...baseStrategies,
  computeOptimal,
]);
