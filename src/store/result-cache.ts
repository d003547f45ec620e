import { createHash } from 'node:crypto';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';

/**
 * A cache of scored results keyed by the content hash of (spec, sample). Identical pairs are
 * scored once. Implementations: SQLite (embedded default) and Redis (shared by many nodes).
 * A cache is an optimisation: implementations may lose entries, never return a wrong one.
 */
export interface ResultCache {
  /** One entry per key, `undefined` when missing. */
  getMany(keys: readonly string[]): Promise<(RewardResult | undefined)[]>;
  setMany(entries: readonly CacheEntry[]): Promise<void>;
  close(): Promise<void>;
}

export interface CacheEntry {
  key: string;
  result: RewardResult;
}

/** JSON with object keys sorted at every level, so that equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
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
