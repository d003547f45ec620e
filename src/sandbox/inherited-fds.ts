import { openSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Descriptors this process inherited from its parent without close-on-exec would otherwise reach
 * every sandboxed process: Node's spawn passes the fds of its `stdio` array and leaves any other
 * fd of the parent that lacks close-on-exec open in the child, and neither `prlimit` nor bwrap
 * closes them. A shell, a job server (make's pipe), a supervisor or a trainer that launches
 * rewardkit can leave such fds behind; inside the sandbox a program could then write to (or read
 * from) a host pipe or file, and talk to every other sample through it. Node opens everything of
 * its own with close-on-exec, so these are exactly the fds without it above stderr.
 *
 * `shieldInheritedFds` puts `/dev/null` over each of them in a child's `stdio`: the child gets
 * that fd number as `/dev/null` (reads end at once, writes vanish) instead of the host's file.
 * They are read once per process (`/proc/self/fdinfo`); a library host that opens fds without
 * close-on-exec later (Node never does) is not seen.
 */

/** O_CLOEXEC in the `flags` line of /proc/self/fdinfo (octal). */
const O_CLOEXEC = 0o2000000;

let inheritedFds: readonly number[] | undefined;
let devNullFd: number | undefined;

/** The fds above stderr of this process that a child would inherit (no close-on-exec). */
export function inheritableFds(): readonly number[] {
  inheritedFds ??= readInheritableFds();
  return inheritedFds;
}

function readInheritableFds(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc/self/fd');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    const fd = Number(entry);
    if (!Number.isInteger(fd) || fd <= 2) continue;
    try {
      const flags = /^flags:\s+([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
      if (flags !== undefined && (Number.parseInt(flags, 8) & O_CLOEXEC) === 0) found.push(fd);
    } catch {
      // closed meanwhile (the fd that listed the directory)
    }
  }
  return found.sort((a, b) => a - b);
}

type StdioEntry = 'pipe' | 'ignore' | number;

/**
 * `stdio` for a sandboxed child with `/dev/null` over every inherited fd it does not set itself
 * (an `'ignore'` entry above stderr leaves the parent's fd in place, so it is covered too).
 */
export function shieldInheritedFds(stdio: readonly StdioEntry[]): StdioEntry[] {
  const shielded = [...stdio];
  for (const fd of inheritableFds()) {
    if (fd < stdio.length && stdio[fd] !== 'ignore') continue;
    devNullFd ??= openSync('/dev/null', 'r+');
    while (shielded.length < fd) shielded.push('ignore');
    shielded[fd] = devNullFd;
  }
  return shielded;
}
