import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { RewardKitError } from '../core/errors.js';
import { ByteArena } from '../io/byte-arena.js';

/** The columns a row of results has in both tables (this version's and earlier versions'). */
const ROW_COLUMNS = `id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, first_line INTEGER NOT NULL,
  last_line INTEGER NOT NULL, count INTEGER NOT NULL, lines TEXT NOT NULL`;

/** Where `rewardkit score` keeps runs unless `--store PATH` says otherwise. */
export const DEFAULT_STORE_PATH = '.rewardkit/store.sqlite';

/** What identifies a run: the spec's content and the input file's path, size and mtime. */
export interface RunIdentity {
  specText: string;
  inputPath: string;
  inputSize: number;
  inputMtimeMs: number;
}

/**
 * Results per flush by default. Each flush pays a fixed set-up of the compressor and a transaction:
 * recording 126,624 GSM8K results alone took 0.62-0.64 us a line flushing every 1000, 0.37-0.42 us
 * every 4096 (the 200 ms timer and 8 MiB still bound what a crash loses).
 */
const DEFAULT_FLUSH_ROWS = 4096;

export interface RunStoreOptions {
  /** Buffered results are written in one transaction once this many are pending (default 4096). */
  flushRows?: number;
  /** ... or once the oldest pending result is this old. */
  flushMs?: number;
  /** ... or once the pending results hold this many bytes (UTF-8). Default 8 MiB. */
  flushBytes?: number;
}

/** The run key: sha256 over the identity fields, hex. */
export function runKeyOf(identity: RunIdentity): string {
  return createHash('sha256')
    .update(
      JSON.stringify([identity.specText, identity.inputPath, identity.inputSize, identity.inputMtimeMs]),
    )
    .digest('hex');
}

/** A row of stored results as the lookup reads it (`key`: table letter and row id). */
interface StoredRow {
  key: string;
  lines: string;
  results: string | Buffer;
  encoding: string | null;
}

/**
 * The embedded SQLite store behind `score --resume` (better-sqlite3, WAL). Each run keeps one
 * serialized result per input line. Recorded results (blocks of lines joined as the output file
 * gets them) wait as UTF-8 bytes until the flush (flushRows results, flushBytes bytes or flushMs),
 * which compresses them in one call into one row (`score_blocks`: its line numbers as ranges, its
 * results, their `encoding`) and writes it in one transaction: per line, a share of one
 * compression and one insert. The compression is Brotli at quality 0 (`br`): on the results of a
 * GSM8K math run it keeps about a twelfth of the bytes, as deflate at level 1 did (a thirteenth),
 * in about a third of deflate's CPU (0.28 against 0.85 µs a line of about 360 bytes, measured
 * with node:zlib here), and the store is on by default. An interrupted run loses at most the rows
 * not yet flushed (plus the lines in flight), which a resumed run scores again. Rows of earlier
 * versions (`score_chunks`: deflated, one per block, or `results` as text) are read the same way;
 * the new rows have a table of their own so that an earlier version, which would inflate them as
 * deflate (junk, or a zlib error), never sees them and scores those lines again. Lookups on
 * resume read a row once and keep a few decoded. Its own tables only (`score_runs`,
 * `score_blocks`, `score_chunks`, keyed by an integer run id); other stores (the component cache,
 * the server's cache) live beside it in the same file.
 */
export class RunStore {
  readonly #database: Database.Database;
  readonly #insert: Database.Statement<[number, number, number, number, string, Buffer]>;
  readonly #select: Database.Statement<[{ run: number; line: number }], StoredRow>;
  readonly #runIds = new Map<string, number>();
  readonly #flushRows: number;
  readonly #flushMs: number;
  /** Rows not yet written: one per run (in practice one), its results' bytes in #bytes. */
  #pending: PendingRow[] = [];
  readonly #bytes = new ByteArena();
  readonly #flushBytes: number;
  #pendingCount = 0;
  #timer: NodeJS.Timeout | undefined;
  /** A few decoded chunk rows (row id -> line -> result), for the in-order lookups of a resume. */
  readonly #decoded = new Map<string, Map<number, string>>();

