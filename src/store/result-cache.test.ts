import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import type { RewardResult } from '../core/result.js';
import { parseSpec } from '../core/spec.js';
import type { ScoreRequest, ScoringBackend } from '../engine/scoring-backend.js';
import { InProcessBackend } from '../engine/scoring-backend.js';
import { type CacheOutcome, CachingBackend } from './caching-backend.js';
import { isCacheable, resultCacheKey, specFingerprint } from './result-cache.js';
import { SqliteResultCache } from './result-cache-sqlite.js';

const spec = parseSpec({
  name: 't',
  rewards: [{ name: 'tag', type: 'format', options: { pattern: '<a>' } }],
});

/** Records what reaches the inner backend. */
class RecordingBackend implements ScoringBackend {
  readonly seen: unknown[][] = [];
  readonly #inner = new InProcessBackend();
  score(request: ScoreRequest): Promise<RewardResult[]> {
    this.seen.push([...request.inputs]);
    return this.#inner.score(request);
  }
  close() {
    return this.#inner.close();
  }
}

describe('result cache keys', () => {
  it('ignore key order and the sample id, but not the content or the spec', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const fingerprint = specFingerprint(spec);
    const key = resultCacheKey(fingerprint, { id: 'x', response: 'r', prompt: 'p' });
    expect(resultCacheKey(fingerprint, { prompt: 'p', response: 'r', id: 'y' })).toBe(key);
    expect(resultCacheKey(fingerprint, { id: 'x', response: 'r2', prompt: 'p' })).not.toBe(key);
    const otherSpec = parseSpec({
      name: 't',
      rewards: [{ name: 'tag', type: 'format', options: { pattern: '<b>' } }],
    });
    expect(resultCacheKey(specFingerprint(otherSpec), { id: 'x', response: 'r', prompt: 'p' })).not.toBe(key);
  });

  it('keep only settled verdicts', () => {
    const base: RewardResult = { id: 'a', reward: 1, components: {}, error: null, ms: 1 };
    expect(isCacheable(base)).toBe(true);
    expect(isCacheable({ ...base, error: { code: 'RK_INPUT_INVALID', message: 'x' } })).toBe(false);
    expect(isCacheable({ ...base, components: { c: { score: null, status: 'timeout', details: {} } } })).toBe(
      false,
    );
  });
});

describe('CachingBackend over SQLite', () => {
  it('scores each distinct pair once, across and within batches, and keeps ids and order', async () => {
    const inner = new RecordingBackend();
    const outcomes: CacheOutcome[] = [];
    const backend = new CachingBackend(inner, new SqliteResultCache({ file: ':memory:' }), (outcome) =>
      outcomes.push(outcome),
    );
    const first = await backend.score({
      spec,
      inputs: [
        { id: '1', response: '<a>' },
        { id: '2', response: 'no' },
        { id: '3', response: '<a>' },
      ],
    });
    expect(first.map((result) => [result.id, result.reward])).toEqual([
      ['1', 1],
      ['2', 0],
      ['3', 1],
    ]);
    expect(inner.seen[0]).toHaveLength(2);
    const second = await backend.score({
      spec,
      inputs: [
        { id: '4', response: 'no' },
        { id: '5', response: 'new' },
      ],
    });
    expect(second.map((result) => [result.id, result.reward])).toEqual([
      ['4', 0],
      ['5', 0],
    ]);
    expect(inner.seen[1]).toEqual([{ id: '5', response: 'new' }]);
    expect(outcomes).toEqual([
      { hits: 1, misses: 2, failed: false },
      { hits: 1, misses: 1, failed: false },
    ]);
    await backend.close();
  });

  it('scores without the cache when the cache fails', async () => {
    const broken = {
      getMany: async () => {
        throw new Error('down');
      },
      setMany: async () => {
        throw new Error('down');
      },
      close: async () => {},
    };
    const outcomes: CacheOutcome[] = [];
    const backend = new CachingBackend(new InProcessBackend(), broken, (outcome) => outcomes.push(outcome));
    const results = await backend.score({ spec, inputs: [{ id: '1', response: '<a>' }] });
    expect(results[0]?.reward).toBe(1);
    expect(outcomes).toEqual([{ hits: 0, misses: 1, failed: true }]);
  });
});
