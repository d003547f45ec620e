import {
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlWriter } from './jsonl-writer.js';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'rk-writer-'));
}

describe('JsonlWriter on files', () => {
  it('replaces the destination only when closed, so an abandoned run leaves the old file whole', async () => {
    const directory = scratch();
    const file = join(directory, 'out.jsonl');
    writeFileSync(file, '{"old":1}\n');
    const writer = JsonlWriter.open(file);
    await writer.writeLines(['{"new":1}']);
    expect(readFileSync(file, 'utf8')).toBe('{"old":1}\n');
    writer.abandon();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(file, 'utf8')).toBe('{"old":1}\n');
    expect(readdirSync(directory)).toEqual(['out.jsonl']);

    const second = JsonlWriter.open(file);
    await second.writeLines(['{"new":1}', '{"new":2}']);
    await second.close();
    expect(readFileSync(file, 'utf8')).toBe('{"new":1}\n{"new":2}\n');
    expect(readdirSync(directory)).toEqual(['out.jsonl']);
  });

  it('writes through a symlink to its target and keeps the link and the file mode', async () => {
    const directory = scratch();
    const target = join(directory, 'target.jsonl');
    writeFileSync(target, 'old\n', { mode: 0o640 });
    const link = join(directory, 'link.jsonl');
    symlinkSync('target.jsonl', link);
    const writer = JsonlWriter.open(link);
    await writer.writeLines(['new']);
    await writer.close();
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readFileSync(link, 'utf8')).toBe('new\n');
  });

  it('gives a hard-linked destination a new file and leaves the other name untouched', async () => {
    const directory = scratch();
    const original = join(directory, 'a.jsonl');
    writeFileSync(original, 'mine\n');
    const other = join(directory, 'b.jsonl');
    linkSync(original, other);
    const writer = JsonlWriter.open(other);
    await writer.writeLines(['results']);
    await writer.close();
    expect(readFileSync(original, 'utf8')).toBe('mine\n');
    expect(readFileSync(other, 'utf8')).toBe('results\n');
  });
});
