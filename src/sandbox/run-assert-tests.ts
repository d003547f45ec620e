import type { ErrorInfo } from '../core/errors.js';
import { type InteractiveExit, InteractiveSandbox } from './interactive-sandbox.js';
import type { LanguageSpec } from './languages.js';
import { cpuSecondsFor, type SandboxLimits } from './limits.js';
import { optionalField } from './optional-field.js';
import { sharedSandboxPool } from './pool.js';
import { parseRunnerEvent, type RunnerEvent } from './runner-events.js';
import { slotCgroupsFor } from './sandbox.js';
import { slotIdentity } from './slot-identity.js';
import { testRunnerFor } from './test-runner-pool.js';
import { endStatus, type TestStatus, tailOf } from './test-status.js';

export interface AssertTestsRequest {
  language: LanguageSpec;
  program: string;
  tests: string;
  entryPoint?: string;
  limits: SandboxLimits;
  signal?: AbortSignal;
  unsandboxed?: boolean;
}

export interface AssertTestResult {
  name: string;
  status: TestStatus;
  ms: number | null;
  stderr: string;
}

export interface AssertTestsReport {
  tests: AssertTestResult[];
  error?: ErrorInfo;
}

/** After the wall clock kills the program, how long the runner has to report before it is killed too. */
const RUNNER_GRACE_MS = 1000;

/** Why the program can no longer answer: becomes the status of the test that was waiting on it. */
interface Gone {
  status: TestStatus;
  reason: string;
}

/**
 * Runs assert-style tests against a program with the verdict out of the program's reach.
 *
 *   rewardkit ── S{tests} ──▶ trusted test runner (sandboxed; fork server per slot)
 *       ▲  ◀── E{events} ───      │ C<call>  ▲ R<reply> | G{gone}
 *       │                          ▼          │
 *       └──── relays calls and replies ──▶ candidate (fresh sandbox, other uid): runs the program
 *
 * The tests run in the runner, never in the program's interpreter; the program's functions and
 * classes are proxies there, and what they return crosses as plain data only. The verdict is made
 * of the runner's events alone (the program never holds that channel); what the candidate writes
 * is only ever relayed as the reply to a pending call. The sample's wall clock (timeout) kills the
 * candidate: the test waiting on it, and every later call, fails with `timeout`; a candidate that
 * exits or is killed mid-test fails that test, never passes it.
 */
export async function runAssertTests(request: AssertTestsRequest): Promise<AssertTestsReport> {
  const report = await sharedSandboxPool().run((slot) => runOnSlot(request, slot), request.signal);
  return (
    report ?? {
      tests: [
        { name: 'tests', status: 'timeout', ms: null, stderr: 'cancelled before a sandbox slot was free' },
      ],
    }
  );
}

