import { linkSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputTarget } from './output-target.js';

describe('checkOutputTarget', () => {
  const directory = mkdtempSync(join(tmpdir(), 'rk-out-'));
  const input = join(directory, 'a.jsonl');
  writeFileSync(input, '{}\n');
  symlinkSync('a.jsonl', join(directory, 'link.jsonl'));
  linkSync(input, join(directory, 'hard.jsonl'));
  const protectedFiles = [
    { flag: '--in', path: input },
    { flag: '--store', path: join(directory, 'store.sqlite') },
  ];

  it('refuses the input itself, through a symlink, a hard link or another spelling', () => {
    for (const out of ['a.jsonl', 'link.jsonl', 'hard.jsonl', './x/../a.jsonl']) {
      expect(() => checkOutputTarget(join(directory, out), protectedFiles)).toThrow(
        /is the same file as --in .*would destroy it/,
      );
    }
  });

  it('refuses a protected file that does not exist yet (the store), and standard input aliases', () => {
    expect(() => checkOutputTarget(join(directory, 'store.sqlite'), protectedFiles)).toThrow(/--store/);
    for (const alias of ['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']) {
      expect(() => checkOutputTarget(alias, protectedFiles)).toThrow(/standard input/);
    }
    expect(() => checkOutputTarget(directory, protectedFiles)).toThrow(/directory/);
  });

  it('accepts a new file and devices such as /dev/null', () => {
    expect(() => checkOutputTarget(join(directory, 'results.jsonl'), protectedFiles)).not.toThrow();
    expect(() => checkOutputTarget('/dev/null', protectedFiles)).not.toThrow();
  });
});
