/**
 * bwrap's status channel (`--json-status-fd`): right after it clones the sandboxed process (pid 1
 * of its namespace), bwrap writes `{"child-pid": N}` there, N being its host pid. That is before
 * the process sets up the mounts and execs the command, so it names the process to kill and to
 * move into the slot's cgroups, but does not say the setup succeeded: the handover does
 * (handover.ts).
 */

/** The fd sandboxed runs hand bwrap for its JSON status. */
export const STATUS_FD = 4;

/** The host pid of the sandboxed process, from bwrap's JSON status; undefined until it is named. */
export function sandboxedPid(status: string): number | undefined {
  const pid = Number(/"child-pid":\s*(\d+)/.exec(status)?.[1]);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}
