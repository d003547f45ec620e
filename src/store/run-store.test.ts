import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RunStore, runKeyOf } from './run-store.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function storeFile(): string {
  const directory = mkdtempSync(join(tmpdir(), 'rk-store-'));
  directories.push(directory);
  return join(directory, 'nested', 'store.sqlite');
}

const identity = {
  specText: 'name: x',
  inputPath: '/data/in.jsonl',
  inputSize: 10,
  inputMtimeMs: 1,
  specName: 'x',
};

describe('RunStore', () => {
  it('keys runs by spec content and the input file path, size and mtime', () => {
    const key = runKeyOf(identity);
    expect(runKeyOf({ ...identity })).toBe(key);
    expect(runKeyOf({ ...identity, specText: 'name: y' })).not.toBe(key);
    expect(runKeyOf({ ...identity, inputMtimeMs: 2 })).not.toBe(key);
    expect(runKeyOf({ ...identity, inputSize: 11 })).not.toBe(key);
  });

  it('keeps results across reopening; resume keeps them, a fresh start forgets them', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const first = RunStore.open(file, { flushRows: 2 });
    expect(first.beginRun(key, identity, false)).toBe(0);
    first.recordBlock(key, [1], '{"id":"a"}');
    first.recordBlock(key, [3], '{"id":"c"}');
    first.recordBlock(key, [2], '{"id":"b"}'); // pending until close
    first.close();

    const second = RunStore.open(file);
    expect(second.beginRun(key, identity, true)).toBe(3);
    expect(second.stored(key, 3)).toBe('{"id":"c"}');
    expect(second.stored(key, 4)).toBeUndefined();
    expect(second.beginRun(key, identity, false)).toBe(0);
    expect(second.stored(key, 1)).toBeUndefined();
    second.close();
  });

  it('stores a block of results compressed and still reads rows written as text', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const store = RunStore.open(file);
    store.beginRun(key, identity, false);
    store.recordBlock(key, [1, 2, 4], '{"id":"a"}\n{"id":"b"}\n{"id":"d"}');
    store.close();
    const database = new Database(file);
    const row = database.prepare('SELECT results, count, encoding FROM score_blocks').get() as {
      results: Buffer;
      count: number;
      encoding: string;
    };
    expect(row.count).toBe(3);
    expect(row.encoding).toBe('br');
    expect(brotliDecompressSync(row.results).toString()).toBe('{"id":"a"}\n{"id":"b"}\n{"id":"d"}');
    // A row of an earlier version: results as newline-joined text.
    database
      .prepare(
        'INSERT INTO score_chunks (run_id, first_line, last_line, count, lines, results) SELECT id, 5, 6, 2, ?, ? FROM score_runs',
      )
      .run('5,6', '{"id":"e"}\n{"id":"f"}');
    database.close();
    const reopened = RunStore.open(file);
    expect(reopened.beginRun(key, identity, true)).toBe(5);
    expect(reopened.stored(key, 2)).toBe('{"id":"b"}');
    expect(reopened.stored(key, 4)).toBe('{"id":"d"}');
    expect(reopened.stored(key, 3)).toBeUndefined();
    expect(reopened.stored(key, 6)).toBe('{"id":"f"}');
    reopened.close();
  });

  it('stores each flush as one row whose lines are ranges, and reads them back line by line', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const store = RunStore.open(file, { flushRows: 4 });
    store.beginRun(key, identity, false);
    store.recordRange(key, 1, 3, '{"id":"a"}\n{"id":"b"}\n{"id":"c"}');
    store.recordBlock(key, [4, 6, 7], '{"id":"d"}\n{"id":"f"}\n{"id":"g"}'); // 6 results: a flush
    store.recordRange(key, 8, 1, '{"id":"h"}'); // pending until close
    store.close();
    const database = new Database(file);
    const rows = database
      .prepare('SELECT lines, count, first_line, last_line FROM score_blocks ORDER BY id')
      .all();
    database.close();
    expect(rows).toEqual([
      { lines: '1-4,6-7', count: 6, first_line: 1, last_line: 7 },
      { lines: '8', count: 1, first_line: 8, last_line: 8 },
    ]);
    const reopened = RunStore.open(file);
    expect(reopened.beginRun(key, identity, true)).toBe(7);
    expect([1, 3, 4, 5, 6, 7, 8, 9].map((line) => reopened.stored(key, line))).toEqual([
      '{"id":"a"}',
      '{"id":"c"}',
      '{"id":"d"}',
      undefined,
      '{"id":"f"}',
      '{"id":"g"}',
      '{"id":"h"}',
      undefined,
    ]);
    reopened.close();
  });

  it('flushes once the pending results hold flushBytes, and keeps non-ASCII results whole', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const store = RunStore.open(file, { flushBytes: 24 });
    store.beginRun(key, identity, false);
    store.recordRange(key, 1, 1, '{"id":"é ✓ 𝔸"}'); // 20 bytes: pending
    store.recordRange(key, 2, 1, '{"id":"b"}'); // 31 bytes with the newline: a flush
    const database = new Database(file, { readonly: true });
    expect(database.prepare('SELECT lines FROM score_blocks').all()).toEqual([{ lines: '1-2' }]);
    database.close();
    store.close();
    const reopened = RunStore.open(file);
    reopened.beginRun(key, identity, true);
    expect(reopened.stored(key, 1)).toBe('{"id":"é ✓ 𝔸"}');
    expect(reopened.stored(key, 2)).toBe('{"id":"b"}');
    reopened.close();
  });

  it('reads the rows of the previous version (one deflated row per block of the output)', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const store = RunStore.open(file);
    store.beginRun(key, identity, false);
    store.close();
    const database = new Database(file);
    const insert = database.prepare(
      'INSERT INTO score_chunks (run_id, first_line, last_line, count, lines, results) SELECT id, ?, ?, ?, ?, ? FROM score_runs',
    );
    insert.run(1, 2, 2, '1-2', deflateRawSync('{"id":"a"}\n{"id":"b"}', { level: 1 }));
    insert.run(3, 3, 1, '3', deflateRawSync('{"id":"c"}', { level: 1 }));
    database.close();
    const reopened = RunStore.open(file);
    expect(reopened.beginRun(key, identity, true)).toBe(3);
    expect([1, 2, 3, 4].map((line) => reopened.stored(key, line))).toEqual([
      '{"id":"a"}',
      '{"id":"b"}',
      '{"id":"c"}',
      undefined,
    ]);
    reopened.close();
  });

  it('opens a store file of an earlier version, reads its deflated rows and leaves its table to deflated rows', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    RunStore.open(file).close(); // creates the directory
    rmSync(file);
    const database = new Database(file);
    database.exec(`
      CREATE TABLE score_runs (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, spec_name TEXT NOT NULL,
        input_path TEXT NOT NULL, input_size INTEGER NOT NULL, input_mtime_ms REAL NOT NULL,
        started_at TEXT NOT NULL, finished_at TEXT, lines INTEGER);
      CREATE TABLE score_chunks (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, first_line INTEGER NOT NULL,
        last_line INTEGER NOT NULL, count INTEGER NOT NULL, lines TEXT NOT NULL, results TEXT NOT NULL);
    `);
    database
      .prepare(
        "INSERT INTO score_runs (key, spec_name, input_path, input_size, input_mtime_ms, started_at) VALUES (?, 'x', 'in', 1, 1, 'then')",
      )
      .run(key);
    database
      .prepare(
        'INSERT INTO score_chunks (run_id, first_line, last_line, count, lines, results) SELECT id, 1, 2, 2, ?, ? FROM score_runs',
      )
      .run('1-2', deflateRawSync('{"id":"a"}\n{"id":"b"}', { level: 1 }));
    database.close();
    const store = RunStore.open(file);
    expect(store.beginRun(key, identity, true)).toBe(2);
    store.recordRange(key, 3, 1, '{"id":"c"}');
    store.close();
    const reopened = RunStore.open(file);
    expect(reopened.beginRun(key, identity, true)).toBe(3);
    expect([1, 2, 3].map((line) => reopened.stored(key, line))).toEqual([
      '{"id":"a"}',
      '{"id":"b"}',
      '{"id":"c"}',
    ]);
    reopened.close();
    // An earlier version reads score_chunks only, inflating every row: the new row is not there,
    // so it would score line 3 again instead of reading Brotli bytes as deflate.
    const earlier = new Database(file, { readonly: true });
    expect(earlier.prepare('SELECT lines FROM score_chunks').all()).toEqual([{ lines: '1-2' }]);
    earlier.close();
  });

  it('forgets the rows of both tables when a run starts afresh', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const store = RunStore.open(file);
    store.beginRun(key, identity, false);
    store.recordRange(key, 1, 1, '{"id":"new"}');
    store.close();
    const database = new Database(file);
    database
      .prepare(
        'INSERT INTO score_chunks (run_id, first_line, last_line, count, lines, results) SELECT id, 2, 2, 1, ?, ? FROM score_runs',
      )
      .run('2', deflateRawSync('{"id":"old"}', { level: 1 }));
    database.close();
    const reopened = RunStore.open(file);
    expect(reopened.beginRun(key, identity, true)).toBe(2);
    expect(reopened.stored(key, 2)).toBe('{"id":"old"}');
    expect(reopened.beginRun(key, identity, false)).toBe(0);
    expect(reopened.stored(key, 1)).toBeUndefined();
    expect(reopened.stored(key, 2)).toBeUndefined();
    reopened.close();
  });

  it('names an encoding it does not know instead of reading its bytes as results', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const store = RunStore.open(file);
    store.beginRun(key, identity, false);
    store.recordRange(key, 1, 1, '{"id":"a"}');
    store.close();
    const database = new Database(file);
    database.prepare("UPDATE score_blocks SET encoding = 'zstd'").run();
    database.close();
    const reopened = RunStore.open(file);
    reopened.beginRun(key, identity, true);
    expect(() => reopened.stored(key, 1)).toThrow(/unknown encoding 'zstd'/);
    reopened.close();
  });

  it('names a damaged row of the store (lines, file) instead of failing with the stack of zlib', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const store = RunStore.open(file);
    store.beginRun(key, identity, false);
    store.recordRange(key, 1, 2, '{"id":"a"}\n{"id":"b"}');
    store.close();
    const database = new Database(file);
    database.prepare('UPDATE score_blocks SET results = ?').run(Buffer.from('not brotli, just bytes'));
    database.close();
    const reopened = RunStore.open(file);
    reopened.beginRun(key, identity, true);
    expect(() => reopened.stored(key, 1)).toThrow(/store .*store\.sqlite holds a damaged row \(lines 1-2\)/);
    reopened.close();
  });

  it('names a store file SQLite cannot read (RK_IO, where = the file) instead of failing with its stack', () => {
    const file = storeFile();
    const key = runKeyOf(identity);
    const store = RunStore.open(file, { flushRows: 1 });
    store.beginRun(key, identity, false);
    for (let line = 1; line <= 200; line++) {
      store.recordRange(key, line, 1, JSON.stringify({ id: `r${line}`, pad: 'x'.repeat(3000 + line) }));
    }
    store.close();
    const size = statSync(file).size;
    const descriptor = openSync(file, 'r+');
    writeSync(descriptor, Buffer.alloc(size / 2, 0xab), 0, size / 2, size / 2);
    closeSync(descriptor);
    const damaged = RunStore.open(file);
    let thrown: unknown;
    try {
      damaged.beginRun(key, identity, true);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'RK_IO', where: file });
    expect(String((thrown as Error).message)).toMatch(
      /store .* cannot be read: database disk image is malformed/,
    );
    damaged.close();
  });
});
