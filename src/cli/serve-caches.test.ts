import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentResult, RewardResult } from '../core/result.js';
import { openServeCaches } from './serve-caches.js';

/** How many of this process's fds are open on `file` (each SQLite connection holds one). */
function fdsOpenOn(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

describe('openServeCaches', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it('opens the SQLite cache file once for the result and the component caches, each in its own key space', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rk-serve-caches-'));
    directories.push(directory);
    const file = join(directory, 'cache.sqlite');
    const caches = await openServeCaches({ kind: 'sqlite', file });
    expect(fdsOpenOn(file)).toBe(1);
    const result = { id: 'a', reward: 1, components: {}, error: null } as unknown as RewardResult;
    const component = { score: 0.5, status: 'correct' } as ComponentResult;
    await caches.results?.setMany([{ key: 'same', result }]);
    await caches.components?.setMany([{ key: 'same', result: component }]);
    expect(await caches.results?.getMany(['same', 'other'])).toEqual([result, undefined]);
    expect(await caches.components?.getMany(['same'])).toEqual([component]);
    // Closing the component view (the engine does, with the backend) leaves the file to its owner.
    await caches.components?.close();
    expect(await caches.results?.getMany(['same'])).toEqual([result]);
    await caches.results?.close();
    expect(fdsOpenOn(file)).toBe(0);
  });

  it('gives no component cache in distributed mode, and nothing with --cache none', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rk-serve-caches-'));
    directories.push(directory);
    const distributed = await openServeCaches({
      kind: 'sqlite',
      file: join(directory, 'cache.sqlite'),
      redisUrl: 'redis://127.0.0.1:1',
    });
    expect(distributed.components).toBeUndefined();
    await distributed.results?.close();
    expect(await openServeCaches({ kind: 'none', file: join(directory, 'unused.sqlite') })).toEqual({});
    await expect(openServeCaches({ kind: 'redis', file: 'unused' })).rejects.toThrow(
      /--cache redis needs --redis/,
    );
  });
});
