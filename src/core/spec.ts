import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { AdvantagesConfigSchema } from '../advantages/config.js';
import { ProcessConfigSchema } from '../process/config.js';
import { closestName, RewardKitError, SpecError } from './errors.js';
import { ModelEndpointsSchema } from './model-endpoint.js';

export const OnErrorSchema = z.enum(['zero', 'null', 'fail']);
export type OnError = z.infer<typeof OnErrorSchema>;

export const CombineSchema = z.enum(['weighted_sum', 'min', 'product', 'gated']);
export type CombineMode = z.infer<typeof CombineSchema>;

export const RewardEntrySchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
    type: z.string().min(1),
    weight: z.number().finite().default(1),
    options: z.record(z.string(), z.unknown()).default({}),
    /** Overrides the spec-wide on_error for this component. */
    on_error: OnErrorSchema.optional(),
    /** With `combine: gated`: this component must pass for any reward to be given. */
    gate: z.boolean().default(false),
    /** Per-sample time budget for this component; defaults to the kind's own. */
    timeout_s: z.number().positive().max(3600).optional(),
    /**
     * The component cache (results keyed by kind, options and the inputs the kind reads).
     * Default: on for deterministic `io` kinds (model calls), off for `cpu` kinds (a lookup costs
     * about what scoring costs); a non-deterministic kind is cached only with `cache: true`.
     */
    cache: z.boolean().optional(),
    /** Part of the cache key of a non-deterministic kind: a new seed draws fresh results. */
    seed: z.number().int().optional(),
    /** `io` kinds: samples of this component in flight at once (default: the kind's own). */
    max_concurrency: z.number().int().positive().max(4096).optional(),
  })
  .strict();

/** Steps: a segmenter name plus its own options (validated by the segmenter's schema). */
export const StepsConfigSchema = z.object({ split: z.string().default('none') }).passthrough();

export const SpecSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    steps: StepsConfigSchema.default({ split: 'none' }),
    rewards: z.array(RewardEntrySchema).min(1, 'a spec needs at least one reward'),
    combine: CombineSchema.default('weighted_sum'),
    /** With `combine: gated`: a gate passes when its score is at least this. */
    gate_threshold: z.number().default(1),
    /** With `combine: gated`: the reward when a gate fails. */
    gate_fail_reward: z.number().default(0),
    on_error: OnErrorSchema.default('zero'),
    /** Process stage (steps -> outcome, credit, shaping); schema owned by src/process. */
    process: ProcessConfigSchema.optional(),
    /** Advantage stage; schema owned by src/advantages. */
    advantages: AdvantagesConfigSchema.optional(),
    /** Model endpoints by name, for model-backed kinds (`orm`, `prm`, `judge` ...). */
    models: ModelEndpointsSchema.default({}),
  })
  .strict()
  .superRefine((spec, context) => {
    const seen = new Set<string>();
    spec.rewards.forEach((entry, index) => {
      if (seen.has(entry.name)) {
        context.addIssue({
          code: 'custom',
          path: ['rewards', index, 'name'],
          message: `duplicate reward name '${entry.name}'`,
        });
      }
      seen.add(entry.name);
    });
  });

export type Spec = z.output<typeof SpecSchema>;
export type SpecInput = z.input<typeof SpecSchema>;
export type RewardEntry = z.output<typeof RewardEntrySchema>;

