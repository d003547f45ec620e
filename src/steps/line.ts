import { z } from 'zod';
import { cleanSteps, defineSegmenter } from './segmenter.js';

/** Every non-empty line is a step. */
export const lineSegmenter = defineSegmenter({
  name: 'line',
  description: 'every non-empty line is a step',
  optionsSchema: z.object({}).strict(),
  create: () => (sample) => cleanSteps(sample.response.split(/\r?\n/)),
});
