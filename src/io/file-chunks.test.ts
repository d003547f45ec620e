import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileChunks } from './file-chunks.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function fileWith(content: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'rk-chunks-'));
  directories.push(directory);
  const file = join(directory, 'data');
  writeFileSync(file, content);
  return file;
}

describe('readFileChunks', () => {
  it('gives the whole file in chunks of at most chunkBytes, through one reused buffer', async () => {
    const file = fileWith('abcdefghij');
    const texts: string[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of readFileChunks(file, 4)) {
      texts.push(chunk.toString());
      buffers.add(chunk.buffer);
    }
    expect(texts).toEqual(['abcd', 'efgh', 'ij']);
    expect(buffers.size).toBe(1);
  });

  it('gives nothing for an empty file and rejects for a missing one', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of readFileChunks(fileWith(''))) chunks.push(chunk);
    expect(chunks).toEqual([]);
    await expect(readFileChunks('/nonexistent/rk-input.jsonl').next()).rejects.toThrow(/ENOENT/);
  });
});
