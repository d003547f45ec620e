import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import type { SampleField } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';

/**
 * What identifies one component's result apart from the sample: the kind, its options, the
 * endpoints it calls (url and model, not the key) and, for a non-deterministic kind cached on
 * request, the spec's seed. Computed once per component.
 */
export function componentIdentity(
  kindName: string,
  options: unknown,
  endpoints: unknown,
  seed: number | undefined,
): string {
  return canonicalJson({ kind: kindName, options, endpoints, seed: seed ?? null });
}

/**
 * The component cache key of one sample: sha256 of the component identity and the fields the
 * kind reads (steps as the engine gave them to the scorer). The id is never part of it.
 */
export function componentCacheKey(
  identity: string,
  reads: readonly SampleField[],
  sample: Sample,
  steps: readonly string[],
): string {
  const hash = createHash('sha256').update(identity);
  for (const field of reads) {
    const value = field === 'steps' ? steps : (sample as Record<string, unknown>)[field];
    hash.update('\u0000').update(field).update('=').update(canonicalJson(value));
  }
  return hash.digest('hex');
}