async function runOnSlot(request: AssertTestsRequest, slot: number): Promise<AssertTestsReport> {
  const { language, limits } = request;
  const unsandboxed = request.unsandboxed === true;
  const cgroups = unsandboxed ? undefined : slotCgroupsFor(slot, limits);
  const { command, stdin, setsRlimits } = language.candidate(limits, request.program);
  const candidate = new InteractiveSandbox({
    language,
    command,
    limits,
    stdin,
    writeFd: 3,
    frameLimitBytes: Math.max(limits.outputBytes, 64 * 1024 * 1024),
    outputBytes: limits.outputBytes,
    ...optionalField('identity', slotIdentity(slot)),
    ...optionalField('cgroups', cgroups),
    unsandboxed,
    commandSetsRlimits: setsRlimits === true,
  });
  const runner = testRunnerFor(language, slot, unsandboxed);
  const events: RunnerEvent[] = [];
  let pendingCall = false;
  let gone: Gone | undefined;
  let timedOut = false;
  let runnerFinished = false;
  let runnerFailure: string | undefined;
  /** How rewardkit itself ended the runner (stopped, its own caps), if it did: never the program's doing. */
  let runnerKilledByHost: string | undefined;
  /** A reply the program wrote has reached the runner: from then on the runner has read untrusted data. */
  let programSpoke = false;

  let detachRunnerExit = () => {};
  const finished = new Promise<void>((resolve) => {
    const done = () => {
      runnerFinished = true;
      resolve();
    };
    runner.onFrame((frame) => {
      const kind = frame[0];
      const body = frame.subarray(1);
      if (kind === 0x45 /* E */) {
        const event = parseRunnerEvent(body);
        if (event !== undefined) events.push(event);
      } else if (kind === 0x43 /* C */) {
        if (gone !== undefined) runner.send('G', JSON.stringify(gone));
        else {
          pendingCall = true;
          candidate.send(body);
        }
      } else if (kind === 0x5a /* Z */) {
        if (!events.some((event) => event.event === 'done'))
          runnerFailure = `the test runner ended (${body})`;
        done();
      }
    });
    detachRunnerExit = runner.onExit((exit) => {
      if (!runnerFinished && !language.runnerForks && events.some((event) => event.event === 'done')) done();
      else if (!runnerFinished) {
        runnerKilledByHost = exit.killedFor;
        runnerFailure = `the test runner ended: ${exit.spawnError ?? tailOf(exit.stderr.trim(), 300) ?? ''} (exit ${exit.exitCode ?? exit.signal})`;
        done();
      }
    });
  });
  candidate.onFrame((frame) => {
    if (pendingCall) {
      pendingCall = false;
      programSpoke = true;
      runner.send('R', frame);
    } else candidate.kill('protocol');
  });
  void candidate.exited.then((exit) => {
    gone = goneOf(exit, timedOut);
    if (pendingCall) {
      pendingCall = false;
      runner.send('G', JSON.stringify(gone));
    }
  });
  if (language.runnerForks) runner.ref();
  runner.send(
    'S',
    JSON.stringify({
      tests: request.tests,
      entry: request.entryPoint ?? '',
      cpu_seconds: cpuSecondsFor(limits),
    }),
  );
  let graceTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (runnerFinished) return;
    timedOut = true;
    candidate.kill('timeout');
    graceTimer = setTimeout(() => {
      if (runnerFinished) return;
      runnerFailure = 'timeout';
      runner.kill('timeout');
    }, RUNNER_GRACE_MS);
  };
  const deadline = setTimeout(stop, limits.timeoutMs);
  if (request.signal?.aborted) stop();
  else request.signal?.addEventListener('abort', stop, { once: true });
  try {
    await finished;
  } finally {
    clearTimeout(deadline);
    clearTimeout(graceTimer);
    request.signal?.removeEventListener('abort', stop);
    detachRunnerExit();
    if (language.runnerForks) runner.unref();
  }
  const goneBeforeEnd = gone;
  candidate.kill('finished');
  await candidate.exited;
  let fate: Gone;
  if (timedOut)
    fate = {
      status: 'timeout',
      reason: 'killed: no result before the wall-clock deadline (whole process tree killed)',
    };
  else if (goneBeforeEnd !== undefined) fate = goneBeforeEnd;
  else if (programSpoke && runnerKilledByHost === 'output_limit')
    // Past its frame cap: what it sends grows only with what the program sent it.
    fate = {
      status: 'output_limit',
      reason: `the test runner's output grew past its cap after the program's reply`,
    };
  else if (programSpoke && runnerKilledByHost === undefined)
    // The runner runs as another uid in other namespaces: the only thing of the program's that
    // reaches it is its replies. A runner that dies once it has read one (a value built to crash
    // its decoder, exhaust its memory ...) is the program's failure, not an undecided sandbox error.
    fate = {
      status: 'runtime_error',
      reason: `the test runner ended after reading the program's reply: ${runnerFailure ?? 'no result'}`,
    };
  else fate = { status: 'sandbox_error', reason: runnerFailure ?? 'the test runner ended early' };
  return reportOf(events, fate);
}

