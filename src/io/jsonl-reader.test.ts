import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  type JsonlRecord,
  type JsonlTextRecord,
  readJsonlBatches,
  readJsonlTextBatches,
} from './jsonl-reader.js';

async function collect<Record>(batches: AsyncGenerator<Record[]>): Promise<Record[]> {
  const records: Record[] = [];
  for await (const batch of batches) records.push(...batch);
  return records;
}

function source(...chunks: (string | Buffer)[]): Readable {
  return Readable.from(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}

describe('JSONL reader', () => {
  it('yields one record per line with line numbers, across chunk boundaries and CRLF', async () => {
    const records = await collect(readJsonlBatches(source('{"a":', '1}\r\n{"b"', ':2}\n{"c":3}')));
    expect(records).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { b: 2 } },
      { line: 3, value: { c: 3 } },
    ]);
  });

  it('turns blank lines, malformed JSON and invalid UTF-8 into error records naming the line', async () => {
    const records: JsonlRecord[] = await collect(
      readJsonlBatches(source('{"a":1}\n\n{nope}\n', Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), '"ok"\n')),
    );
    expect(records.map((record) => ('error' in record ? record.error.code : 'ok'))).toEqual([
      'ok',
      'RK_INPUT_INVALID',
      'RK_INPUT_MALFORMED_JSON',
      'RK_INPUT_INVALID_UTF8',
      'ok',
    ]);
    const malformed = records[2] as { error: { message: string } };
    expect(malformed.error.message).toMatch(/^line 3: not valid JSON: /);
  });

  it('skips a line over the cap without buffering it and keeps counting lines', async () => {
    const long = `{"x":"${'y'.repeat(100)}"}`;
    const records: JsonlTextRecord[] = await collect(
      readJsonlTextBatches(source('"a"\n', long.slice(0, 40), long.slice(40), '\n"b"\n', long), {
        maxLineBytes: 32,
      }),
    );
    expect(records.map((record) => ('error' in record ? record.error.code : record.text))).toEqual([
      '"a"',
      'RK_INPUT_TOO_LARGE',
      '"b"',
      'RK_INPUT_TOO_LARGE',
    ]);
    expect((records[1] as { error: { message: string } }).error.message).toMatch(/^line 2: 108 bytes/);
  });

  it('ignores a UTF-8 byte-order mark at the start of the file', async () => {
    const records = await collect(readJsonlBatches(source(Buffer.from([0xef, 0xbb, 0xbf]), '{"a":1}\n')));
    expect(records).toEqual([{ line: 1, value: { a: 1 } }]);
  });

  it('gives an empty input no records and does not count a final newline as a line', async () => {
    expect(await collect(readJsonlBatches(source()))).toEqual([]);
    expect(await collect(readJsonlBatches(source('1\n2\n')))).toHaveLength(2);
  });
});
