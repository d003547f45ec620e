import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { RewardKitError } from '../core/errors.js';

/** Where `rewardkit score` keeps runs unless `--store PATH` says otherwise. */
export const DEFAULT_STORE_PATH = '.rewardkit/store.sqlite';

/** What identifies a run: the spec's content and the input file's path, size and mtime. */
export interface RunIdentity {
  specText: string;
  inputPath: string;
  inputSize: number;
  inputMtimeMs: number;
}

export interface RunStoreOptions {
  /** Buffered results are written in one transaction once this many are pending. */
  flushRows?: number;
  /** ... or once the oldest pending result is this old. */
  flushMs?: number;
}

/** The run key: sha256 over the identity fields, hex. */
export function runKeyOf(identity: RunIdentity): string {
  return createHash('sha256')
    .update(
      JSON.stringify([identity.specText, identity.inputPath, identity.inputSize, identity.inputMtimeMs]),
    )
    .digest('hex');
}

/**
 * The embedded SQLite store behind `score --resume` (better-sqlite3, WAL). Each run keeps one
 * serialized result per input line; results are buffered and written in batched transactions as
 * they finish, so an interrupted run loses at most the last unflushed batch. Its own tables only
 * (`score_runs`, `score_results`, rows keyed by an integer run id); other stores (the server's cache) live beside it in the same file.
 */
export class RunStore {
  readonly #database: Database.Database;
  readonly #insert: Database.Statement<[number, number, string]>;
  readonly #select: Database.Statement<[number, number], { result: string }>;
  readonly #runIds = new Map<string, number>();
  readonly #flushRows: number;
  readonly #flushMs: number;
  #pending: [number, number, string][] = [];
  #timer: NodeJS.Timeout | undefined;

  private constructor(database: Database.Database, options: RunStoreOptions) {
    this.#database = database;
    this.#flushRows = options.flushRows ?? 1000;
    this.#flushMs = options.flushMs ?? 200;
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
      CREATE TABLE IF NOT EXISTS score_results (
        run_id INTEGER NOT NULL,
        line INTEGER NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (run_id, line)
      );
    `);
    this.#insert = database.prepare(
      'INSERT OR REPLACE INTO score_results (run_id, line, result) VALUES (?, ?, ?)',
    );
    this.#select = database.prepare('SELECT result FROM score_results WHERE run_id = ? AND line = ?');
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
        this.#database
          .prepare('DELETE FROM score_results WHERE run_id = (SELECT id FROM score_runs WHERE key = ?)')
          .run(key);
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
    return begin();
  }

  storedCount(key: string): number {
    const row = this.#database
      .prepare(
        'SELECT COUNT(*) AS count FROM score_results WHERE run_id = (SELECT id FROM score_runs WHERE key = ?)',
      )
      .get(key) as { count: number };
    return row.count;
  }

  /** The stored (serialized) result of one input line, if the run already finished it. */
  stored(key: string, line: number): string | undefined {
    return this.#select.get(this.#runId(key), line)?.result;
  }

  /** Queues one finished result; it reaches the file with the next batched transaction. */
  record(key: string, line: number, serialized: string): void {
    this.#pending.push([this.#runId(key), line, serialized]);
    if (this.#pending.length >= this.#flushRows) this.flush();
    else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.flush(), this.#flushMs);
      this.#timer.unref();
    }
  }

  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    const rows = this.#pending;
    this.#pending = [];
    this.#database.transaction(() => {
      for (const row of rows) this.#insert.run(...row);
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
