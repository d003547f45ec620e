import { z } from 'zod';
import { defineSegmenter } from './segmenter.js';

/** The whole response is a single step. */
export const noneSegmenter = defineSegmenter({
  name: 'none',
  description: 'the whole response is one step',
  optionsSchema: z.object({}).strict(),
  create: () => (sample) => (sample.response.trim() === '' ? [] : [sample.response.trim()]),
});
