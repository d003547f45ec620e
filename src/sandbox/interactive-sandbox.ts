import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { STATUS_FD, sandboxedPid } from './bwrap-status.js';
import type { SlotCgroups } from './cgroups.js';
import { buildSandboxArgv, buildUnsandboxedArgv } from './command-builder.js';
import { FrameReader, FrameTooLargeError, frameOf } from './frames.js';
import { HANDOVER_FD, handedOver } from './handover.js';
import { shieldInheritedFds } from './inherited-fds.js';
import type { LanguageSpec } from './languages.js';
import type { SandboxLimits } from './limits.js';
import { joinCgroups, warnUnsandboxed } from './sandbox.js';

/** How long a killed process has to take its namespace down before its whole group is killed. */
const KILL_GRACE_MS = 1000;
/** After the process exits, how long its pipes may stay open (a leftover unsandboxed child). */
const PIPE_GRACE_MS = 200;

export interface InteractiveSandboxOptions {
  language: LanguageSpec;
  command: readonly string[];
  limits: SandboxLimits;
  /** Written to stdin first; stdin is then closed, unless frames are written to it (`writeFd` 0). */
  stdin: Buffer | string;
  /** Where frames to the process go: its stdin (0) or the duplex channel (3). */
  writeFd: 0 | 3;
  /** Frames from the process arrive on fd 3; longer ones kill it (`frameExceeded`). */
  frameLimitBytes: number;
  /** Cap of stdout and stderr each (the run is killed past it); undefined: drained, a tail kept. */
  outputBytes?: number;
  identity?: { uid: number; gid: number };
  cgroups?: SlotCgroups;
  /** Run without isolation (rlimits only): only the loudly-named flag sets this. */
  unsandboxed?: boolean;
  /** The command's trusted preamble sets the rlimits itself (no `prlimit` exec). */
  commandSetsRlimits?: boolean;
}

export interface InteractiveExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputExceeded: boolean;
  frameExceeded: boolean;
  /** Why rewardkit killed it, if it did. */
  killedFor?: string;
  /** The slot's memory cgroup OOM-killed one of its processes. */
  memoryKilled: boolean;
  /**
   * The command's trusted preamble marked the handover on `HANDOVER_FD` (handover.ts): the
   * sandbox was set up and what followed is the program's. The candidates mark it; the trusted
   * test runners do not (their end is a sandbox error however it comes).
   */
  handedOver: boolean;
  spawnError?: string;
  wallMs: number;
}

/** The tail kept of a drained stream. */
const DRAINED_TAIL_BYTES = 4096;

/**
 * One sandboxed process rewardkit talks to in frames while it runs (the test runner, the
 * candidate), unlike `runSandboxed`, which writes stdin once and collects the output. Same
 * isolation (`buildSandboxArgv`), same identity and slot cgroups, same killing: the sandboxed
 * pid 1 first (its pid namespace goes with it), the whole process group if that is not enough.
 */
export class InteractiveSandbox {
  readonly exited: Promise<InteractiveExit>;
  readonly #child: ChildProcess | undefined;
  readonly #writer: Writable | undefined;
  readonly #frames: FrameReader;
  readonly #started = performance.now();
  #onFrame: (frame: Buffer) => void = () => {};
  readonly #exitHandlers = new Set<(exit: InteractiveExit) => void>();
  #exit: InteractiveExit | undefined;
  #status = '';
  #handover = '';
  #innerPid: number | undefined;
  #exited = false;
  #killedFor: string | undefined;
  #outputExceeded = false;
  #frameExceeded = false;
  readonly #oomKillsBefore: number;
  readonly #cgroups: SlotCgroups | undefined;
  #workDirectory: string | undefined;

