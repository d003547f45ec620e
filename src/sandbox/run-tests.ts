import { randomBytes } from 'node:crypto';
import type { ErrorInfo } from '../core/errors.js';
import { type OutputComparison, outputMatches } from './compare-output.js';
import { type HarnessEvent, parseHarnessEvents } from './harness-protocol.js';
import { commandFor, type LanguageSpec } from './languages.js';
import type { SandboxLimits } from './limits.js';
import { runSandboxed, type SandboxRunOutcome } from './sandbox.js';
import {
  fateOf,
  fateReason,
  isSandboxFailure,
  programRunStatus,
  type TestStatus,
  tailOf,
} from './test-status.js';

export interface IoCase {
  stdin: string;
  stdout: string;
}

export interface CodeTestRequest {
  language: LanguageSpec;
  program: string;
  /** Assert-style tests run after the program (MBPP), or HumanEval's `def check(candidate)`. */
  tests?: string;
  entryPoint?: string;
  /** stdin/stdout cases; each is one run of the program. */
  io?: readonly IoCase[];
  comparison: OutputComparison;
  limits: SandboxLimits;
  signal?: AbortSignal;
  unsandboxed?: boolean;
}

export interface TestResult {
  name: string;
  status: TestStatus;
  /** Time of the test itself (assert tests) or of the whole run (stdin/stdout tests). */
  ms: number | null;
  /** The tail of the error or stderr. */
  stderr: string;
}

export interface CodeTestReport {
  tests: TestResult[];
  passed: number;
  total: number;
  /** Sandboxed processes started. */
  runs: number;
  wallMs: number;
  /** Set when the verdict cannot be trusted: the sandbox failed or the tests themselves are broken. */
  error?: ErrorInfo;
}

/** Runs the program against its assert tests (one sandbox) and its stdin/stdout cases (one each). */
export async function runCodeTests(request: CodeTestRequest): Promise<CodeTestReport> {
  const started = performance.now();
  const parts = await Promise.all([
    request.tests !== undefined && request.tests.trim() !== ''
      ? runAssertTests(request, request.tests)
      : undefined,
    ...(request.io ?? []).map((ioCase, index) => runIoCase(request, ioCase, index)),
  ]);
  const tests: TestResult[] = [];
  let runs = 0;
  let error: ErrorInfo | undefined;
  for (const part of parts) {
    if (part === undefined) continue;
    tests.push(...part.tests);
    runs++;
    error ??= part.error;
  }
  const passed = tests.filter((test) => test.status === 'passed').length;
  if (error === undefined && tests.some((test) => test.status === 'sandbox_error')) {
    error = { code: 'RK_SANDBOX_ERROR', message: 'the sandbox failed to run the program' };
  }
  const report: CodeTestReport = {
    tests,
    passed,
    total: tests.length,
    runs,
    wallMs: performance.now() - started,
  };
  if (error !== undefined) report.error = error;
  return report;
}

interface PartialReport {
  tests: TestResult[];
  error?: ErrorInfo;
}

async function runAssertTests(request: CodeTestRequest, tests: string): Promise<PartialReport> {
  const { language } = request;
  const nonce = randomBytes(12).toString('hex');
  const entryPoint = request.entryPoint ?? '';
  const bootstrap = language.stdinHarness;
  const run = await runSandboxed({
    language,
    ...(bootstrap === undefined
      ? {
          command: [...commandFor(language, language.harnessFileName, request.limits), entryPoint],
          files: {
            [language.harnessFileName]: language.harnessSource,
            [language.harnessProgramFileName]: request.program,
            [language.harnessTestsFileName]: tests,
          },
          stdin: `${nonce}\n`,
        }
      : {
          command: [...bootstrap, entryPoint],
          files: {},
          stdin: [
            `${Buffer.byteLength(language.harnessSource)}\n${language.harnessSource}`,
            `${nonce}\n${Buffer.byteLength(request.program)} ${Buffer.byteLength(tests)}\n`,
            request.program,
            tests,
          ].join(''),
        }),
    limits: request.limits,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.unsandboxed === undefined ? {} : { unsandboxed: request.unsandboxed }),
  });
  return assertReportOf(parseHarnessEvents(run.results, nonce), run);
}

