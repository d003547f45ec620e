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
const MEMORY_PATTERN =
  /MemoryError|heap out of memory|Allocation failed|Cannot allocate memory|bad_alloc|out of memory/i;
/** Python ignores SIGXFSZ: a write past RLIMIT_FSIZE (or a full tmpfs) raises instead. */
const FILE_LIMIT_PATTERN = /File too large|EFBIG|No space left on device|ENOSPC/;

/** The last `bytes` characters of a stream, for the per-test table. */
export function tailOf(text: string, bytes = 600): string {
  return text.length <= bytes ? text : `...${text.slice(-bytes)}`;
}

/**
 * Whether the sandbox itself failed: it could not be spawned, or it ended before handing over to
 * the program (handover.ts). Once handed over, nothing the program prints or exits with makes a
 * sandbox error (a program printing `bwrap: ...` and exiting 1 is a runtime_error).
 */
export function isSandboxFailure(run: SandboxRunOutcome): boolean {
  if (run.spawnError !== undefined) return true;
  if (run.aborted || run.timedOut) return false;
  return !run.handedOver;
}

/** How a sandboxed process that did start came to end: what one-shot runs and the interactive candidate both know. */
export interface ProcessEnd {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The slot's memory cgroup OOM-killed one of its processes. */
  memoryKilled: boolean;
  /** rewardkit killed it at the wall-clock deadline, or on cancel. */
  killedAtDeadline: boolean;
  /** rewardkit killed it for passing an output (or frame) cap. */
  killedForOutput: boolean;
}

/** The statuses `endStatus` gives. */
export type EndStatus = 'memory_exceeded' | 'timeout' | 'output_limit' | 'runtime_error';

/**
 * Why a process that started ended without finishing its work: the slot's memory cgroup or an
 * allocation failure (memory_exceeded), the wall clock or CPU limit (timeout), the output caps or
 * RLIMIT_FSIZE / a full tmpfs (output_limit), or anything else the program did (runtime_error: a
 * crash, os._exit, a signal). The one set of rules for `runSandboxed` runs and the assert-tests
 * candidate.
 */
export function endStatus(end: ProcessEnd): EndStatus {
  if (end.memoryKilled) return 'memory_exceeded';
  if (end.killedAtDeadline || end.exitCode === SIGXCPU_EXIT || end.signal === 'SIGXCPU') return 'timeout';
  if (
    end.killedForOutput ||
    end.exitCode === SIGXFSZ_EXIT ||
    end.signal === 'SIGXFSZ' ||
    FILE_LIMIT_PATTERN.test(end.stderr)
  )
    return 'output_limit';
  if (MEMORY_PATTERN.test(end.stderr)) return 'memory_exceeded';
  return 'runtime_error';
}

/** Why a run ended without finishing its work: bwrap failed (sandbox_error), or `endStatus`. */
export function fateOf(run: SandboxRunOutcome): TestStatus {
  if (isSandboxFailure(run)) return 'sandbox_error';
  return endStatus({
    ...run,
    killedAtDeadline: run.timedOut || run.aborted,
    killedForOutput: run.outputExceeded,
  });
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
