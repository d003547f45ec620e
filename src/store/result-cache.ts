import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';

/**
 * A cache of scored results keyed by the content hash of (spec, sample). Identical pairs are
 * scored once. Implementations: SQLite (embedded default) and Redis (shared by many nodes).
 * A cache is an optimisation: implementations may lose entries, never return a wrong one.
 */
export interface ResultCache<Value = RewardResult> {
  /** One entry per key, `undefined` when missing. */
  getMany(keys: readonly string[]): Promise<(Value | undefined)[]>;
  setMany(entries: readonly CacheEntry<Value>[]): Promise<void>;
  close(): Promise<void>;
}

export interface CacheEntry<Value = RewardResult> {
  key: string;
  result: Value;
}

/** The hash of a spec's canonical JSON: two specs with the same content share cache entries. */
export function specFingerprint(spec: Spec): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex');
}

/**
 * The cache key of one raw input under one spec. The sample's `id` is left out: a sample is
 * scored by its content, so the same rollout sent again under another id is still a hit.
 */
export function resultCacheKey(fingerprint: string, input: unknown): string {
  let content = input;
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const { id: _id, ...rest } = input as Record<string, unknown>;
    content = rest;
  }
  return createHash('sha256').update(fingerprint).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * Only settled verdicts are cached: an invalid sample, a timeout or an internal error may turn out
 * differently next time (a larger budget, a fixed bug), so those are scored again.
 */
export function isCacheable(result: RewardResult): boolean {
  if (result.error !== null) return false;
  return Object.values(result.components).every(
    (component) => component.status !== 'timeout' && component.status !== 'error',
  );
}
