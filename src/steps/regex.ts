import { z } from 'zod';
import { isValidRegex } from '../core/text.js';
import { cleanSteps, defineSegmenter } from './segmenter.js';

const RegexOptionsSchema = z
  .object({
    /** A JavaScript regular expression; the response is split where it matches. */
    pattern: z
      .string()
      .min(1)
      .refine((pattern) => isValidRegex(pattern), { message: 'not a valid regular expression' }),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'only i, m, s, u flags')
      .default(''),
  })
  .strict();

/** Steps are the pieces between matches of a user-given regular expression. */
export const regexSegmenter = defineSegmenter({
  name: 'regex',
  description: 'split where a regular expression matches',
  optionsSchema: RegexOptionsSchema,
  create: (options) => {
    const pattern = new RegExp(options.pattern, `${options.flags}g`);
    return (sample) =>
      cleanSteps(sample.response.split(pattern).filter((piece) => typeof piece === 'string'));
  },
});
