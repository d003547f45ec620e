import { canonicalJson } from '../core/canonical-json.js';
import type { ComponentScorer, KindEnvironment, RewardKind } from '../core/reward-kind.js';

/** A scorer being built (async `create`) or built. */
export type ScorerOrPending = ComponentScorer | Promise<ComponentScorer>;

/**
 * Builds each distinct scorer once: one entry per (kind, options, endpoints, environment). The
 * engine keeps one factory per process (per thread for CPU kinds on worker threads), so a kind
 * holding HTTP clients or a sandbox pool is built once however many specs, requests or pipelines
 * name it. A `create` that throws or rejects is not remembered (the next use tries again).
 */
export class ScorerFactory {
  readonly #built = new Map<RewardKind<unknown>, Map<string, ScorerOrPending>>();
  /** How many scorers were built (the tests count creations). */
  created = 0;

  get(
    kind: RewardKind<unknown>,
    options: unknown,
    environment: KindEnvironment,
    endpoints: readonly string[],
  ): ScorerOrPending {
    let byKey = this.#built.get(kind);
    if (byKey === undefined) {
      byKey = new Map();
      this.#built.set(kind, byKey);
    }
    const key = canonicalJson([
      options,
      endpoints.map((name) => [name, environment.models?.[name]]),
      environment.concurrency,
      environment.allowUnsandboxed,
      environment.limitCeilings ?? null,
    ]);
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const scorer = kind.create(options, environment);
    this.created++;
    const entries = byKey;
    if (scorer instanceof Promise) {
      const remembered = scorer.then(
        (built) => {
          entries.set(key, built);
          return built;
        },
        (error: unknown) => {
          entries.delete(key);
          throw error;
        },
      );
      remembered.catch(() => {});
      entries.set(key, remembered);
      return remembered;
    }
    entries.set(key, scorer);
    return scorer;
  }

  /** Closes every scorer built here (pending ones once built). */
  async close(): Promise<void> {
    const all = [...this.#built.values()].flatMap((byKey) => [...byKey.values()]);
    this.#built.clear();
    await Promise.allSettled(all.map(async (scorer) => (await scorer).close?.()));
  }
}
