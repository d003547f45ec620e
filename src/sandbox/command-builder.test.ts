import { describe, expect, it } from 'vitest';
import {
  buildSandboxArgv,
  buildUnsandboxedArgv,
  prlimitArguments,
  spawnIdentity,
} from './command-builder.js';
import { SandboxLimitsSchema } from './limits.js';

const limits = SandboxLimitsSchema.parse({ timeoutMs: 2500, memoryMb: 256, processes: 32 });

function sandboxArgv(): string[] {
  return buildSandboxArgv({
    command: ['/usr/bin/python3', 'main.py'],
    limits,
    addressSpaceMb: 256,
    readOnlyPaths: ['/usr/bin', '/usr/lib'],
    files: [{ name: 'main.py', fd: 5 }],
    statusFd: 4,
  });
}

describe('buildSandboxArgv', () => {
  it('starts with prlimit (the uid is dropped by spawn, not by an extra exec)', () => {
    expect(sandboxArgv()[0]).toBe('/usr/bin/prlimit');
    expect(sandboxArgv()).not.toContain('/usr/bin/setpriv');
  });

  it('runs as an unprivileged identity of the slot when root', () => {
    expect(spawnIdentity(200_001)).toEqual({ uid: 200_001, gid: 200_001 });
    expect(spawnIdentity(undefined)).toBeUndefined();
  });

  it('sets every rlimit', () => {
    expect(prlimitArguments(limits, 300)).toEqual([
      `--as=${300 * 1024 * 1024}`,
      '--cpu=4',
      `--fsize=${16 * 1024 * 1024}`,
      '--nofile=128',
      '--nproc=32',
      '--core=0',
    ]);
  });

  it('isolates: all namespaces, no environment, dies with its parent, private /tmp, only the given binds', () => {
    const argv = sandboxArgv();
    for (const flag of ['--unshare-all', '--die-with-parent', '--new-session', '--clearenv', '--as-pid-1']) {
      expect(argv).toContain(flag);
    }
    expect(argv).not.toContain('--share-net');
    const binds = argv.flatMap((arg, index) =>
      arg === '--ro-bind' || arg === '--bind' ? [argv[index + 1]] : [],
    );
    expect(
      binds.every(
        (path) => path === '/usr/bin' || path === '/usr/lib' || ['/bin', '/lib', '/lib64'].includes(path!),
      ),
    ).toBe(true);
    expect(argv.join(' ')).toContain(`--size ${64 * 1024 * 1024} --tmpfs /tmp --chdir /tmp`);
    expect(argv.join(' ')).toContain(`--dev /dev --size ${64 * 1024 * 1024} --tmpfs /dev/shm`);
    expect(argv.join(' ')).toContain('--file 5 /tmp/main.py');
    expect(argv.slice(-3)).toEqual(['--', '/usr/bin/python3', 'main.py']);
  });
});

describe('buildUnsandboxedArgv', () => {
  it('keeps the rlimits and nothing else', () => {
    expect(buildUnsandboxedArgv(['node', 'main.js'], limits, 256)).toEqual([
      '/usr/bin/prlimit',
      ...prlimitArguments(limits, 256),
      '--',
      'node',
      'main.js',
    ]);
  });
});
