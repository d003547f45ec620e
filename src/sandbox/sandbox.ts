import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { assertSandboxAvailable } from './availability.js';
import { STATUS_FD, sandboxedPid } from './bwrap-status.js';
import { type SlotCgroups, slotCgroups } from './cgroups.js';
import { buildSandboxArgv, buildUnsandboxedArgv } from './command-builder.js';
import { HANDOVER_FD, handedOver, withHandover } from './handover.js';
import type { LanguageSpec } from './languages.js';
import type { SandboxLimits } from './limits.js';
import { optionalField } from './optional-field.js';
import { sharedSandboxPool } from './pool.js';
import { emptyOutcome, type ProcessOutcome, runProcess } from './run-process.js';
import { slotIdentity } from './slot-identity.js';

/** The first fd of the files written into the working directory (after the handover fd). */
const FIRST_FILE_FD = HANDOVER_FD + 1;

export interface SandboxRunRequest {
  language: LanguageSpec;
  /** The command inside the sandbox (relative paths resolve in the working directory). */
  command: readonly string[];
  /** Files written into the working directory before the command starts. */
  files: Readonly<Record<string, string>>;
  stdin: string;
  /** A file of `files` the command gets as its stdin (a file, not a pipe) instead of `stdin`. */
  stdinFile?: string;
  limits: SandboxLimits;
  signal?: AbortSignal;
  /** Run without isolation (rlimits only). Only the loudly-named flag may set this. */
  unsandboxed?: boolean;
}

export interface SandboxRunOutcome extends ProcessOutcome {
  /**
   * The sandbox finished its setup and handed over to the command (handover.ts): what happens
   * from then on is the program's. False when bwrap failed before that (a sandbox error).
   */
  handedOver: boolean;
  /** The slot's memory cgroup OOM-killed a process of this run. */
  memoryKilled: boolean;
}

/**
 * The slot's cgroups sized for these limits: memory for the program, its /tmp and its /dev/shm
 * (tmpfs pages count) and the interpreter's own baseline; processes plus bwrap's helpers.
 */
export function slotCgroupsFor(slot: number, limits: SandboxLimits): SlotCgroups | undefined {
  return slotCgroups(
    slot,
    (limits.memoryMb + 2 * limits.tmpSizeMb + CGROUP_MEMORY_SLACK_MB) * 1024 * 1024,
    limits.processes + CGROUP_EXTRA_PROCESSES,
  );
}

/** Memory of a slot's cgroup beyond `memoryMb` and the tmpfs: the interpreter's own baseline. */
const CGROUP_MEMORY_SLACK_MB = 128;
/** Processes of a slot's cgroup beyond `processes`: prlimit/bwrap and bwrap's own helpers. */
const CGROUP_EXTRA_PROCESSES = 4;

/**
 * Moves a process into the slot's cgroups (cgroup v1: writing a pid to cgroup.procs). Called for
 * bwrap right after spawn, and again for the sandboxed process when bwrap names it, so that even a
 * bwrap that forked before the first write has its program inside the cgroups well before the
 * program's own code runs. A process already inside is not moved again (each move is a costly
 * kernel attach). The rlimits hold regardless; the cgroups add a cap on the whole tree.
 */
export function joinCgroups(cgroups: SlotCgroups | undefined): ((pid: number) => void) | undefined {
  if (cgroups === undefined) return undefined;
  const directories = cgroups.procsFiles.map((procs) => dirname(procs));
  let moved = false;
  return (pid) => {
    if (moved && insideAll(pid, directories)) return;
    moved = true;
    for (const procs of cgroups.procsFiles) {
      try {
        writeFileSync(procs, String(pid));
      } catch {
        // the process is already gone
      }
    }
  };
}

/** Whether /proc/PID/cgroup lists every one of the given cgroup directories. */
function insideAll(pid: number, directories: readonly string[]): boolean {
  try {
    const membership = readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    return directories.every((directory) => {
      const relative = directory.split('/').slice(5).join('/');
      return membership.includes(`:/${relative}\n`);
    });
  } catch {
    return true; // gone already
  }
}

let warned = false;

export function warnUnsandboxed(): void {
  if (warned) return;
  warned = true;
  process.stderr.write(
    '\n!!! rewardkit: RUNNING UNTRUSTED CODE WITHOUT A SANDBOX. Programs can read and write your files, ' +
      'reach the network and leave processes behind. Use this only on a throw-away machine. !!!\n\n',
  );
}

/**
 * Runs one command in a fresh sandbox, through the process-wide pool, behind the handover
 * preamble (`handedOver` in the outcome). Throws RK_SANDBOX_UNAVAILABLE
 * when isolation is not available (unless `unsandboxed`). Resolves with `aborted` set when the
 * signal fires while waiting for a slot or running.
 */
export async function runSandboxed(request: SandboxRunRequest): Promise<SandboxRunOutcome> {
  if (!request.unsandboxed) assertSandboxAvailable();
  const addressSpaceMb = request.limits.memoryMb + request.language.addressSpaceSlackMb;
  // The command never runs bare: a trusted preamble marks the handover first (handover.ts).
  const command = withHandover(request.command, request.stdinFile);
  const outcome = await sharedSandboxPool().run(async (slot) => {
    if (request.unsandboxed) {
      warnUnsandboxed();
      const directory = mkdtempSync(join(tmpdir(), 'rewardkit-unsandboxed-'));
      try {
        for (const [name, content] of Object.entries(request.files))
          writeFileSync(join(directory, name), content);
        const run = await runProcess({
          argv: buildUnsandboxedArgv(command, request.limits, addressSpaceMb),
          cwd: directory,
          env: { PATH: '/usr/bin:/bin', HOME: directory, LANG: 'C.UTF-8' },
          stdin: request.stdin,
          inputFds: new Map(),
          outputFds: [HANDOVER_FD],
          timeoutMs: request.limits.timeoutMs,
          outputBytes: request.limits.outputBytes,
          ...optionalField('signal', request.signal),
        });
        return { ...run, handedOver: handedOver(run.channels.get(HANDOVER_FD)), memoryKilled: false };
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }
    const cgroups = slotCgroupsFor(slot, request.limits);
    const oomKillsBefore = cgroups?.oomKills() ?? 0;
    const names = Object.keys(request.files);
    const files = names.map((name, index) => ({ name, fd: FIRST_FILE_FD + index }));
    const run = await runProcess({
      argv: buildSandboxArgv({
        command,
        limits: request.limits,
        addressSpaceMb,
        readOnlyPaths: request.language.readOnlyPaths,
        files,
        statusFd: STATUS_FD,
      }),
      env: {},
      stdin: request.stdin,
      inputFds: new Map(files.map((file) => [file.fd, request.files[file.name]!])),
      outputFds: [STATUS_FD, HANDOVER_FD],
      timeoutMs: request.limits.timeoutMs,
      outputBytes: request.limits.outputBytes,
      innerPid: (channel) => sandboxedPid(channel(STATUS_FD)),
      ...optionalField('identity', slotIdentity(slot)),
      ...optionalField('onProcess', joinCgroups(cgroups)),
      ...optionalField('signal', request.signal),
    });
    const memoryKilled = cgroups !== undefined && cgroups.oomKills() > oomKillsBefore;
    return { ...run, handedOver: handedOver(run.channels.get(HANDOVER_FD)), memoryKilled };
  }, request.signal);
  return outcome ?? abortedBeforeStart();
}

function abortedBeforeStart(): SandboxRunOutcome {
  return { ...emptyOutcome(), aborted: true, handedOver: false, memoryKilled: false };
}
