import type { ErrorInfo } from '../core/errors.js';
import { type OutputComparison, outputMatches } from './compare-output.js';
import { commandFor, type LanguageSpec } from './languages.js';
import type { SandboxLimits } from './limits.js';
import { optionalField } from './optional-field.js';
import { runAssertTests } from './run-assert-tests.js';
import { runSandboxed, type SandboxRunOutcome } from './sandbox.js';
import { isSandboxFailure, programRunStatus, type TestStatus, tailOf } from './test-status.js';

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
      ? runAssertTests({
          language: request.language,
          program: request.program,
          tests: request.tests,
          limits: request.limits,
          ...optionalField('entryPoint', request.entryPoint),
          ...optionalField('signal', request.signal),
          ...optionalField('unsandboxed', request.unsandboxed),
        })
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

/** The stdin of a stdin/stdout case, copied into the working directory. */
const STDIN_FILE = '.stdin';

async function runIoCase(request: CodeTestRequest, ioCase: IoCase, index: number): Promise<PartialReport> {
  const { language } = request;
  const run = await runSandboxed({
    language,
    // stdin is a file, not a pipe or socket, so that open('/dev/stdin') works as on a terminal.
    command: commandFor(language, language.fileName, request.limits),
    files: { [language.fileName]: request.program, [STDIN_FILE]: ioCase.stdin },
    stdin: '',
    stdinFile: STDIN_FILE,
    limits: request.limits,
    ...optionalField('signal', request.signal),
    ...optionalField('unsandboxed', request.unsandboxed),
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