  private constructor(database: Database.Database, options: RunStoreOptions) {
    this.#database = database;
    this.#flushRows = options.flushRows ?? DEFAULT_FLUSH_ROWS;
    this.#flushMs = options.flushMs ?? 200;
    this.#flushBytes = options.flushBytes ?? 8 * 1024 * 1024;
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.exec(`
      CREATE TABLE IF NOT EXISTS score_runs (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        spec_name TEXT NOT NULL,
        input_path TEXT NOT NULL,
        input_size INTEGER NOT NULL,
        input_mtime_ms REAL NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        lines INTEGER
      );
      CREATE TABLE IF NOT EXISTS score_chunks (${ROW_COLUMNS}, results TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS score_chunks_range ON score_chunks (run_id, first_line, last_line);
      CREATE TABLE IF NOT EXISTS score_blocks (${ROW_COLUMNS}, results BLOB NOT NULL, encoding TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS score_blocks_range ON score_blocks (run_id, first_line, last_line);
    `);
    this.#insert = database.prepare(
      "INSERT INTO score_blocks (run_id, first_line, last_line, count, lines, results, encoding) VALUES (?, ?, ?, ?, ?, ?, 'br')",
    );
    // The rows of this version first, then those of earlier versions (no encoding: deflate or text).
    this.#select = database.prepare(
      `SELECT 'b' || id AS key, lines, results, encoding FROM score_blocks
         WHERE run_id = @run AND first_line <= @line AND last_line >= @line
       UNION ALL
       SELECT 'c' || id, lines, results, NULL FROM score_chunks
         WHERE run_id = @run AND first_line <= @line AND last_line >= @line`,
    );
  }

  static open(file: string = DEFAULT_STORE_PATH, options: RunStoreOptions = {}): RunStore {
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      return new RunStore(new Database(file), options);
    } catch (cause) {
      throw new RewardKitError('RK_IO', `cannot open the store ${file}: ${(cause as Error).message}`, {
        hint: 'pass --store PATH to use another file',
        where: file,
        cause,
      });
    }
  }

  /**
   * Starts (or, with `resume`, continues) the run of that key. A fresh start forgets the key's
   * earlier results. Returns how many results the run already holds.
   */
  beginRun(key: string, identity: RunIdentity & { specName: string }, resume: boolean): number {
    const begin = this.#database.transaction(() => {
      if (!resume) {
        for (const table of ['score_blocks', 'score_chunks']) {
          this.#database
            .prepare(`DELETE FROM ${table} WHERE run_id = (SELECT id FROM score_runs WHERE key = ?)`)
            .run(key);
        }
        this.#decoded.clear();
      }
      this.#database
        .prepare(
          `INSERT INTO score_runs (key, spec_name, input_path, input_size, input_mtime_ms, started_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET finished_at = NULL, lines = NULL`,
        )
        .run(
          key,
          identity.specName,
          identity.inputPath,
          identity.inputSize,
          identity.inputMtimeMs,
          new Date().toISOString(),
        );
      const row = this.#database.prepare('SELECT id FROM score_runs WHERE key = ?').get(key) as {
        id: number;
      };
      this.#runIds.set(key, row.id);
      return this.storedCount(key);
    });
    return this.#readable(begin);
  }

  storedCount(key: string): number {
    const row = this.#readable(() =>
      this.#database
        .prepare(
          `SELECT (SELECT COALESCE(SUM(count), 0) FROM score_blocks WHERE run_id = runs.id)
              + (SELECT COALESCE(SUM(count), 0) FROM score_chunks WHERE run_id = runs.id) AS count
         FROM (SELECT id FROM score_runs WHERE key = ?) AS runs`,
        )
        .get(key),
    ) as { count: number } | undefined;
    return row?.count ?? 0;
  }

  /** The stored (serialized) result of one input line, if the run already finished it. */
  stored(key: string, line: number): string | undefined {
    for (const row of this.#rowsHolding(key, line)) {
      let decoded = this.#decoded.get(row.key);
      if (decoded === undefined) {
        const lines = linesOf(row.lines);
        const text = this.#decode(row);
        const results = text.split('\n');
        decoded = new Map(lines.map((line, index) => [line, results[index] as string]));
        if (this.#decoded.size >= 8) this.#decoded.delete(this.#decoded.keys().next().value as string);
        this.#decoded.set(row.key, decoded);
      }
      const result = decoded.get(line);
      if (result !== undefined) return result;
    }
    return undefined;
  }

  /** The rows of the run that hold the line. */
  #rowsHolding(key: string, line: number): StoredRow[] {
    const run = this.#runId(key);
    return this.#readable(() => this.#select.all({ run, line }));
  }

  /**
   * Runs a read of the store; a file SQLite cannot read (`database disk image is malformed`) is an
   * RK_IO error that names it (as its `where`), not SQLite's stack.
   */
  #readable<Value>(read: () => Value): Value {
    try {
      return read();
    } catch (cause) {
      if (cause instanceof RewardKitError) throw cause;
      throw this.#contentError(
        `cannot be read: ${(cause as Error).message}`,
        'pass --store PATH to use another file, or remove this one (it holds only results, which are scored again)',
        cause,
      );
    }
  }

  /** A row's results as text; a row whose bytes do not decode is named, not a stack trace. */
  #decode(row: StoredRow): string {
    try {
      return resultsText(row, this.file);
    } catch (cause) {
      if (cause instanceof RewardKitError) throw cause;
      throw this.#contentError(
        `holds a damaged row (lines ${row.lines}): ${(cause as Error).message}`,
        'start the run afresh without --resume, or pass --store PATH to use another file',
        cause,
      );
    }
  }

  /** An error about what the store file holds: RK_IO, named by the file (also its `where`). */
  #contentError(what: string, hint: string, cause: unknown): RewardKitError {
    return new RewardKitError('RK_IO', `the store ${this.file} ${what}`, { hint, where: this.file, cause });
  }

  /** The store's file (errors about what it holds name it as their `where`). */
  get file(): string {
    return this.#database.name;
  }

  /** Whether the store outlives the process (not `:memory:`): only then can a run be resumed. */
  get persistent(): boolean {
    return !this.#database.memory;
  }

  /**
   * Queues the results of `lines` as one block: their serialized results joined by newlines, in
   * the same order (the text written to the output, so it is joined once for both).
   */
  recordBlock(key: string, lines: readonly number[], joined: string): void {
    if (lines.length === 0) return;
    const row = this.#rowFor(key, joined);
    for (const line of lines) row.ranges.add(line, 1);
    this.#queued(lines.length);
  }

  /** Queues the results of `count` consecutive lines from `firstLine`, newline-joined. */
  recordRange(key: string, firstLine: number, count: number, joined: string): void {
    if (count === 0) return;
    this.#rowFor(key, joined).ranges.add(firstLine, count);
    this.#queued(count);
  }

  /**
   * The pending row of this run with `joined` appended to its bytes. The text is encoded at once
   * into a reused byte buffer (outside the JavaScript heap): no string waits for the flush, where
   * it would outlive the young generation and be copied by every collection meanwhile.
   */
  #rowFor(key: string, joined: string): PendingRow {
    const runId = this.#runId(key);
    let row = this.#pending.at(-1);
    if (row === undefined || row.runId !== runId) {
      row = { runId, ranges: new LineRanges(), start: this.#bytes.used, end: this.#bytes.used };
      this.#pending.push(row);
    } else this.#bytes.append('\n');
    this.#bytes.append(joined);
    row.end = this.#bytes.used;
    return row;
  }

  #queued(count: number): void {
    this.#pendingCount += count;
    if (this.#pendingCount >= this.#flushRows || this.#bytes.used >= this.#flushBytes) this.flush();
    else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.flush(), this.#flushMs);
      this.#timer.unref();
    }
  }

  /**
   * Writes the pending rows in one transaction, each compressed now in one call (a compression
   * call costs a fixed set-up on top of the bytes: once per flush, not once per block).
   */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    const pending = this.#pending;
    this.#pending = [];
    this.#pendingCount = 0;
    const rows = pending.map(({ runId, ranges, start, end }) => ({
      runId,
      ranges,
      results: compress(this.#bytes.view(start, end)),
    }));
    this.#bytes.clear();
    this.#database.transaction(() => {
      for (const { runId, ranges, results } of rows) {
        this.#insert.run(runId, ranges.first, ranges.last, ranges.count, ranges.toText(), results);
      }
    })();
  }

  finishRun(key: string, lines: number): void {
    this.flush();
    this.#database
      .prepare('UPDATE score_runs SET finished_at = ?, lines = ? WHERE key = ?')
      .run(new Date().toISOString(), lines, key);
  }

  #runId(key: string): number {
    const id = this.#runIds.get(key);
    if (id === undefined) throw new RewardKitError('RK_INTERNAL', `run ${key} was not begun in this store`);
    return id;
  }

  close(): void {
    this.flush();
    this.#database.close();
  }
}

