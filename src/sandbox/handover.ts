/**
 * The handover: the one signal that tells a sandbox failure from the program's own failure.
 *
 * bwrap names the sandboxed process on its status fd right after `clone`, before it sets up the
 * mounts and execs the command, so a setup failure (`bwrap: Can't mount proc ...`, exit 1) comes
 * after that signal, and looks on stdout/stderr/exit status exactly like a program that prints the
 * same line and exits 1. So stderr never decides: a trusted step inside the sandbox, after bwrap's
 * setup and before anything untrusted runs, writes `HANDOVER_MARK` on `HANDOVER_FD` and closes
 * it (the shell preamble of `runSandboxed`, the candidates' loaders). The run is the program's
 * from then on; without the mark, it never reached the program and is a sandbox error.
 *
 * The program cannot forge a sandbox error: it runs only after the mark is in the pipe, and
 * nothing it does takes the mark back (nor can it write the fd: it is closed before the program
 * runs, and bwrap's copy is outside its pid namespace).
 */

/** The fd a trusted preamble writes the handover mark on (after bwrap's status fd). */
export const HANDOVER_FD = 5;

/** What the preamble writes. */
export const HANDOVER_MARK = 'H';

/** Whether the channel read from `HANDOVER_FD` holds the mark. */
export function handedOver(channel: string | undefined): boolean {
  return channel?.startsWith(HANDOVER_MARK) === true;
}

/**
 * `command` behind a `/usr/bin/sh` preamble that marks the handover, closes the fd and execs it
 * (with stdin from `stdinFile`, a file of the working directory, when given). dash is already
 * the exec that makes stdin a file, so the mark costs no extra exec there.
 */
export function withHandover(command: readonly string[], stdinFile?: string): string[] {
  const mark = `printf ${HANDOVER_MARK} >&${HANDOVER_FD}`;
  if (stdinFile === undefined)
    return ['/usr/bin/sh', '-c', `${mark} && exec "$@" ${HANDOVER_FD}>&-`, 'sh', ...command];
  return [
    '/usr/bin/sh',
    '-c',
    `${mark} && f=$1 && shift && exec "$@" ${HANDOVER_FD}>&- < "$f"`,
    'sh',
    stdinFile,
    ...command,
  ];
}

/** The Python statements that mark the handover (the candidate loader, before it reads the program). */
export const PYTHON_HANDOVER = `import posix\nposix.write(${HANDOVER_FD}, b"${HANDOVER_MARK}")\nposix.close(${HANDOVER_FD})`;

/** The JavaScript statement that marks the handover (the candidate, before it reads the program). */
export const JAVASCRIPT_HANDOVER = `{ const fs = require('node:fs'); fs.writeSync(${HANDOVER_FD}, '${HANDOVER_MARK}'); fs.closeSync(${HANDOVER_FD}); }`;
