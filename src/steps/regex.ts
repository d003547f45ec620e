import { z } from 'zod';
import {
  ClientRegexFlagsSchema,
  ClientRegexPatternSchema,
  compileClientRegex,
} from '../core/client-regex.js';
import { cleanSteps, defineSegmenter } from './segmenter.js';

const RegexOptionsSchema = z
  .object({
    /**
     * A regular expression (JavaScript syntax, run by the linear-time engine of
     * core/client-regex.ts); the response is split where it matches, the separators dropped.
     */
    pattern: ClientRegexPatternSchema.pipe(z.string().min(1)),
    flags: ClientRegexFlagsSchema.default(''),
  })
  .strict();

/** Steps are the pieces between matches of a user-given regular expression. */
export const regexSegmenter = defineSegmenter({
  name: 'regex',
  description: 'split where a regular expression matches',
  optionsSchema: RegexOptionsSchema,
  create: (options) => {
    const pattern = compileClientRegex(options.pattern, options.flags, 'steps.pattern');
    return (sample) => cleanSteps(pattern.split(sample.response));
  },
});
