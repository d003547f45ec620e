import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { shieldInheritedFds } from './inherited-fds.js';

export interface ProcessRequest {
  argv: readonly string[];
  cwd?: string;
  env: Record<string, string>;
  stdin: string;
  /** Content written to extra pipes at these fds (bwrap `--file FD`), then closed. */
  inputFds: ReadonlyMap<number, string>;
  /** Extra pipes read by us (the harness's result channel, bwrap's status channel). */
  outputFds: readonly number[];
  timeoutMs: number;
  /** Cap per stream (stdout, stderr, each output fd); a run that writes more is killed. */
  outputBytes: number;
  signal?: AbortSignal;
  /**
   * The pid to kill first, read from the output channels so far (bwrap's status fd names the
   * sandboxed process). Killing it ends its pid namespace and lets bwrap reap it and exit; the
   * whole process group is killed only if that does not end the run within a grace period.
   */
  innerPid?: (channel: (fd: number) => string) => number | undefined;
  /** Run as this unprivileged identity (set by spawn before exec; rewardkit must be root). */
  identity?: { uid: number; gid: number };
  /**
   * Called with the pid of the started process right after spawn, and again with the inner pid
   * once the output channels name it (the sandbox moves both into its slot's cgroups).
   */
  onProcess?: (pid: number) => void;
}

export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** What was read from each of `outputFds`. */
  channels: Map<number, string>;
  timedOut: boolean;
  aborted: boolean;
  outputExceeded: boolean;
  wallMs: number;
  /** Set when the process could not be started at all. */
  spawnError?: string;
}

/** The outcome of a process that has not run (yet): no exit, no output, nothing killed. */
export function emptyOutcome(): ProcessOutcome {
  return {
    exitCode: null,
    signal: null,
    stdout: '',
    stderr: '',
    channels: new Map(),
    timedOut: false,
    aborted: false,
    outputExceeded: false,
    wallMs: 0,
  };
}

/** Grace period after the main process exits for its pipes to close before we close them. */
const PIPE_GRACE_MS = 200;
/** How long a killed inner process has to take its namespace down before the group is killed. */
const INNER_KILL_GRACE_MS = 1000;

/**
 * Runs one process in its own process group with a wall-clock timeout and capped output. On
 * timeout, abort or output overflow the whole group is killed with SIGKILL (for sandboxed runs
 * that kills bwrap, whose pid-namespace init then dies and takes every sandboxed process with it).
 */
export function runProcess(request: ProcessRequest): Promise<ProcessOutcome> {
  const started = performance.now();
  const highestFd = Math.max(2, ...request.inputFds.keys(), ...request.outputFds);
  const stdio: ('pipe' | 'ignore')[] = Array.from({ length: highestFd + 1 }, (_, fd) =>
    fd <= 2 || request.inputFds.has(fd) || request.outputFds.includes(fd) ? 'pipe' : 'ignore',
  );
  return new Promise((resolve) => {
    const outcome = emptyOutcome();
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(request.argv[0]!, request.argv.slice(1), {
        cwd: request.cwd,
        env: request.env,
        stdio: shieldInheritedFds(stdio),
        detached: true,
        ...(request.identity ?? {}),
      });
      if (child.pid !== undefined) request.onProcess?.(child.pid);
    } catch (error) {
      outcome.spawnError = error instanceof Error ? error.message : String(error);
      resolve(outcome);
      return;
    }
    let finished = false;
    let exited = false;
    const chunks = new Map<number, Buffer[]>();
    const sizes = new Map<number, number>();
    let openStreams = 0;
    const text = (fd: number) => Buffer.concat(chunks.get(fd) ?? []).toString('utf8');
    const killGroup = () => {
      if (child.pid === undefined || finished) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    let innerReported = false;
    const reportInner = () => {
      if (innerReported || request.onProcess === undefined) return;
      const inner = request.innerPid?.(text);
      if (inner === undefined) return;
      innerReported = true;
      request.onProcess(inner);
    };
    let innerKilled = false;
    const kill = () => {
      if (innerKilled) return; // the grace timer below finishes the job if needed
      const inner = exited ? undefined : request.innerPid?.(text);
      if (inner === undefined) {
        killGroup();
        return;
      }
      innerKilled = true;
      try {
        process.kill(inner, 'SIGKILL');
      } catch {
        // already gone
      }
      setTimeout(killGroup, INNER_KILL_GRACE_MS).unref();
    };
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      request.signal?.removeEventListener('abort', onAbort);
      outcome.stdout = text(1);
      outcome.stderr = text(2);
      for (const fd of request.outputFds) outcome.channels.set(fd, text(fd));
      outcome.wallMs = performance.now() - started;
      for (const stream of child.stdio) stream?.destroy();
      resolve(outcome);
    };
    const maybeFinish = () => {
      if (exited && openStreams === 0) finish();
    };
    const timer = setTimeout(() => {
      outcome.timedOut = true;
      kill();
    }, request.timeoutMs);
    let graceTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      outcome.aborted = true;
      kill();
    };
    if (request.signal?.aborted) onAbort();
    else request.signal?.addEventListener('abort', onAbort, { once: true });

    for (const fd of [1, 2, ...request.outputFds]) {
      const stream = child.stdio[fd] as Readable | null | undefined;
      if (!stream) continue;
      openStreams++;
      chunks.set(fd, []);
      sizes.set(fd, 0);
      stream.on('data', (chunk: Buffer) => {
        const size = sizes.get(fd)! + chunk.length;
        sizes.set(fd, size);
        if (size > request.outputBytes) {
          outcome.outputExceeded = true;
          const room = request.outputBytes - (size - chunk.length);
          if (room > 0) chunks.get(fd)!.push(chunk.subarray(0, room));
          kill();
          return;
        }
        chunks.get(fd)!.push(chunk);
        if (fd > 2) reportInner();
      });
      stream.on('error', () => {});
      stream.on('close', () => {
        openStreams--;
        maybeFinish();
      });
    }
    const writeAndClose = (stream: Writable | null | undefined, content: string) => {
      if (!stream) return;
      stream.on('error', () => {});
      stream.end(content);
    };
    writeAndClose(child.stdin, request.stdin);
    for (const [fd, content] of request.inputFds) writeAndClose(child.stdio[fd] as Writable, content);

    child.on('error', (error) => {
      outcome.spawnError = error.message;
      exited = true;
      finish();
    });
    child.on('exit', (code, signal) => {
      exited = true;
      outcome.exitCode = code;
      outcome.signal = signal;
      // Whatever is left in the group (background children) goes with the main process.
      killGroup();
      // A child that escaped the group (unsandboxed runs only) may hold our pipes open.
      graceTimer = setTimeout(finish, PIPE_GRACE_MS);
      maybeFinish();
    });
  });
}
