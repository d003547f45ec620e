import type { ComponentResult } from '../../src/core/result.js';
import { UNDECIDED_STATUSES } from '../../src/core/result.js';
import type { RewardKind } from '../../src/core/reward-kind.js';
import { type Sample, SampleSchema } from '../../src/core/sample.js';

/**
 * Garbage and hostile samples for the reward kind contract (test/reward-kind-contract.test.ts),
 * built in code (no fixture files): what a policy under RL or a hostile client can send.
 */

/** Options to build each kind with. A kind whose options schema accepts `{}` needs no entry. */
/**
 * Model-backed kinds face an endpoint that refuses every connection (nothing listens on port 9 of
 * loopback): the contract is that each sample still gets a status and a reason within its deadline.
 */
const UNREACHABLE_ENDPOINT = {
  base_url: 'http://127.0.0.1:9/v1',
  model: 'contract',
  max_retries: 0,
  timeout_s: 2,
};

export const CONTRACT_OPTIONS: Record<string, readonly unknown[]> = {
  orm: [{ model: UNREACHABLE_ENDPOINT }],
  prm: [{ model: UNREACHABLE_ENDPOINT }],
  judge: [{ model: UNREACHABLE_ENDPOINT }],
  genprm: [{ model: UNREACHABLE_ENDPOINT }],
  implicit_prm: [{ policy: UNREACHABLE_ENDPOINT, reference: UNREACHABLE_ENDPOINT }],
  format: [
    { pattern: '^(a+)+$', flags: '' },
    { pattern: '<answer>(.|\\n)*</answer>', full: true },
    { tags: ['think', 'answer'], strict: true },
  ],
  length: [
    { mode: 'budget', budget: 100 },
    { mode: 'target', target: 50, unit: 'chars' },
  ],
  match: [{}, { mode: 'f1', extract_answer_tag: true }],
  json_schema: [
    {},
    {
      schema: { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } }, required: ['a'] },
    },
  ],
  code: [{ timeout_s: 2 }],
};

/** The deadline a component gets: its kind's default, capped so that the suite stays short. */
export const MAX_CONTRACT_DEADLINE_MS = 20_000;
/** Slack over the deadline: a shared, loaded machine; the point is "bounded", not "fast". */
export const MARGIN_MS = 3_000;

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

function junkBytes(length: number): string {
  let state = 12345;
  let text = '';
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    text += String.fromCharCode(state & 0xff);
  }
  return text;
}

const MEGABYTE = 1024 * 1024;

/** Responses a policy can produce, from empty to hostile. */
export const RESPONSES: Record<string, string> = {
  empty: '',
  blank: ' \n\t ',
  benign: '<think>6*3</think><answer>18</answer>',
  'huge plain': 'a'.repeat(MEGABYTE),
  'huge backtracking bait': `${'a'.repeat(200_000)}!`,
  'many fences': '```'.repeat(100_000),
  'many open braces': '{'.repeat(200_000),
  'many newlines': `Step 1:${'\n'.repeat(200_000)}x`,
  'many blanks': `Step 1${' '.repeat(200_000)}x`,
  'many answer tags': '<answer>'.repeat(50_000),
  'many boxed': '\\boxed{'.repeat(50_000),
  'sum bomb': '\\boxed{\\sum_{k=1}^{1000000000} k}',
  'product bomb': 'The answer is $\\boxed{\\prod_{k=1}^{10^{9}} k}$',
  'integral bomb': '\\boxed{\\int_{0}^{10^{9}} x^{10^{9}} \\, dx}',
  'power tower': '\\boxed{9^{9^{9^{9^{9}}}}}',
  'huge exponent': '\\boxed{10^{10^{10}}}',
  factorial: '\\boxed{1000000000!}',
  'nested fractions': `\\boxed{${'\\frac{1}{'.repeat(2000)}2${'}'.repeat(2000)}}`,
  'nested roots': `\\boxed{${'\\sqrt{'.repeat(5000)}2${'}'.repeat(5000)}}`,
  'long number': `\\boxed{${'9'.repeat(100_000)}}`,
  unicode: '答案是 ١٨ — ⅰⅷ 𝟏𝟖 e\u0301 \u200b\u202e81\u202c 😀',
  'lone surrogates': '\ud800\udfff\udc00 \ud83d',
  'null bytes': 'abc\u0000def\u0000<answer>\u0000</answer>',
  'binary junk': junkBytes(20_000),
  json: '```json\n{"a": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}\n```',
  'deep json': `\`\`\`json\n${'['.repeat(100_000)}${']'.repeat(100_000)}\n\`\`\``,
  'python infinite loop': '```python\nwhile True:\n    pass\n```',
  'python output flood': '```python\nimport sys\nwhile True:\n    sys.stdout.write("x" * 65536)\n```',
  'python memory bomb': '```python\nx = bytearray(8 * 1024 ** 3)\n```',
};

