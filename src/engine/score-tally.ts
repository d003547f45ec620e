import { type RewardResult, UNDECIDED_STATUSES } from '../core/result.js';

/** Per-component running totals: sum of decided scores, how many decided, how many seen. */
export interface ComponentTally {
  sum: number;
  decided: number;
  seen: number;
}

/** The plain-data form of a tally (what worker threads send back). */
export interface TallyData {
  count: number;
  rewardSum: number;
  rewarded: number;
  fromStore: number;
  components: [string, ComponentTally][];
  errors: [string, number][];
}

/**
 * Running totals over results, in constant memory: count, reward sum over non-null rewards,
 * per-component mean and coverage (decided / seen), errors by code. Tallies of chunks scored on
 * other threads merge into the run's tally; `add(result, -1)` takes a result back out.
 */
export class ScoreTally {
  count = 0;
  rewardSum = 0;
  rewarded = 0;
  fromStore = 0;
  readonly components = new Map<string, ComponentTally>();
  readonly errors = new Map<string, number>();

  add(result: RewardResult, sign: 1 | -1 = 1, fromStore = false): void {
    this.count += sign;
    if (fromStore) this.fromStore += sign;
    if (result.reward !== null && Number.isFinite(result.reward)) {
      this.rewardSum += sign * result.reward;
      this.rewarded += sign;
    }
    if (result.error !== null) this.#countError(result.error.code, sign);
    const components = result.components;
    for (const name in components) {
      const component = components[name] as (typeof components)[string];
      const tally = this.#component(name);
      tally.seen += sign;
      if (component.score !== null && !UNDECIDED_STATUSES.has(component.status)) {
        tally.sum += sign * component.score;
        tally.decided += sign;
      }
      if (component.error !== undefined) this.#countError(component.error.code, sign);
    }
  }

  merge(data: TallyData): void {
    this.count += data.count;
    this.rewardSum += data.rewardSum;
    this.rewarded += data.rewarded;
    this.fromStore += data.fromStore;
    for (const [name, other] of data.components) {
      const tally = this.#component(name);
      tally.sum += other.sum;
      tally.decided += other.decided;
      tally.seen += other.seen;
    }
    for (const [code, count] of data.errors) this.#countError(code, count);
  }

  toData(): TallyData {
    return {
      count: this.count,
      rewardSum: this.rewardSum,
      rewarded: this.rewarded,
      fromStore: this.fromStore,
      components: [...this.components],
      errors: [...this.errors],
    };
  }

  #component(name: string): ComponentTally {
    let tally = this.components.get(name);
    if (tally === undefined) {
      tally = { sum: 0, decided: 0, seen: 0 };
      this.components.set(name, tally);
    }
    return tally;
  }

  #countError(code: string, count: number): void {
    const next = (this.errors.get(code) ?? 0) + count;
    if (next === 0) this.errors.delete(code);
    else this.errors.set(code, next);
  }
}