  constructor(options: InteractiveSandboxOptions) {
    this.#frames = new FrameReader(options.frameLimitBytes);
    this.#cgroups = options.cgroups;
    this.#oomKillsBefore = options.cgroups?.oomKills() ?? 0;
    const joinSlot = joinCgroups(options.cgroups);
    const addressSpaceMb = options.limits.memoryMb + options.language.addressSpaceSlackMb;
    let argv: string[];
    let cwd: string | undefined;
    if (options.unsandboxed) {
      warnUnsandboxed();
      this.#workDirectory = mkdtempSync(join(tmpdir(), 'rewardkit-unsandboxed-'));
      cwd = this.#workDirectory;
      argv = buildUnsandboxedArgv(options.command, options.limits, addressSpaceMb);
    } else {
      argv = buildSandboxArgv({
        command: options.command,
        limits: options.limits,
        addressSpaceMb,
        readOnlyPaths: options.language.readOnlyPaths,
        files: [],
        statusFd: STATUS_FD,
        commandSetsRlimits: options.commandSetsRlimits === true,
      });
    }
    let resolveExit!: (exit: InteractiveExit) => void;
    this.exited = new Promise((resolve) => {
      resolveExit = resolve;
    });
    // The one hook on `exited` for the process's whole life: a fork server serves thousands of
    // samples, and a hook per sample would stay attached (with its sample's state) until it exits.
    void this.exited.then((exit) => {
      this.#exit = exit;
      for (const handler of this.#exitHandlers) handler(exit);
      this.#exitHandlers.clear();
    });
    let child: ChildProcess;
    try {
      child = spawn(argv[0]!, argv.slice(1), {
        stdio: shieldInheritedFds([
          'pipe',
          'pipe',
          'pipe',
          'pipe',
          options.unsandboxed ? 'ignore' : 'pipe',
          'pipe',
        ]),
        detached: true,
        env: options.unsandboxed ? { PATH: '/usr/bin:/bin', HOME: cwd!, LANG: 'C.UTF-8' } : {},
        ...(cwd === undefined ? {} : { cwd }),
        ...(options.identity ?? {}),
      });
    } catch (error) {
      this.#exited = true;
      resolveExit(this.#exitOf(null, null, '', '', error instanceof Error ? error.message : String(error)));
      return;
    }
    this.#child = child;
    if (child.pid !== undefined) joinSlot?.(child.pid);
    const outputs = new Map<number, Buffer[]>();
    const sizes = new Map<number, number>();
    let open = 0;
    let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let spawnError: string | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(graceTimer);
      for (const stream of child.stdio) stream?.destroy();
      if (this.#workDirectory !== undefined) rmSync(this.#workDirectory, { recursive: true, force: true });
      const text = (fd: number) => Buffer.concat(outputs.get(fd) ?? []).toString('utf8');
      resolveExit(
        this.#exitOf(exitInfo?.code ?? null, exitInfo?.signal ?? null, text(1), text(2), spawnError),
      );
    };
    let graceTimer: NodeJS.Timeout | undefined;
    const capture = (fd: number) => {
      const stream = child.stdio[fd] as Readable | null | undefined;
      if (!stream) return;
      open++;
      outputs.set(fd, []);
      sizes.set(fd, 0);
      stream.on('data', (chunk: Buffer) => {
        const chunks = outputs.get(fd)!;
        const size = sizes.get(fd)! + chunk.length;
        sizes.set(fd, size);
        if (options.outputBytes === undefined) {
          chunks.push(chunk);
          while (chunks.length > 1 && size - chunks[0]!.length > DRAINED_TAIL_BYTES) {
            sizes.set(fd, sizes.get(fd)! - chunks.shift()!.length);
          }
          return;
        }
        if (size > options.outputBytes) {
          const room = options.outputBytes - (size - chunk.length);
          if (room > 0) chunks.push(chunk.subarray(0, room));
          this.#outputExceeded = true;
          this.kill('output_limit');
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', () => {});
      stream.on('close', () => {
        open--;
        if (exitInfo !== undefined && open === 0) finish();
      });
    };
    capture(1);
    capture(2);
    const channel = child.stdio[3] as Readable | null;
    if (channel) {
      open++;
      channel.on('data', (chunk: Buffer) => {
        let frames: Buffer[];
        try {
          frames = this.#frames.push(chunk);
        } catch (error) {
          if (!(error instanceof FrameTooLargeError)) throw error;
          this.#frameExceeded = true;
          this.kill('output_limit');
          return;
        }
        for (const frame of frames) this.#onFrame(frame);
      });
      channel.on('error', () => {});
      channel.on('close', () => {
        open--;
        if (exitInfo !== undefined && open === 0) finish();
      });
    }
    const status = child.stdio[STATUS_FD] as Readable | null | undefined;
    if (status) {
      open++;
      status.on('data', (chunk: Buffer) => {
        this.#status += chunk.toString('utf8');
        const pid = this.#innerPid === undefined ? sandboxedPid(this.#status) : undefined;
        if (pid !== undefined) {
          this.#innerPid = pid;
          joinSlot?.(pid);
          if (this.#killedFor !== undefined) this.#killInner();
        }
      });
      status.on('error', () => {});
      status.on('close', () => {
        open--;
        if (exitInfo !== undefined && open === 0) finish();
      });
    }
    const handover = (child.stdio as readonly unknown[])[HANDOVER_FD] as Readable | null | undefined;
    if (handover) {
      open++;
      handover.on('data', (chunk: Buffer) => {
        if (this.#handover.length < 16) this.#handover += chunk.toString('latin1');
      });
      handover.on('error', () => {});
      handover.on('close', () => {
        open--;
        if (exitInfo !== undefined && open === 0) finish();
      });
    }
    this.#writer = (options.writeFd === 0 ? child.stdin : (child.stdio[3] as Writable | null)) ?? undefined;
    this.#writer?.on('error', () => {});
    child.stdin?.on('error', () => {});
    if (options.writeFd === 0) child.stdin?.write(options.stdin);
    else child.stdin?.end(options.stdin);
    child.on('error', (error) => {
      spawnError = error.message;
      exitInfo ??= { code: null, signal: null };
      this.#exited = true;
      finish();
    });
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      this.#exited = true;
      this.#killGroup();
      graceTimer = setTimeout(finish, PIPE_GRACE_MS);
      if (open === 0) finish();
    });
  }

  /** Called with each frame the process writes on fd 3. */
  onFrame(handler: (frame: Buffer) => void): void {
    this.#onFrame = handler;
  }

  /**
   * Calls `handler` once the process has exited (on the next microtask if it already has); returns
   * the function that detaches it. A caller done with the process before it exits detaches it.
   */
  onExit(handler: (exit: InteractiveExit) => void): () => void {
    const exit = this.#exit;
    if (exit !== undefined) {
      queueMicrotask(() => handler(exit));
      return () => {};
    }
    this.#exitHandlers.add(handler);
    return () => {
      this.#exitHandlers.delete(handler);
    };
  }

  /** How many `onExit` handlers wait for this process to exit. */
  get exitHandlerCount(): number {
    return this.#exitHandlers.size;
  }

  get alive(): boolean {
    return !this.#exited;
  }

  get killedFor(): string | undefined {
    return this.#killedFor;
  }

  send(...parts: (Buffer | string)[]): void {
    if (!this.#exited) this.#writer?.write(frameOf(...parts));
  }

  /** Lets rewardkit exit while this (long-lived) process is idle. */
  unref(): void {
    this.#child?.unref();
    for (const stream of this.#child?.stdio ?? []) (stream as { unref?: () => void } | null)?.unref?.();
  }

  ref(): void {
    this.#child?.ref();
    for (const stream of this.#child?.stdio ?? []) (stream as { ref?: () => void } | null)?.ref?.();
  }

  /** Kills the process and everything it started; `reason` is kept as `killedFor`. */
  kill(reason: string): void {
    if (this.#exited) return;
    this.#killedFor ??= reason;
    if (this.#innerPid === undefined) {
      // bwrap has not named the sandboxed process yet (or unsandboxed): the group goes.
      this.#killGroup();
      return;
    }
    this.#killInner();
  }

  #killInner(): void {
    try {
      if (this.#innerPid !== undefined) process.kill(this.#innerPid, 'SIGKILL');
    } catch {
      // already gone
    }
    setTimeout(() => this.#killGroup(), KILL_GRACE_MS).unref();
  }

  #killGroup(): void {
    const pid = this.#child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  #exitOf(
    code: number | null,
    signal: NodeJS.Signals | null,
    stdout: string,
    stderr: string,
    spawnError: string | undefined,
  ): InteractiveExit {
    const exit: InteractiveExit = {
      exitCode: code,
      signal,
      stdout,
      stderr,
      outputExceeded: this.#outputExceeded,
      frameExceeded: this.#frameExceeded,
      memoryKilled: this.#cgroups !== undefined && this.#cgroups.oomKills() > this.#oomKillsBefore,
      handedOver: handedOver(this.#handover),
      wallMs: performance.now() - this.#started,
    };
    if (this.#killedFor !== undefined) exit.killedFor = this.#killedFor;
    if (spawnError !== undefined) exit.spawnError = spawnError;
    return exit;
  }
}
