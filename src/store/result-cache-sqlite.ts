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
}

/** The embedded default cache: one SQLite table keyed by content hash, in WAL mode. */
export class SqliteResultCache implements ResultCache {
  readonly #database: Database.Database;
  readonly #select: Database.Statement<[string], { result: string }>;
  readonly #insertMany: (entries: readonly CacheEntry[]) => void;
  readonly #prune: Database.Statement<[number]>;
  readonly #maxEntries: number;
  #insertsSincePrune = 0;

  constructor(options: SqliteResultCacheOptions) {
    this.#maxEntries = options.maxEntries ?? 1_000_000;
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
      'CREATE TABLE IF NOT EXISTS result_cache (key TEXT PRIMARY KEY, result TEXT NOT NULL, created_at INTEGER NOT NULL)',
    );
    this.#select = this.#database.prepare('SELECT result FROM result_cache WHERE key = ?');
    const insert = this.#database.prepare(
      'INSERT OR REPLACE INTO result_cache (key, result, created_at) VALUES (?, ?, ?)',
    );
    this.#insertMany = this.#database.transaction((entries: readonly CacheEntry[]) => {
      const now = Date.now();
      for (const entry of entries) insert.run(entry.key, JSON.stringify(entry.result), now);
    });
    this.#prune = this.#database.prepare(
      'DELETE FROM result_cache WHERE rowid IN (SELECT rowid FROM result_cache ORDER BY created_at ASC LIMIT ?)',
    );
  }

  async getMany(keys: readonly string[]): Promise<(RewardResult | undefined)[]> {
    return keys.map((key) => {
      const row = this.#select.get(key);
      return row === undefined ? undefined : (JSON.parse(row.result) as RewardResult);
    });
  }

  async setMany(entries: readonly CacheEntry[]): Promise<void> {
    if (entries.length === 0) return;
    this.#insertMany(entries);
    this.#insertsSincePrune += entries.length;
    if (this.#insertsSincePrune >= Math.max(1000, this.#maxEntries / 100)) this.#pruneOldest();
  }

  #pruneOldest(): void {
    this.#insertsSincePrune = 0;
    const { count } = this.#database.prepare('SELECT COUNT(*) AS count FROM result_cache').get() as {
      count: number;
    };
    if (count > this.#maxEntries) this.#prune.run(count - this.#maxEntries);
  }

  async close(): Promise<void> {
    if (this.#database.open) this.#database.close();
  }
}
