import { InteractiveSandbox } from './interactive-sandbox.js';
import type { LanguageSpec } from './languages.js';
import { type SandboxLimits, SandboxLimitsSchema } from './limits.js';
import { optionalField } from './optional-field.js';
import { slotIdentity } from './slot-identity.js';

/**
 * Limits of a trusted test runner. The runner runs the tests (which may come from a client), never
 * the program; its child for a sample gets the sample's CPU limit on top (RLIMIT_CPU), and the
 * sample's wall clock is kept by rewardkit. Fork servers live long: their own CPU limit is large,
 * and one that hits it is simply started again.
 */
const RUNNER_LIMITS: SandboxLimits = SandboxLimitsSchema.parse({
  timeoutMs: 600_000,
  memoryMb: 2048,
  processes: 64,
  tmpSizeMb: 16,
  fileSizeMb: 16,
});

/** The largest frame a runner may send (events and calls; a call carries the arguments). */
const RUNNER_FRAME_LIMIT = 256 * 1024 * 1024;

const forkServers = new Map<string, InteractiveSandbox>();

/**
 * The test runner for a sample on `slot`: the slot's fork server (started on first use, started
 * again if it died), or a fresh runner for languages whose runtime cannot fork. Runners run as
 * their own unprivileged uid (the slot's uid + RUNNER_UID_OFFSET), outside the slot's cgroups, so a
 * program's fork or memory bomb (other uid, other cgroup) cannot starve or kill them.
 */
export function testRunnerFor(
  language: LanguageSpec,
  slot: number,
  unsandboxed: boolean,
): InteractiveSandbox {
  const key = `${language.name}/${slot}/${unsandboxed}`;
  if (language.runnerForks) {
    const running = forkServers.get(key);
    if (running?.alive) return running;
  }
  const runner = new InteractiveSandbox({
    language,
    command: language.runnerCommand(RUNNER_LIMITS),
    limits: RUNNER_LIMITS,
    stdin: '',
    writeFd: 0,
    frameLimitBytes: RUNNER_FRAME_LIMIT,
    ...optionalField('identity', slotIdentity(slot, 'runner')),
    unsandboxed,
  });
  if (language.runnerForks) {
    forkServers.set(key, runner);
    runner.unref();
    void runner.exited.then(() => {
      if (forkServers.get(key) === runner) forkServers.delete(key);
    });
  }
  return runner;
}

/**
 * Stops every fork server (tests and benchmarks that want a clean slate); resolves once they have
 * exited (and were reaped, so their CPU time is in this process's children's usage).
 */
export async function stopTestRunners(): Promise<void> {
  const runners = [...forkServers.values()];
  forkServers.clear();
  for (const runner of runners) {
    runner.ref(); // an idle fork server is unref'd: keep this process alive until it is reaped
    runner.kill('stopped');
  }
  await Promise.all(runners.map((runner) => runner.exited));
}
