import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Optional cgroup (v1) limits per pool slot: a memory limit for the sandbox as a whole (RLIMIT_AS
 * is per process, so a fork bomb of memory hogs could otherwise take processes × memory) and a
 * pids limit. Used when rewardkit runs as root and the memory and pids hierarchies are writable;
 * otherwise the rlimits alone apply. Slot cgroups nest under this process's own cgroups, so the
 * limits of the container still hold.
 */
export interface SlotCgroups {
  /** cgroup.procs files the sandboxed process must join before it runs anything. */
  procsFiles: string[];
  /** How many processes the memory controller has OOM-killed in this slot so far. */
  oomKills(): number;
}

const ROOT = '/sys/fs/cgroup';

const ownPaths = new Map<string, string | undefined>();

/** This process's cgroup directory for a controller (read once: it does not change). */
function ownPath(controller: string): string | undefined {
  if (ownPaths.has(controller)) return ownPaths.get(controller);
  let found: string | undefined;
  try {
    for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
      const [, controllers = '', path = ''] = line.split(':');
      if (controllers.split(',').includes(controller)) found = join(ROOT, controller, path);
    }
  } catch {
    // not Linux, or no /proc
  }
  ownPaths.set(controller, found);
  return found;
}

const created: string[] = [];
let cleanupRegistered = false;

function removeCreated(): void {
  existing.clear();
  for (const directory of created.reverse()) {
    try {
      rmdirSync(directory);
    } catch {
      // still in use or already gone
    }
  }
}

/** Slot directories known to exist, so that a run does not stat them again. */
const existing = new Set<string>();

function makeDirectory(directory: string): void {
  if (existing.has(directory)) return;
  if (!existsSync(directory)) {
    mkdirSync(directory);
    created.push(directory);
  }
  existing.add(directory);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', removeCreated);
  }
}

/** Removes the (empty) slot cgroups left by rewardkit processes that died without cleaning up. */
function sweepStale(controllerRoot: string): void {
  try {
    for (const entry of readdirSync(controllerRoot)) {
      const pid = /^rewardkit-(\d+)-\d+$/.exec(entry)?.[1];
      if (pid === undefined || existsSync(`/proc/${pid}`)) continue;
      const group = join(controllerRoot, entry);
      for (const slot of readdirSync(group).filter((name) => name.startsWith('slot-')))
        rmdirSync(join(group, slot));
      rmdirSync(group);
    }
  } catch {
    // in use or not ours to remove: leave it
  }
}

let available: boolean | undefined;
/** The limits last written per slot directory, so that unchanged limits are not rewritten. */
const configured = new Map<string, string>();

/** Whether slot cgroups can be used here (root, cgroup v1 memory and pids writable). */
export function cgroupsAvailable(): boolean {
  if (available !== undefined) return available;
  available = false;
  if (process.getuid?.() !== 0 || process.env['REWARDKIT_SANDBOX_CGROUPS'] === '0') return false;
  const memory = ownPath('memory');
  const pids = ownPath('pids');
  if (memory === undefined || pids === undefined) return false;
  if (!existsSync(join(memory, 'memory.limit_in_bytes')) || !existsSync(join(pids, 'cgroup.procs')))
    return false;
  try {
    const probe = join(memory, `rewardkit-probe-${process.pid}-${threadId}`);
    mkdirSync(probe);
    rmdirSync(probe);
    sweepStale(memory);
    sweepStale(pids);
    available = true;
  } catch {
    available = false;
  }
  return available;
}

function readOomKills(memoryDirectory: string): number {
  try {
    return Number(
      /oom_kill (\d+)/.exec(readFileSync(join(memoryDirectory, 'memory.oom_control'), 'utf8'))?.[1] ?? 0,
    );
  } catch {
    return 0;
  }
}

/**
 * The cgroups of one pool slot with the given limits, created on first use; undefined when
 * cgroups are not available or setting them up fails (the rlimits still apply).
 */
export function slotCgroups(
  slot: number,
  memoryBytes: number,
  maxProcesses: number,
): SlotCgroups | undefined {
  if (!cgroupsAvailable()) return undefined;
  const memoryRoot = ownPath('memory');
  const pidsRoot = ownPath('pids');
  if (memoryRoot === undefined || pidsRoot === undefined) return undefined;
  const group = `rewardkit-${process.pid}-${threadId}`;
  try {
    const memory = join(memoryRoot, group, `slot-${slot}`);
    const pids = join(pidsRoot, group, `slot-${slot}`);
    makeDirectory(join(memoryRoot, group));
    makeDirectory(memory);
    makeDirectory(join(pidsRoot, group));
    makeDirectory(pids);
    const key = `${memoryBytes}/${maxProcesses}`;
    if (configured.get(memory) !== key) {
      // memory+swap may never be below memory: lift it, set memory, then pin it to the same value.
      const swap = join(memory, 'memory.memsw.limit_in_bytes');
      const hasSwap = existsSync(swap);
      if (hasSwap) writeFileSync(swap, '-1');
      writeFileSync(join(memory, 'memory.limit_in_bytes'), String(memoryBytes));
      if (hasSwap) writeFileSync(swap, String(memoryBytes));
      writeFileSync(join(pids, 'pids.max'), String(maxProcesses));
      configured.set(memory, key);
    }
    return {
      procsFiles: [join(memory, 'cgroup.procs'), join(pids, 'cgroup.procs')],
      oomKills: () => readOomKills(memory),
    };
  } catch {
    return undefined;
  }
}
