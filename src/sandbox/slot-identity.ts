import { spawnIdentity } from './command-builder.js';
import { hostUidForSlot, RUNNER_UID_OFFSET } from './pool.js';

/** Whether rewardkit runs as root and so must start sandboxes as an unprivileged uid. */
export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * The uid and gid a sandboxed process of pool slot `slot` is spawned with: the slot's own
 * unprivileged host uid for its programs, that uid + RUNNER_UID_OFFSET for its trusted test
 * runner. Undefined when rewardkit does not run as root (processes keep rewardkit's uid).
 */
export function slotIdentity(
  slot: number,
  role: 'program' | 'runner' = 'program',
): { uid: number; gid: number } | undefined {
  if (!runsAsRoot()) return undefined;
  return spawnIdentity(hostUidForSlot(slot) + (role === 'runner' ? RUNNER_UID_OFFSET : 0));
}
