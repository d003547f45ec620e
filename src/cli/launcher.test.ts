import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const launcher = join(import.meta.dirname, '..', '..', 'bin', 'rewardkit');
/** PATH with this test's node first: the launcher runs the `node` on PATH, as `env node` would. */
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
const busybox = spawnSync('busybox', ['true']).status === 0;

/**
 * A package laid out as npm installs it (bin/rewardkit beside dist/cli/main.js) whose main.js
 * reports the node flags and arguments it got and exits with 3; and a symlink to the launcher
 * elsewhere, as npm's bin links are.
 */
function installedPackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'rk-launcher-'));
  mkdirSync(join(root, 'pkg', 'bin'), { recursive: true });
  mkdirSync(join(root, 'pkg', 'dist', 'cli'), { recursive: true });
  mkdirSync(join(root, 'links'));
  copyFileSync(launcher, join(root, 'pkg', 'bin', 'rewardkit'));
  writeFileSync(
    join(root, 'pkg', 'dist', 'cli', 'main.js'),
    'console.log(JSON.stringify({ flags: process.execArgv, args: process.argv.slice(2) })); process.exitCode = 3;\n',
  );
  const link = join(root, 'links', 'rewardkit');
  symlinkSync(join(root, 'pkg', 'bin', 'rewardkit'), link);
  return link;
}

describe('bin/rewardkit, the command npm links', () => {
  /** Runs the symlinked launcher through `shell` and checks what node got. */
  function expectLaunched(shell: readonly string[]): void {
    const link = installedPackage();
    const [program, ...rest] = shell;
    const run = spawnSync(program as string, [...rest, link, 'score', 'a b', '--x=1'], {
      encoding: 'utf8',
      env,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      flags: ['--single-threaded-gc'],
      args: ['score', 'a b', '--x=1'],
    });
    expect(run.status).toBe(3);
  }

  it('starts node with the collector flag, from a symlink, with every argument and its exit code', () => {
    expectLaunched(['/bin/sh']);
  });

  it.skipIf(!busybox)("does the same under BusyBox's shell (Alpine's node images)", () => {
    expectLaunched(['busybox', 'sh']);
  });

  it('is executable, and this node accepts its flag (a node that did not would stop at once)', () => {
    const direct = spawnSync(installedPackage(), ['--version'], { encoding: 'utf8', env });
    expect(direct.status).toBe(3);
    expect(spawnSync(process.execPath, ['--single-threaded-gc', '-e', '0']).status).toBe(0);
    expect(spawnSync(process.execPath, ['--no-such-collector-flag', '-e', '0']).status).not.toBe(0);
  });
});