/** Turns the harness's events and the run's fate into one result per planned test. */
export function assertReportOf(events: readonly HarnessEvent[], run: SandboxRunOutcome): PartialReport {
  const invalid = events.find((event) => event.event === 'tests_invalid');
  if (invalid !== undefined && invalid.event === 'tests_invalid') {
    return {
      tests: [{ name: 'tests', status: 'sandbox_error', ms: null, stderr: tailOf(invalid.error) }],
      error: {
        code: 'RK_INPUT_INVALID',
        message: `the reference tests do not parse: ${tailOf(invalid.error, 200)}`,
      },
    };
  }
  const plan = events.find((event) => event.event === 'plan');
  const stderrTail = tailOf(run.stderr);
  if (plan === undefined || plan.event !== 'plan') {
    const status = fateOf(run);
    const stderr = tailOf(`${fateReason(run, status)}\n${run.stderr}`.trim());
    const report: PartialReport = { tests: [{ name: 'program', status, ms: null, stderr }] };
    if (status === 'sandbox_error') report.error = sandboxError(run);
    return report;
  }
  const results: (TestResult | undefined)[] = plan.tests.map(() => undefined);
  let wholeProgram: { status: TestStatus; error: string } | undefined;
  for (const event of events) {
    if (event.event === 'end' && event.index < results.length) {
      results[event.index] = {
        name: plan.tests[event.index]!,
        status: event.status,
        ms: event.ms,
        stderr: event.error === '' ? '' : tailOf(event.error),
      };
    } else if (event.event === 'syntax_error') {
      wholeProgram = { status: 'syntax_error', error: event.error };
    } else if (event.event === 'program_error' || event.event === 'setup_error') {
      wholeProgram = { status: event.status, error: event.error };
    }
  }
  const done = events.some((event) => event.event === 'done');
  const fate: TestStatus = wholeProgram?.status ?? (done ? 'runtime_error' : fateOf(run));
  const fateText = wholeProgram?.error ?? `${fateReason(run, fate)}\n${stderrTail}`.trim();
  const tests = plan.tests.map(
    (name, index): TestResult => results[index] ?? { name, status: fate, ms: null, stderr: tailOf(fateText) },
  );
  const report: PartialReport = { tests };
  if (fate === 'sandbox_error' && results.every((result) => result === undefined))
    report.error = sandboxError(run);
  return report;
}

async function runIoCase(request: CodeTestRequest, ioCase: IoCase, index: number): Promise<PartialReport> {
  const { language } = request;
  const run = await runSandboxed({
    language,
    command: commandFor(language, language.fileName, request.limits),
    files: { [language.fileName]: request.program },
    stdin: ioCase.stdin,
    limits: request.limits,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.unsandboxed === undefined ? {} : { unsandboxed: request.unsandboxed }),
  });
  const matches = outputMatches(ioCase.stdout, run.stdout, request.comparison);
  const status = programRunStatus(run, matches, language.compileErrorPattern);
  const test: TestResult = {
    name: `io[${index}]`,
    status,
    ms: Math.round(run.wallMs * 1000) / 1000,
    stderr:
      status === 'failed'
        ? tailOf(
            `expected ${JSON.stringify(ioCase.stdout.slice(0, 200))}, got ${JSON.stringify(run.stdout.slice(0, 200))}`,
          )
        : tailOf(run.stderr),
  };
  return isSandboxFailure(run) ? { tests: [test], error: sandboxError(run) } : { tests: [test] };
}

function sandboxError(run: SandboxRunOutcome): ErrorInfo {
  const reason = run.spawnError ?? (tailOf(run.stderr.trim(), 300) || `exit ${run.exitCode}`);
  return { code: 'RK_SANDBOX_ERROR', message: `the sandbox failed to run the program: ${reason}` };
}