/** Brotli at quality 0: see RunStore on why. */
function compress(bytes: Uint8Array): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 0,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** A row's results as newline-joined text, whatever version wrote it. */
function resultsText(row: { results: string | Buffer; encoding: string | null }, file: string): string {
  if (typeof row.results === 'string') return row.results;
  if (row.encoding === 'br') return brotliDecompressSync(row.results).toString();
  if (row.encoding === null) return inflateRawSync(row.results).toString();
  throw new RewardKitError(
    'RK_IO',
    `the store ${file} holds results in an unknown encoding '${row.encoding}'`,
    {
      hint: 'a newer rewardkit wrote this store: resume with that version, or start the run without --resume',
      where: file,
    },
  );
}

/** The results of one run recorded since the last flush: their lines and where their bytes are. */
interface PendingRow {
  runId: number;
  ranges: LineRanges;
  start: number;
  end: number;
}

/**
 * The line numbers of one row, in the order of its results, as runs of consecutive lines: written
 * `1-256,300,302-310` (a row of an earlier version lists every line: `1,2,3`, read the same way).
 */
class LineRanges {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  count = 0;
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;

  add(firstLine: number, count: number): void {
    const lastLine = firstLine + count - 1;
    const at = this.#ends.length - 1;
    if (at >= 0 && this.#ends[at] === firstLine - 1) this.#ends[at] = lastLine;
    else {
      this.#starts.push(firstLine);
      this.#ends.push(lastLine);
    }
    this.count += count;
    if (firstLine < this.first) this.first = firstLine;
    if (lastLine > this.last) this.last = lastLine;
  }

  toText(): string {
    return this.#starts
      .map((start, index) => {
        const end = this.#ends[index] as number;
        return end === start ? String(start) : `${start}-${end}`;
      })
      .join(',');
  }
}

/** The line numbers a row's `lines` text names, in order (see LineRanges). */
function linesOf(text: string): number[] {
  const lines: number[] = [];
  for (const part of text.split(',')) {
    const dash = part.indexOf('-');
    if (dash < 0) {
      lines.push(Number(part));
      continue;
    }
    const end = Number(part.slice(dash + 1));
    for (let line = Number(part.slice(0, dash)); line <= end; line++) lines.push(line);
  }
  return lines;
}
