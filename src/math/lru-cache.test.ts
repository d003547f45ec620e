import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('returns what was set, and undefined for a key never set', () => {
    const cache = new LruCache<string, number>(4);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
  });

  it('never holds more than its capacity', () => {
    const cache = new LruCache<number, number>(4);
    for (let key = 0; key < 100; key++) {
      cache.set(key, key);
      expect(cache.size).toBeLessThanOrEqual(4);
    }
    // The last two generations of two (96-99) are held; older keys are gone.
    expect(cache.size).toBe(4);
    expect([99, 98, 95].map((key) => cache.get(key))).toEqual([99, 98, undefined]);
  });

  it('keeps an entry that is read while newer ones arrive, and drops one that is not', () => {
    const cache = new LruCache<string, number>(4);
    cache.set('read', 1);
    cache.set('unread', 2);
    for (let index = 0; index < 10; index++) {
      expect(cache.get('read')).toBe(1);
      cache.set(`new-${index}`, index);
    }
    expect(cache.get('read')).toBe(1);
    expect(cache.get('unread')).toBeUndefined();
  });

  it('replaces the value of a key set again', () => {
    const cache = new LruCache<string, string | null>(4);
    cache.set('x', 'first');
    cache.set('x', null);
    expect(cache.get('x')).toBeNull();
  });
});