/** What the end of the candidate means for the test waiting on it. */
function goneOf(exit: InteractiveExit, timedOut: boolean): Gone {
  // Before the handover (handover.ts) the program never ran: whatever ended it is the sandbox's.
  if (exit.spawnError !== undefined || (!exit.handedOver && exit.killedFor === undefined))
    return {
      status: 'sandbox_error',
      reason: `the sandbox failed: ${exit.spawnError ?? tailOf(exit.stderr, 300)}`,
    };
  // rewardkit's first kill reason is the cause (a deadline passing while the kill lands is not).
  if (exit.killedFor === 'protocol')
    return { status: 'runtime_error', reason: 'the program wrote on its call channel out of turn' };
  const how = exit.signal ?? `exit ${exit.exitCode}`;
  const status = endStatus({
    ...exit,
    killedAtDeadline: timedOut || exit.killedFor === 'timeout',
    killedForOutput: exit.killedFor === 'output_limit',
  });
  switch (status) {
    case 'memory_exceeded':
      return {
        status,
        reason: exit.memoryKilled ? 'memory limit exceeded (the sandbox as a whole)' : tailOf(exit.stderr),
      };
    case 'timeout':
      return { status, reason: 'killed: no result before the wall-clock deadline or CPU limit' };
    case 'output_limit':
      return exit.killedFor === 'output_limit'
        ? { status, reason: 'killed: output, reply or file size limit exceeded' }
        : { status, reason: tailOf(`file size limit exceeded (${how})\n${exit.stderr}`.trim()) };
    case 'runtime_error':
      return { status, reason: tailOf(`the program ended during the tests (${how})\n${exit.stderr}`.trim()) };
  }
}

/**
 * Turns the runner's events into one result per planned test; a test without an `end` event gets
 * the program-level error, or the run's fate (timeout, the program gone, the runner gone).
 */
export function reportOf(events: readonly RunnerEvent[], fate: Gone): AssertTestsReport {
  const invalid = events.find((event) => event.event === 'tests_invalid');
  if (invalid?.event === 'tests_invalid') {
    return {
      tests: [{ name: 'tests', status: 'sandbox_error', ms: null, stderr: tailOf(invalid.error) }],
      error: {
        code: 'RK_INPUT_INVALID',
        message: `the reference tests do not parse: ${tailOf(invalid.error, 200)}`,
      },
    };
  }
  const plan = events.find((event) => event.event === 'plan');
  const planned = plan?.event === 'plan' ? plan.tests : ['program'];
  const results: (AssertTestResult | undefined)[] = planned.map(() => undefined);
  let wholeProgram: Gone | undefined;
  for (const event of events) {
    if (event.event === 'end' && event.index < results.length) {
      results[event.index] = {
        name: planned[event.index]!,
        status: event.status,
        ms: event.ms,
        stderr: event.error === '' ? '' : tailOf(event.error),
      };
    } else if (event.event === 'syntax_error') {
      wholeProgram = { status: 'syntax_error', reason: event.error };
    } else if (event.event === 'program_error' || event.event === 'setup_error') {
      wholeProgram = { status: event.status, reason: event.error };
    }
  }
  const rest: Gone = wholeProgram ?? fate;
  const tests = planned.map(
    (name, index): AssertTestResult =>
      results[index] ?? { name, status: rest.status, ms: null, stderr: tailOf(rest.reason) },
  );
  const report: AssertTestsReport = { tests };
  if (
    tests.some((test) => test.status === 'sandbox_error') &&
    results.every((result) => result === undefined)
  ) {
    report.error = {
      code: 'RK_SANDBOX_ERROR',
      message: `the sandbox failed to run the tests: ${tailOf(rest.reason, 300)}`,
    };
  }
  return report;
}
