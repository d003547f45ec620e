import { z } from 'zod';
import { type ComponentResult, scored, undecided } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';
import { describeZodIssues } from '../core/spec.js';
import { assertSandboxAvailable } from '../sandbox/availability.js';
import {
  type CeilingName,
  clampToCeilings,
  operatorCeilings,
  type SandboxCeilings,
  SandboxCeilingsSchema,
} from '../sandbox/ceilings.js';
import { OutputComparisonSchema } from '../sandbox/compare-output.js';
import { LANGUAGE_NAMES, languageNamed } from '../sandbox/languages.js';
import { SandboxLimitsSchema } from '../sandbox/limits.js';
import { type CodeTestReport, runCodeTests } from '../sandbox/run-tests.js';
import { extractProgram } from './extract-code-block.js';

/** One of the language table's names (an enum, so that the published JSON Schema lists them). */
const LanguageSchema = z.enum(LANGUAGE_NAMES as [string, ...string[]]);

/** `sample.reference` of a code sample (DESIGN.md "Code reference"). */
export const CodeReferenceSchema = z
  .object({
    language: LanguageSchema.optional(),
    tests: z.string().optional(),
    entry_point: z
      .string()
      .regex(/^[A-Za-z_$][\w$]*$/, 'an identifier')
      .optional(),
    io: z.array(z.object({ stdin: z.string().default(''), stdout: z.string() })).optional(),
    /** Limits a reference may ask for; clamped to the operator's ceilings (details.limits says so). */
    timeout_s: z.number().positive().optional(),
    memory_mb: z.number().int().min(16).optional(),
  })
  .passthrough()
  .refine((reference) => (reference.tests ?? '').trim() !== '' || (reference.io ?? []).length > 0, {
    message: 'a code reference needs tests or io cases',
  });

export const CodeOptionsSchema = z
  .object({
    /** `fraction`: passed / total; `all_or_nothing`: 1 only when every test passes. */
    scoring: z.enum(['fraction', 'all_or_nothing']).default('fraction'),
    /** Language when the reference names none. */
    language: LanguageSchema.default('python'),
    /** How stdout is compared with `io[].stdout`. */
    comparison: OutputComparisonSchema.default({ mode: 'whitespace' }),
    // Every limit below is clamped to the operator's ceilings (see src/sandbox/ceilings.ts).
    /** Wall-clock budget per sample (assert tests) or per run (io case), when the reference has no `timeout_s`. */
    timeout_s: z.number().positive().default(5),
    /** Memory limit when the reference has no `memory_mb`. */
    memory_mb: z.number().int().min(16).default(512),
    /** Bytes kept of stdout and of stderr each; more kills the run (output_limit). */
    output_bytes: z
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
    /** Processes and threads per sandbox (RLIMIT_NPROC). */
    processes: z.number().int().min(4).default(64),
    /** Size of the sandbox's private /tmp (and of its /dev/shm), in MiB. */
    tmp_size_mb: z.number().int().positive().default(64),
  })
  .strict();

export type CodeOptions = z.infer<typeof CodeOptionsSchema>;

function scoreOf(report: CodeTestReport, scoring: CodeOptions['scoring']): number {
  if (report.total === 0) return 0;
  if (scoring === 'all_or_nothing') return report.passed === report.total ? 1 : 0;
  return report.passed / report.total;
}

/**
 * `type: code`: runs the program of the response (its last fenced code block) against the
 * reference's assert tests and stdin/stdout cases in the sandbox (src/sandbox). Refuses to start
 * when the sandbox is unavailable, unless the engine was told to allow unsandboxed runs.
 */
export const codeReward = defineRewardKind({
  name: 'code',
  description: 'runs the program in the response against tests in a sandbox; the fraction of tests passed',
  optionsSchema: CodeOptionsSchema,
  // Generous: the component's deadline also covers waiting for a sandbox slot; each run has its own limit.
  defaultTimeoutSeconds: 600,
  create: (options, environment) => {
    if (!environment.allowUnsandboxed) assertSandboxAvailable();
    const ceilings = ceilingsOf(environment.limitCeilings);
    return {
      async score(sample, context): Promise<ComponentResult> {
        const parsed = CodeReferenceSchema.safeParse(sample.reference ?? {});
        if (!parsed.success) {
          const message = `reference: ${describeZodIssues(parsed.error, sample.reference).join('; ')}`;
          return undecided('error', { code: 'RK_INPUT_INVALID', message });
        }
        const reference = parsed.data;
        const program = extractProgram(sample.response);
        if (program.trim() === '') {
          return undecided('unparseable', {
            code: 'RK_UNPARSEABLE',
            message: 'the response contains no program',
          });
        }
        const language = languageNamed(reference.language ?? options.language);
        const { applied, clamped } = clampToCeilings(
          {
            timeout_s: reference.timeout_s ?? options.timeout_s,
            memory_mb: reference.memory_mb ?? options.memory_mb,
            processes: options.processes,
            tmp_size_mb: options.tmp_size_mb,
            output_bytes: options.output_bytes,
          },
          ceilings,
        );
        const limits = SandboxLimitsSchema.parse({
          timeoutMs: Math.round(applied.timeout_s * 1000),
          memoryMb: applied.memory_mb,
          outputBytes: applied.output_bytes,
          processes: applied.processes,
          tmpSizeMb: applied.tmp_size_mb,
        });
        const report = await runCodeTests({
          language,
          program,
          ...(reference.tests === undefined ? {} : { tests: reference.tests }),
          ...(reference.entry_point === undefined ? {} : { entryPoint: reference.entry_point }),
          ...(reference.io === undefined ? {} : { io: reference.io }),
          comparison: options.comparison,
          limits,
          signal: context.signal,
          unsandboxed: environment.allowUnsandboxed && !isolationAvailable(),
        });
        const details = {
          language: language.name,
          passed: report.passed,
          total: report.total,
          tests: report.tests,
          runs: report.runs,
          ms: Math.round(report.wallMs * 1000) / 1000,
          ...(Object.keys(clamped).length === 0 ? {} : { limits: clamped }),
        };
        if (report.error !== undefined) return undecided('error', report.error, details);
        return scored(scoreOf(report, options.scoring), details);
      },
    };
  },
});

/** The ceilings given in the environment (over the process-wide ones), validated. */
function ceilingsOf(given: Readonly<Record<string, number>> | undefined): SandboxCeilings {
  const base = operatorCeilings();
  if (given === undefined) return base;
  const picked: Partial<Record<CeilingName, number>> = {};
  for (const name of Object.keys(base) as CeilingName[])
    if (given[name] !== undefined) picked[name] = given[name];
  return SandboxCeilingsSchema.parse({ ...base, ...picked });
}

function isolationAvailable(): boolean {
  try {
    assertSandboxAvailable();
    return true;
  } catch {
    return false;
  }
}
