import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { CacheEntry, ResultCache } from './result-cache.js';

export interface SqliteResultCacheOptions {
  /** The database file (`:memory:` for a throw-away cache). */
  file: string;
  /** The oldest entries are dropped once the table holds more than this. */
  maxEntries?: number;
  /** The table (`result_cache` for whole results, `component_cache` for the engine's cache). */
  table?: 'result_cache' | 'component_cache';
}

/**
 * The embedded default cache: one SQLite table keyed by content hash, in WAL mode. Holds whole
 * results (the server's response cache) or component results (the engine's component cache,
 * beside the runs in the store file).
 */
export class SqliteResultCache<Value = RewardResult> implements ResultCache<Value> {
  readonly #database: Database.Database;
  readonly #select: Database.Statement<[string], { result: string }>;
  readonly #insertMany: (entries: readonly CacheEntry<Value>[]) => void;
  readonly #prune: Database.Statement<[number]>;
  readonly #maxEntries: number;
  #insertsSincePrune = 0;
  readonly #table: string;

  constructor(options: SqliteResultCacheOptions) {
    this.#maxEntries = options.maxEntries ?? 1_000_000;
    const table = options.table ?? 'result_cache';
    this.#table = table;
    try {
      if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
      this.#database = new Database(options.file);
    } catch (cause) {
      throw new RewardKitError(
        'RK_IO',
        `cannot open the result cache ${options.file}: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    this.#database.pragma('journal_mode = WAL');
    this.#database.pragma('synchronous = NORMAL');
    this.#database.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, result TEXT NOT NULL, created_at INTEGER NOT NULL)`,
    );
    this.#select = this.#database.prepare(`SELECT result FROM ${table} WHERE key = ?`);
    const insert = this.#database.prepare(
      `INSERT OR REPLACE INTO ${table} (key, result, created_at) VALUES (?, ?, ?)`,
    );
    this.#insertMany = this.#database.transaction((entries: readonly CacheEntry<Value>[]) => {
      const now = Date.now();
      for (const entry of entries) insert.run(entry.key, JSON.stringify(entry.result), now);
    });
    this.#prune = this.#database.prepare(
      `DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} ORDER BY created_at ASC LIMIT ?)`,
    );
  }

  async getMany(keys: readonly string[]): Promise<(Value | undefined)[]> {
    return keys.map((key) => {
      const row = this.#select.get(key);
      return row === undefined ? undefined : (JSON.parse(row.result) as Value);
    });
  }

  async setMany(entries: readonly CacheEntry<Value>[]): Promise<void> {
    if (entries.length === 0) return;
    this.#insertMany(entries);
    this.#insertsSincePrune += entries.length;
    if (this.#insertsSincePrune >= Math.max(1000, this.#maxEntries / 100)) this.#pruneOldest();
  }

  #pruneOldest(): void {
    this.#insertsSincePrune = 0;
    const { count } = this.#database.prepare(`SELECT COUNT(*) AS count FROM ${this.#table}`).get() as {
      count: number;
    };
    if (count > this.#maxEntries) this.#prune.run(count - this.#maxEntries);
  }

  async close(): Promise<void> {
    if (this.#database.open) this.#database.close();
  }
}
