import { Registry } from '../core/registry.js';
import { mathShepherd } from './math-shepherd.js';
import { omegaPrm } from './omegaprm.js';
import { progress } from './progress.js';
import type { LabelMethod } from './types.js';

/** Every automatic step-labelling method by name (the CLI's `--method`). */
export const labelMethods = new Registry<LabelMethod<unknown>>('label method', [
  mathShepherd,
  omegaPrm,
  progress,
]);
