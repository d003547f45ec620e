import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { cpuSecondsFor, type SandboxLimits } from './limits.js';

export const BWRAP = '/usr/bin/bwrap';
export const PRLIMIT = '/usr/bin/prlimit';
/** The uid/gid the program sees inside the sandbox (nobody). */
export const SANDBOX_UID = 65534;
/** Inside the sandbox the working directory is a private, size-limited tmpfs. */
export const SANDBOX_WORKDIR = '/tmp';

/** A file copied into the sandbox's working directory from a pipe at `fd` (bwrap `--file`). */
export interface SandboxFileDescriptor {
  name: string;
  fd: number;
}

export interface SandboxCommandInput {
  /** The program and its arguments, as seen inside the sandbox. */
  command: readonly string[];
  limits: SandboxLimits;
  /** Address space per process in MiB (memory limit plus the language's slack). */
  addressSpaceMb: number;
  readOnlyPaths: readonly string[];
  files: readonly SandboxFileDescriptor[];
  /** fd on which bwrap reports, as JSON, that the program started (`child-pid`). */
  statusFd: number;
  /**
   * True when the command sets the rlimits itself (`rlimitValues`) before it reads anything
   * untrusted: no `prlimit` exec then (about 5 ms of CPU per run). Only trusted preambles do this
   * (the Python candidate's loader); a program run directly always gets `prlimit`.
   */
  commandSetsRlimits?: boolean;
}

/** The rlimits of a run, in the order of `RLIMIT_NAMES`, hard = soft (bytes, seconds, counts). */
export function rlimitValues(limits: SandboxLimits, addressSpaceMb: number): number[] {
  const mib = 1024 * 1024;
  return [
    addressSpaceMb * mib,
    cpuSecondsFor(limits),
    limits.fileSizeMb * mib,
    limits.openFiles,
    limits.processes,
    0,
  ];
}

/** The names of `rlimitValues`, as Python's `resource` module spells them. */
export const RLIMIT_NAMES = [
  'RLIMIT_AS',
  'RLIMIT_CPU',
  'RLIMIT_FSIZE',
  'RLIMIT_NOFILE',
  'RLIMIT_NPROC',
  'RLIMIT_CORE',
];

/** `prlimit` options for the limits (hard and soft limits equal; no core files). */
export function prlimitArguments(limits: SandboxLimits, addressSpaceMb: number): string[] {
  const [as, cpu, fsize, nofile, nproc, core] = rlimitValues(limits, addressSpaceMb);
  return [
    `--as=${as}`,
    `--cpu=${cpu}`,
    `--fsize=${fsize}`,
    `--nofile=${nofile}`,
    `--nproc=${nproc}`,
    `--core=${core}`,
  ];
}

/** How /bin, /lib, /lib64 look on this host: merged-/usr symlinks are recreated, real directories bound. */
function rootLinkArguments(): string[] {
  const args: string[] = [];
  for (const path of ['/bin', '/lib', '/lib64']) {
    if (!existsSync(path)) continue;
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
    else args.push('--ro-bind', path, path);
  }
  return args;
}

let cachedRootLinks: string[] | undefined;

/**
 * The full argv of one sandboxed run: `prlimit` (rlimits) then `bwrap` (new user, pid, net, ipc,
 * uts and cgroup namespaces; read-only binds of the interpreter's paths only; a fresh /proc and
 * minimal /dev with a private size-limited /dev/shm; a private size-limited tmpfs as /tmp and
 * working directory; an empty environment;
 * no new privileges; killed when its parent dies). When rewardkit runs as root, the process is
 * started directly as an unprivileged host uid (`spawnIdentity`): RLIMIT_NPROC is not enforced
 * for root, so without a real unprivileged uid a fork bomb would not be capped.
 */
export function buildSandboxArgv(input: SandboxCommandInput): string[] {
  cachedRootLinks ??= rootLinkArguments();
  const binds = input.readOnlyPaths
    .filter((path) => existsSync(path))
    .flatMap((path) => ['--ro-bind', path, path]);
  const files = input.files.flatMap((file) => ['--file', String(file.fd), `${SANDBOX_WORKDIR}/${file.name}`]);
  const prlimit = input.commandSetsRlimits
    ? []
    : [PRLIMIT, ...prlimitArguments(input.limits, input.addressSpaceMb), '--'];
  return [
    ...prlimit,
    BWRAP,
    '--unshare-all',
    '--die-with-parent',
    '--new-session',
    '--as-pid-1',
    '--hostname',
    'sandbox',
    '--uid',
    String(SANDBOX_UID),
    '--gid',
    String(SANDBOX_UID),
    '--cap-drop',
    'ALL',
    '--clearenv',
    '--setenv',
    'PATH',
    '/usr/bin:/bin',
    '--setenv',
    'HOME',
    SANDBOX_WORKDIR,
    '--setenv',
    'LANG',
    'C.UTF-8',
    ...binds,
    ...cachedRootLinks,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    // A private, size-limited /dev/shm (POSIX semaphores and shared memory: multiprocessing).
    '--size',
    String(input.limits.tmpSizeMb * 1024 * 1024),
    '--tmpfs',
    '/dev/shm',
    '--size',
    String(input.limits.tmpSizeMb * 1024 * 1024),
    '--tmpfs',
    SANDBOX_WORKDIR,
    '--chdir',
    SANDBOX_WORKDIR,
    ...files,
    // bwrap's root and /dev are tmpfs without a size limit: read-only, so that only the
    // size-limited /tmp is writable.
    '--remount-ro',
    '/dev',
    '--remount-ro',
    '/',
    '--json-status-fd',
    String(input.statusFd),
    '--',
    ...input.command,
  ];
}

/** The argv of an unsandboxed run: only the rlimits, in a host temporary directory. */
export function buildUnsandboxedArgv(
  command: readonly string[],
  limits: SandboxLimits,
  addressSpaceMb: number,
): string[] {
  return [PRLIMIT, ...prlimitArguments(limits, addressSpaceMb), '--', ...command];
}

/**
 * The identity a sandboxed run is spawned with when rewardkit runs as root: an unprivileged host
 * uid and gid of its own per pool slot. Node's spawn drops supplementary groups (setgroups), then
 * sets the gid and uid before exec, which clears every capability; bwrap then sets no_new_privs.
 * This replaces a `setpriv` exec per run (about 2 ms).
 */
export function spawnIdentity(hostUid: number | undefined): { uid: number; gid: number } | undefined {
  return hostUid === undefined ? undefined : { uid: hostUid, gid: hostUid };
}
