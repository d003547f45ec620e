import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const main = join(import.meta.dirname, 'main.ts');
const projectRoot = join(import.meta.dirname, '..', '..');
const firstLine = readFileSync(main, 'utf8').split('\n', 1)[0] ?? '';

describe('the shebang of the rewardkit command', () => {
  it('starts node through env -S with the collector on the allocating thread', () => {
    expect(firstLine).toBe('#!/usr/bin/env -S node --single-threaded-gc');
  });

  it('starts the CLI as the kernel would run it (this node accepts its flags)', () => {
    // The kernel hands env the rest of the line as one argument; -S splits it. A node that did
    // not know a flag would exit at once with "bad option", and so would `rewardkit`.
    const rest = firstLine.slice('#!/usr/bin/env '.length).replace(/^-S /, '');
    const run = spawnSync('/usr/bin/env', ['-S', `${rest} --import tsx ${main} --version`], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}` },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('0.1.0');
  });

  it('a flag node does not know stops it at once (what the test above guards against)', () => {
    const run = spawnSync('/usr/bin/env', ['-S', `node --no-such-collector-flag -e 0`], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}` },
    });
    expect(run.status).not.toBe(0);
  });
});
