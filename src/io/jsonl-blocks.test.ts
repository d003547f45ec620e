import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../core/errors.js';
import { readFileChunks } from './file-chunks.js';
import { forEachBlockLine, type JsonlBlockItem, readJsonlBlockBatches } from './jsonl-blocks.js';
import { type JsonlTextRecord, readJsonlTextBatches } from './jsonl-reader.js';

function source(bytes: Buffer, cuts: number[]): Readable {
  const chunks: Buffer[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return Readable.from(chunks.filter((chunk) => chunk.length > 0));
}

/** The blocks' lines, decoded, as line records (what the line reader gives for the same bytes). */
async function linesOfBlocks(batches: AsyncGenerator<JsonlBlockItem[]>): Promise<JsonlTextRecord[]> {
  const records: JsonlTextRecord[] = [];
  for await (const batch of batches) {
    for (const item of batch) {
      if ('error' in item) records.push(item);
      else {
        forEachBlockLine(item, (line, text) =>
          records.push(typeof text === 'string' ? { line, text } : { line, error: text as ErrorInfo }),
        );
      }
    }
  }
  return records;
}

async function linesOf(batches: AsyncGenerator<JsonlTextRecord[]>): Promise<JsonlTextRecord[]> {
  const records: JsonlTextRecord[] = [];
  for await (const batch of batches) records.push(...batch);
  return records;
}

// A byte-order mark, CRLF, a blank line, invalid UTF-8, an oversized line, multi-byte text, no final newline.
const sample = Buffer.concat([
  Buffer.from('\ufeff{"id":"a"}\r\n{"id":"b","response":"é ✓"}\n\n   \n'),
  Buffer.from([0x7b, 0xff, 0x7d, 0x0a]),
  Buffer.from(`{"id":"long","response":"${'x'.repeat(60)}"}\n{"id":"c"}\n{"id":"d"}\n{"id":"e"}`),
]);

describe('JSONL blocks', () => {
  it('gives the same lines, numbers and errors as the line reader, however the bytes are cut', async () => {
    const expected = await linesOf(readJsonlTextBatches(source(sample, []), { maxLineBytes: 40 }));
    expect(expected.map((record) => ('error' in record ? record.error.code : 'ok'))).toEqual([
      'ok',
      'ok',
      'RK_INPUT_INVALID',
      'RK_INPUT_INVALID',
      'RK_INPUT_INVALID_UTF8',
      'RK_INPUT_TOO_LARGE',
      'ok',
      'ok',
      'ok',
    ]);
    for (let cut = 1; cut < sample.length; cut += 3) {
      for (const maxLines of [1, 2, 256]) {
        const blocks = readJsonlBlockBatches(source(sample, [cut, Math.min(sample.length, cut + 7)]), {
          maxLineBytes: 40,
          maxLines,
        });
        expect(await linesOfBlocks(blocks)).toEqual(expected);
      }
    }
  });

  it('reads a valid UTF-8 block with lines beyond ASCII (decoded line by line) as the line reader does', async () => {
    const valid = Buffer.from(
      '\ufeff{"id":"a","response":"Janet’s"}\r\n{"id":"b"}\n\n \r\n{"id":"c","response":"é"}\r\n{"id":"d"}',
    );
    const expected = await linesOf(readJsonlTextBatches(source(valid, [])));
    expect(expected.map((record) => ('error' in record ? record.error.code : record.text))).toEqual([
      '{"id":"a","response":"Janet’s"}',
      '{"id":"b"}',
      'RK_INPUT_INVALID',
      'RK_INPUT_INVALID',
      '{"id":"c","response":"é"}',
      '{"id":"d"}',
    ]);
    for (const maxLines of [1, 2, 3, 256]) {
      expect(await linesOfBlocks(readJsonlBlockBatches(source(valid, []), { maxLines }))).toEqual(expected);
    }
  });

  it('keeps at most maxLines lines in a block, numbered from firstLine', async () => {
    const bytes = Buffer.from(`${Array.from({ length: 10 }, (_, index) => `{"n":${index}}`).join('\n')}\n`);
    const items: JsonlBlockItem[] = [];
    for await (const batch of readJsonlBlockBatches(source(bytes, []), { maxLines: 4 })) items.push(...batch);
    expect(items.map((item) => ('error' in item ? item.line : [item.firstLine, item.count]))).toEqual([
      [1, 4],
      [5, 4],
      [9, 2],
    ]);
  });

  it('reads a file through one reused buffer: lines cut across chunks come out whole', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rk-blocks-'));
    try {
      const file = join(directory, 'in.jsonl');
      writeFileSync(file, sample);
      const expected = await linesOf(readJsonlTextBatches(source(sample, []), { maxLineBytes: 40 }));
      for (const chunkBytes of [1, 2, 3, 5, 8, 13, 64, 1024]) {
        const blocks = readJsonlBlockBatches(readFileChunks(file, chunkBytes), {
          maxLineBytes: 40,
          maxLines: 2,
        });
        expect(await linesOfBlocks(blocks)).toEqual(expected);
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