/** `rewards[0].options.pattern` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** One readable line per zod issue: path, what was expected, what was found. */
export function describeZodIssues(
  error: z.ZodError,
  input: unknown,
  locate: (path: readonly PropertyKey[]) => string = () => '',
  prefix: readonly PropertyKey[] = [],
  /** The schema that failed, when known: its keys feed "did you mean" for unknown keys anywhere. */
  schema?: z.ZodType,
): string[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const where = `${locate(path)}${formatPath(path)}`;
    const found = valueAt(input, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys
        .map((key) => `${where}: unknown key '${key}'${suggestKey(key, issue.path, schema)}`)
        .join('\n');
    }
    if (issue.code === 'invalid_type') {
      return `${where}: expected ${issue.expected}, found ${describeValue(found)}`;
    }
    if (issue.code === 'invalid_value') {
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(found)}`;
    }
    return `${where}: ${issue.message} (found ${describeValue(found)})`;
  });
}

const SPEC_KEYS = Object.keys(SpecSchema.shape);
const REWARD_KEYS = Object.keys(RewardEntrySchema.shape);

/** Suggests the known key closest to a misspelt one: the failing schema's keys, else the spec's own objects. */
function suggestKey(key: string, path: readonly PropertyKey[], schema?: z.ZodType): string {
  const pool =
    schema !== undefined
      ? objectKeysAt(schema, path)
      : path.length === 0
        ? SPEC_KEYS
        : path.length === 2 && path[0] === 'rewards'
          ? REWARD_KEYS
          : [];
  const suggestion = closestName(key, pool);
  return suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
}

/** zod's internal definition of a schema (the fields read to walk a schema's structure). */
interface SchemaDefinition {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
}

function definitionOf(schema: z.ZodType | undefined): SchemaDefinition | undefined {
  return (schema as { _zod?: { def?: SchemaDefinition } } | undefined)?._zod?.def;
}

/**
 * The keys of the object schema at `path` inside `schema` (through defaults, optionals, arrays
 * and pipes such as preprocessed aliases and transforms), or none when there is no object there.
 */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  let rest = [...path];
  for (let depth = 0; depth < 64; depth++) {
    const definition = definitionOf(current);
    if (definition === undefined) return [];
    if (definition.type === 'pipe') {
      current = definitionOf(definition.in)?.type === 'transform' ? definition.out : definition.in;
      continue;
    }
    if (definition.innerType !== undefined) {
      current = definition.innerType;
      continue;
    }
    if (rest.length === 0) return definition.type === 'object' ? Object.keys(definition.shape ?? {}) : [];
    const [part, ...remaining] = rest;
    rest = remaining;
    if (definition.type === 'array' && typeof part === 'number') current = definition.element;
    else if (definition.type === 'object' && typeof part === 'string') current = definition.shape?.[part];
    else return [];
  }
  return [];
}

/** Validates a parsed spec object; errors name every bad path at once. */
export function parseSpec(
  input: unknown,
  source = 'spec',
  locate?: (path: readonly PropertyKey[]) => string,
): Spec {
  const result = SpecSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = describeZodIssues(result.error, input, locate);
  throw new SpecError(`${source} is invalid:\n  ${lines.join('\n  ')}`, { where: source });
}

/** Reads and validates a YAML or JSON spec file. Errors carry `file:line:col path: reason`. */
export function loadSpecFile(file: string): Spec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new RewardKitError(
      'RK_SPEC_UNREADABLE',
      `cannot read spec file ${file}: ${(cause as Error).message}`,
      {
        where: file,
      },
    );
  }
  return parseSpecText(text, file);
}

/** Parses YAML (JSON is YAML) spec text, keeping positions so errors point at lines. */
export function parseSpecText(text: string, source = 'spec'): Spec {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const position = first?.linePos?.[0];
    const where = position ? `${source}:${position.line}:${position.col}` : source;
    throw new RewardKitError(
      'RK_SPEC_UNREADABLE',
      `${where}: not valid YAML/JSON: ${first?.message.split('\n')[0]}`,
      {
        where,
      },
    );
  }
  const data: unknown = document.toJS();
  const locate = (path: readonly PropertyKey[]): string => {
    let node: unknown = document.contents;
    let located: YamlNode | undefined;
    for (const part of path) {
      if (isMap(node) || isSeq(node)) {
        const next = node.get(part as string | number, true) as unknown;
        if (next === undefined) break;
        node = next;
        located = next as YamlNode;
      } else break;
    }
    const offset = located?.range?.[0];
    if (offset === undefined) return `${source}: `;
    const { line, col } = lineCounter.linePos(offset);
    return `${source}:${line}:${col}: `;
  };
  return parseSpec(data, source, locate);
}
