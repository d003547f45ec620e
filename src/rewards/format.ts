import { z } from 'zod';
import {
  ClientRegexFlagsSchema,
  ClientRegexPatternSchema,
  compileClientRegex,
} from '../core/client-regex.js';
import { scored } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';

const TagNameSchema = z.string().regex(/^[A-Za-z][\w-]*$/, 'a tag name such as think or answer');

export const FormatOptionsSchema = z
  .object({
    /**
     * A regular expression the response must match (with `full: true`, the whole response). It
     * runs on the linear-time engine of core/client-regex.ts: no backreferences or lookaround.
     */
    pattern: ClientRegexPatternSchema.optional(),
    /** Regex flags; `s` (dot matches newlines) is on by default, as format checks span lines. */
    flags: ClientRegexFlagsSchema.default('s'),
    /** The pattern must match the whole (trimmed) response, not just a part of it. */
    full: z.boolean().default(false),
    /** Tags that must each appear once, closed, in this order: ['think', 'answer']. */
    tags: z.array(TagNameSchema).min(1).optional(),
    /** With `tags`: nothing but white space may stand outside the tags. */
    strict: z.boolean().default(false),
  })
  .strict()
  .refine((options) => options.pattern !== undefined || options.tags !== undefined, {
    message: 'give a pattern or tags',
  });

export type FormatOptions = z.infer<typeof FormatOptionsSchema>;

/** Checks the tags in order; returns the reason of the first failure, or undefined when all hold. */
function checkTags(response: string, tags: readonly string[], strict: boolean): string | undefined {
  let cursor = 0;
  let outside = '';
  for (const tag of tags) {
    const open = `<${tag}>`;
    const close = `</${tag}>`;
    const openCount = response.split(open).length - 1;
    if (openCount === 0) return `no <${tag}> tag`;
    if (openCount > 1) return `<${tag}> appears ${openCount} times`;
    const start = response.indexOf(open);
    if (start < cursor) return `<${tag}> is out of order`;
    const end = response.indexOf(close, start + open.length);
    if (end < 0) return `<${tag}> is not closed`;
    outside += response.slice(cursor, start);
    cursor = end + close.length;
  }
  outside += response.slice(cursor);
  if (strict && outside.trim() !== '') return 'text outside the required tags';
  return undefined;
}

/** `type: format`: a regular expression or required tags such as <think>...</think><answer>...</answer>. */
export const formatReward = defineRewardKind({
  name: 'format',
  description: 'the response matches a regular expression or contains the required tags in order',
  optionsSchema: FormatOptionsSchema,
  defaultTimeoutSeconds: 1,
  create: (options) => {
    const regex =
      options.pattern === undefined
        ? undefined
        : compileClientRegex(options.pattern, options.flags, 'options.pattern');
    const tags = options.tags;
    return {
      score(sample) {
        const response = options.full ? sample.response.trim() : sample.response;
        if (tags !== undefined) {
          const reason = checkTags(response, tags, options.strict);
          if (reason !== undefined) return scored(0, { reason });
        }
        if (regex !== undefined && !(options.full ? regex.testWhole(response) : regex.test(response))) {
          return scored(0, {
            reason: `does not match ${options.full ? 'in full ' : ''}/${regex.source}/`,
          });
        }
        return scored(1, { reason: 'format ok' });
      },
    };
  },
});
