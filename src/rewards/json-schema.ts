import { Ajv, type ValidateFunction } from 'ajv';
import { z } from 'zod';
import { compileClientRegex } from '../core/client-regex.js';
import { RewardKitError } from '../core/errors.js';
import { scored, undecided } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';

export const JsonSchemaOptionsSchema = z
  .object({
    /** The JSON Schema the response must match; without it, each sample's reference.schema. */
    schema: z.record(z.string(), z.unknown()).optional(),
    /** How many compiled reference schemas to keep (by their JSON text). */
    cache_size: z.number().int().positive().default(256),
  })
  .strict();

export type JsonSchemaOptions = z.infer<typeof JsonSchemaOptionsSchema>;

/**
 * Finds the JSON text in a response, in this order: the first ```json fenced block (or the
 * first fenced block whose body starts with { or [), the whole response when it starts with
 * { or [, else the first balanced {...} span (braces inside strings are skipped).
 */
export function extractJsonText(response: string): { text: string; from: string } | undefined {
  for (const block of fencedBlocks(response)) {
    const language = block.language.toLowerCase();
    const body = block.body.trim();
    if (language === 'json' || (language === '' && /^[[{]/.test(body)))
      return { text: body, from: 'fenced block' };
  }
  const trimmed = response.trim();
  if (/^[[{]/.test(trimmed)) return { text: trimmed, from: 'whole response' };
  const span = firstBraceSpan(response);
  return span === undefined ? undefined : { text: span, from: 'first {...} span' };
}

/**
 * The fenced blocks of a response, left to right: ``` + a language word + the rest of the line,
 * then the body up to the next ```. Scanned with indexOf in linear time (a lazy regex rescans
 * the rest of the text from every unclosed fence: quadratic on 100,000 fences).
 */
function* fencedBlocks(response: string): Generator<{ language: string; body: string }> {
  const fence = '```';
  let cursor = 0;
  for (;;) {
    const start = response.indexOf(fence, cursor);
    if (start < 0) return;
    const lineEnd = response.indexOf('\n', start + fence.length);
    if (lineEnd < 0) return;
    const end = response.indexOf(fence, lineEnd + 1);
    if (end < 0) return;
    const language = /^[\w-]*/.exec(response.slice(start + fence.length, lineEnd))?.[0] ?? '';
    yield { language, body: response.slice(lineEnd + 1, end) };
    cursor = end + fence.length;
  }
}

function firstBraceSpan(text: string): string | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) return text.slice(start, index + 1);
    }
  }
  return undefined;
}

/**
 * Schema `pattern` and `patternProperties` come from specs and samples: ajv runs them on the
 * linear-time engine (core/client-regex.ts), and a backtracking-only pattern makes the schema invalid.
 */
const linearRegExp = Object.assign(
  (pattern: string) => {
    const regex = compileClientRegex(pattern, '', 'schema pattern');
    return { test: regex.test, toString: () => `/${pattern}/` };
  },
  { code: 'linearRegExp' },
);

/** `type: json_schema`: the response holds valid JSON that matches a JSON Schema (ajv). */
export const jsonSchemaReward = defineRewardKind({
  name: 'json_schema',
  description: 'the response contains valid JSON that matches options.schema or reference.schema (ajv)',
  optionsSchema: JsonSchemaOptionsSchema,
  defaultTimeoutSeconds: 2,
  create: (options) => {
    const ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: linearRegExp } });
    let fixed: ValidateFunction | undefined;
    if (options.schema !== undefined) {
      try {
        fixed = ajv.compile(options.schema);
      } catch (cause) {
        throw new RewardKitError(
          'RK_SPEC_INVALID',
          `options.schema is not a valid JSON Schema: ${(cause as Error).message}`,
          {
            where: 'options.schema',
          },
        );
      }
    }
    // Compiled reference schemas by JSON text; evicted ones are also dropped from ajv's own cache.
    const perReference = new Map<string, { schema: object; validate: ValidateFunction }>();
    const compileReference = (schema: object): ValidateFunction => {
      const key = JSON.stringify(schema);
      let entry = perReference.get(key);
      if (entry === undefined) {
        entry = { schema, validate: ajv.compile(schema) };
        if (perReference.size >= options.cache_size) {
          const [oldestKey, oldest] = perReference.entries().next().value as [string, { schema: object }];
          perReference.delete(oldestKey);
          ajv.removeSchema(oldest.schema);
        }
        perReference.set(key, entry);
      }
      return entry.validate;
    };
    return {
      score(sample) {
        let validate = fixed;
        if (validate === undefined) {
          const schema = sample.reference?.['schema'];
          if (schema === null || typeof schema !== 'object') {
            return undecided('error', {
              code: 'RK_INPUT_INVALID',
              message: 'no JSON Schema: give options.schema in the spec or reference.schema in the sample',
            });
          }
          try {
            validate = compileReference(schema);
          } catch (cause) {
            return undecided('error', {
              code: 'RK_INPUT_INVALID',
              message: `reference.schema is not a valid JSON Schema: ${(cause as Error).message}`,
            });
          }
        }
        const found = extractJsonText(sample.response);
        if (found === undefined) return scored(0, { reason: 'no JSON found in the response' });
        let value: unknown;
        try {
          value = JSON.parse(found.text);
        } catch (cause) {
          return scored(0, { reason: `invalid JSON (${found.from}): ${(cause as Error).message}` });
        }
        if (validate(value)) return scored(1, { reason: 'valid JSON matching the schema', from: found.from });
        const errors = (validate.errors ?? []).map((error) => ({
          path: error.instancePath === '' ? '/' : error.instancePath,
          message: error.message ?? error.keyword,
        }));
        return scored(0, { reason: 'JSON does not match the schema', from: found.from, errors });
      },
    };
  },
});
