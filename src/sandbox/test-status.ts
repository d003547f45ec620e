import type { SandboxRunOutcome } from './sandbox.js';

/** What happened to one test. */
export const TEST_STATUSES = [
  'passed',
  'failed',
  'timeout',
  'memory_exceeded',
  'runtime_error',
  'syntax_error',
  'output_limit',
  'sandbox_error',
] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];

const SIGXCPU_EXIT = 128 + 24;
const SIGXFSZ_EXIT = 128 + 25;
export const MEMORY_PATTERN =
  /MemoryError|heap out of memory|Allocation failed|Cannot allocate memory|bad_alloc|out of memory/i;
/** Python ignores SIGXFSZ: a write past RLIMIT_FSIZE (or a full tmpfs) raises instead. */
const FILE_LIMIT_PATTERN = /File too large|EFBIG|No space left on device|ENOSPC/;
const BWRAP_FAILURE = /^bwrap: /m;

/** The last `bytes` characters of a stream, for the per-test table. */
export function tailOf(text: string, bytes = 600): string {
  return text.length <= bytes ? text : `...${text.slice(-bytes)}`;
}

/** Whether the sandbox itself failed (bwrap never started the program, or reported its own error). */
export function isSandboxFailure(run: SandboxRunOutcome): boolean {
  if (run.spawnError !== undefined) return true;
  if (run.aborted || run.timedOut) return false;
  return !run.started || (run.exitCode === 1 && BWRAP_FAILURE.test(run.stderr));
}

/**
 * Why a run ended without finishing its work: bwrap (sandbox_error), the slot's memory cgroup or
 * an allocation failure (memory_exceeded), the wall clock or CPU limit (timeout), the output caps
 * or RLIMIT_FSIZE (output_limit), or anything else the program did (runtime_error: a crash,
 * os._exit, a signal).
 */
export function fateOf(run: SandboxRunOutcome): TestStatus {
  if (isSandboxFailure(run)) return 'sandbox_error';
  if (run.memoryKilled) return 'memory_exceeded';
  if (run.timedOut || run.aborted || run.exitCode === SIGXCPU_EXIT || run.signal === 'SIGXCPU')
    return 'timeout';
  if (
    run.outputExceeded ||
    run.exitCode === SIGXFSZ_EXIT ||
    run.signal === 'SIGXFSZ' ||
    FILE_LIMIT_PATTERN.test(run.stderr)
  )
    return 'output_limit';
  if (MEMORY_PATTERN.test(run.stderr)) return 'memory_exceeded';
  return 'runtime_error';
}

/** The status of a whole-program run (stdin/stdout tests) that exited with `run.exitCode`. */
export function programRunStatus(
  run: SandboxRunOutcome,
  outputMatches: boolean,
  compileErrorPattern: RegExp,
): TestStatus {
  if (!isSandboxFailure(run) && !run.timedOut && !run.aborted && !run.outputExceeded && run.exitCode === 0) {
    return outputMatches ? 'passed' : 'failed';
  }
  const fate = fateOf(run);
  if (fate === 'runtime_error' && compileErrorPattern.test(run.stderr)) return 'syntax_error';
  return fate;
}
