import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { RewardKitError } from '../core/errors.js';
import { BWRAP, buildSandboxArgv, PRLIMIT } from './command-builder.js';
import { SandboxLimitsSchema } from './limits.js';
import { slotIdentity } from './slot-identity.js';

export type SandboxAvailability = { available: true } | { available: false; reason: string };

const HINT =
  'install bubblewrap and util-linux (bash scripts/setup.sh) on Linux with user namespaces enabled ' +
  '(in Docker: --security-opt seccomp=unconfined, or sysctl kernel.unprivileged_userns_clone=1); ' +
  'or, on a throw-away machine only, pass --i-know-this-runs-untrusted-code-unsandboxed';

/** Tries the real thing once: prlimit + bwrap as the unprivileged uid, running /usr/bin/true. */
export function probeSandbox(): SandboxAvailability {
  if (process.platform !== 'linux')
    return { available: false, reason: `the sandbox needs Linux, not ${process.platform}` };
  const needed = [BWRAP, PRLIMIT];
  const missing = needed.filter((path) => !existsSync(path));
  if (missing.length > 0) return { available: false, reason: `missing ${missing.join(', ')}` };
  const argv = buildSandboxArgv({
    command: ['/usr/bin/true'],
    limits: SandboxLimitsSchema.parse({}),
    addressSpaceMb: 512,
    readOnlyPaths: ['/usr/bin', '/usr/lib', '/usr/lib64'],
    files: [],
    statusFd: 3,
  });
  const probe = spawnSync(argv[0]!, argv.slice(1), {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    timeout: 10_000,
    env: {},
    ...slotIdentity(0),
  });
  if (probe.error) return { available: false, reason: probe.error.message };
  if (probe.status !== 0) {
    const stderr = String(probe.stderr ?? '')
      .trim()
      .slice(-300);
    return { available: false, reason: `bwrap could not create a sandbox (exit ${probe.status}): ${stderr}` };
  }
  return { available: true };
}

let cached: SandboxAvailability | undefined;

/** The probe's result, computed once per process. */
export function sandboxAvailability(): SandboxAvailability {
  cached ??= probeSandbox();
  return cached;
}

/** Throws RK_SANDBOX_UNAVAILABLE (with the reason and a hint) when isolation is not available. */
export function assertSandboxAvailable(): void {
  const availability = sandboxAvailability();
  if (!availability.available) {
    throw new RewardKitError(
      'RK_SANDBOX_UNAVAILABLE',
      `cannot run untrusted code: the sandbox is not available (${availability.reason})`,
      { hint: HINT },
    );
  }
}
