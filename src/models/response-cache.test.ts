import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

const fetched = (value: unknown) => async () => value;
/** The cache keeps the reply's JSON text; these tests give texts of a chosen length. */
const size = (bytes: number) => () => JSON.stringify('x'.repeat(bytes - 2));

describe('response cache bounds', () => {
  it('evicts the least recently used replies once their bytes pass the budget', async () => {
    const cache = new ResponseCache(100, undefined, 1000);
    await cache.getOrFetch('a', fetched('A'), size(400));
    await cache.getOrFetch('b', fetched('B'), size(400));
    expect((await cache.getOrFetch('a', fetched('stale'), size(400))).hit).toBe(true);
    await cache.getOrFetch('c', fetched('C'), size(400));
    // b was the least recently used: it went, a and c stay (800 bytes).
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(800);
    expect(await cache.peek('b')).toBeUndefined();
    expect(await cache.peek('a')).toBeDefined();
  });

  it('keeps at most `capacity` entries and never keeps a reply larger than the whole budget', async () => {
    const cache = new ResponseCache(2, undefined, 1000);
    for (const key of ['a', 'b', 'c']) await cache.getOrFetch(key, fetched(key), size(10));
    expect(cache.size).toBe(2);
    expect(await cache.getOrFetch('huge', fetched('H'), size(5000))).toEqual({ value: 'H', hit: false });
    expect(await cache.peek('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});

describe('response cache copies', () => {
  it('keeps a reply as its JSON text and gives every hit its own parsed copy', async () => {
    const cache = new ResponseCache();
    const reply = { choices: [{ text: 'hi' }] };
    await cache.getOrFetch('k', fetched(reply), () => JSON.stringify(reply));
    const first = (await cache.getOrFetch('k', fetched(null))).value as typeof reply;
    expect(first).toEqual(reply);
    (first.choices[0] as { text: string }).text = 'changed';
    expect((await cache.peek('k'))?.value).toEqual(reply);
    expect(cache.bytes).toBe(JSON.stringify(reply).length);
  });
});
