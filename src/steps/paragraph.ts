import { z } from 'zod';
import { cleanSteps, defineSegmenter } from './segmenter.js';

/** Steps are separated by one or more blank lines. */
export const paragraphSegmenter = defineSegmenter({
  name: 'paragraph',
  description: 'steps separated by blank lines',
  optionsSchema: z.object({}).strict(),
  create: () => (sample) => cleanSteps(sample.response.split(/\n[ \t]*\n/)),
});