/** References: missing, ordinary, of wrong types, deeply nested, hostile. */
export const REFERENCES: Record<string, unknown> = {
  none: undefined,
  ordinary: {
    answer: '18',
    text: '18',
    tests: 'assert True',
    language: 'python',
    schema: { type: 'object' },
  },
  'wrong types': { answer: 18, text: { a: 1 }, tests: 5, io: 'x', language: 'ruby', schema: 'str', steps: 3 },
  'NaN and infinities': { answer: 'NaN', text: ['Infinity', '-0', '1e999'] },
  'deeply nested': {
    answer: '1',
    schema: nested(3000, {}),
    tests: nested(3000, 'x'),
    extra: nested(10_000, 1),
  },
  'huge answer': { answer: '9'.repeat(100_000), text: 'x'.repeat(MEGABYTE) },
  'latex bomb answer': { answer: '\\sum_{k=1}^{1000000000} k' },
  'hostile schema': { schema: { type: 'string', pattern: '^(a+)+$' } },
  'backtracking-only schema pattern': { schema: { type: 'string', pattern: '(a)\\1' } },
  'limits raised by the sample': {
    tests: 'assert True',
    language: 'python',
    timeout_s: 600,
    memory_mb: 65_536,
  },
};

export interface ContractSample {
  name: string;
  sample: Sample;
}

/** Every response with the ordinary reference, and the benign and a hostile response with every reference. */
export function contractSamples(): ContractSample[] {
  const samples: ContractSample[] = [];
  const add = (name: string, raw: Record<string, unknown>): void => {
    const parsed = SampleSchema.safeParse(raw);
    // A raw sample the contract refuses never reaches a kind (the engine answers it itself).
    if (parsed.success) samples.push({ name, sample: parsed.data });
  };
  for (const [responseName, response] of Object.entries(RESPONSES)) {
    add(`response ${responseName}`, { id: responseName, response, reference: REFERENCES['ordinary'] });
  }
  for (const [referenceName, reference] of Object.entries(REFERENCES)) {
    for (const responseName of ['benign', 'sum bomb'] as const) {
      add(`reference ${referenceName}, response ${responseName}`, {
        id: `${referenceName}/${responseName}`,
        response: RESPONSES[responseName],
        ...(reference === undefined ? {} : { reference }),
        steps: ['6*3 = 18', '\\sum_{k=1}^{10^9} k = 5', ''],
      });
    }
  }
  return samples;
}

const VALID_STATUSES = new Set(['correct', 'incorrect', 'partial', 'unparseable', 'timeout', 'error']);

/** The ways a result breaks the contract, empty when it keeps it. */
export function contractBreaches(result: ComponentResult): string[] {
  const breaches: string[] = [];
  if (!VALID_STATUSES.has(result.status)) breaches.push(`unknown status ${String(result.status)}`);
  if (result.score === null) {
    if (!UNDECIDED_STATUSES.has(result.status)) breaches.push(`score null with status ${result.status}`);
    if (result.error === undefined) breaches.push('score null without an error');
    else if (!/^RK_[A-Z_]+$/.test(result.error.code) || result.error.message === '') {
      breaches.push(`error without a code or message: ${JSON.stringify(result.error)}`);
    }
  } else if (typeof result.score !== 'number' || !Number.isFinite(result.score)) {
    breaches.push(`score is not a finite number: ${String(result.score)}`);
  } else if (UNDECIDED_STATUSES.has(result.status)) {
    breaches.push(`score ${result.score} with undecided status ${result.status}`);
  }
  return breaches;
}

export function optionSetsOf(kind: RewardKind<unknown>): readonly unknown[] | undefined {
  const listed = CONTRACT_OPTIONS[kind.name];
  if (listed !== undefined) return listed;
  return kind.optionsSchema.safeParse({}).success ? [{}] : undefined;
}
