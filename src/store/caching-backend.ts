import type { RewardResult } from '../core/result.js';
import type { SampleId } from '../core/sample.js';
import type { Spec } from '../core/spec.js';
import type { SamplePosition } from '../engine/pipeline.js';
import type { ScoreRequest, ScoringBackend } from '../engine/scoring-backend.js';
import { sampleIdOf } from '../io/sample-id.js';
import { isCacheable, type ResultCache, resultCacheKey, specFingerprint } from './result-cache.js';

/** What one cached call saw; the server turns it into metrics. */
export interface CacheOutcome {
  hits: number;
  misses: number;
  /** The cache could not be read or written (the batch was scored without it). */
  failed: boolean;
}

/**
 * A backend that looks every (spec, sample) pair up in a cache first, sends only the misses to
 * the inner backend (each distinct pair once, even when it repeats within the batch), and stores
 * the settled results. A broken cache never fails a request: lookups become misses.
 */
export class CachingBackend implements ScoringBackend {
  readonly #fingerprints = new WeakMap<Spec, string>();

  constructor(
    private readonly inner: ScoringBackend,
    private readonly cache: ResultCache,
    private readonly onOutcome: (outcome: CacheOutcome) => void = () => {},
  ) {}

  async score(request: ScoreRequest): Promise<RewardResult[]> {
    const fingerprint = this.#fingerprintOf(request.spec);
    const keys = request.inputs.map((input) => resultCacheKey(fingerprint, input));
    let failed = false;
    let cached: (RewardResult | undefined)[];
    try {
      cached = await this.cache.getMany(keys);
    } catch {
      failed = true;
      cached = keys.map(() => undefined);
    }
    const firstIndexOfKey = new Map<string, number>();
    const missInputs: unknown[] = [];
    const missPositions: SamplePosition[] = [];
    const missSlot: number[] = [];
    keys.forEach((key, index) => {
      if (cached[index] !== undefined || firstIndexOfKey.has(key)) return;
      firstIndexOfKey.set(key, missInputs.length);
      missInputs.push(request.inputs[index]);
      missPositions.push(request.positions?.[index] ?? {});
      missSlot.push(index);
    });
    const scored =
      missInputs.length === 0
        ? []
        : await this.inner.score({
            spec: request.spec,
            inputs: missInputs,
            positions: missPositions,
            signal: request.signal,
          });
    const toStore = scored
      .map((result, missIndex) => ({ key: keys[missSlot[missIndex]!]!, result }))
      .filter((entry) => isCacheable(entry.result));
    if (toStore.length > 0) {
      try {
        await this.cache.setMany(toStore);
      } catch {
        failed = true;
      }
    }
    let hits = 0;
    const results = keys.map((key, index): RewardResult => {
      const fromCache = cached[index];
      if (fromCache !== undefined) {
        hits++;
        return { ...fromCache, id: idOf(request.inputs[index], fromCache.id) };
      }
      const result = scored[firstIndexOfKey.get(key)!]!;
      if (missSlot[firstIndexOfKey.get(key)!] === index) return result;
      hits++;
      return { ...result, id: idOf(request.inputs[index], result.id) };
    });
    this.onOutcome({ hits, misses: keys.length - hits, failed });
    return results;
  }

  async close(): Promise<void> {
    await this.inner.close();
    await this.cache.close();
  }

  #fingerprintOf(spec: Spec): string {
    let fingerprint = this.#fingerprints.get(spec);
    if (fingerprint === undefined) {
      fingerprint = specFingerprint(spec);
      this.#fingerprints.set(spec, fingerprint);
    }
    return fingerprint;
  }
}

function idOf(input: unknown, fallback: SampleId): SampleId {
  return sampleIdOf(input) ?? fallback;
}
