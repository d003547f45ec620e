/**
 * bwrap's status channel (`--json-status-fd`): once the program has started inside the sandbox,
 * bwrap writes `{"child-pid": N}` there, N being the host pid of the sandboxed process (pid 1 of
 * its namespace).
 */

/** The fd sandboxed runs hand bwrap for its JSON status. */
export const STATUS_FD = 4;

/** Whether bwrap got as far as starting the program (it has named the sandboxed process). */
export function sandboxStarted(status: string): boolean {
  return status.includes('"child-pid"');
}

/** The host pid of the sandboxed process, from bwrap's JSON status; undefined until it is named. */
export function sandboxedPid(status: string): number | undefined {
  const pid = Number(/"child-pid":\s*(\d+)/.exec(status)?.[1]);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}
