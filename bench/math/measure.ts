/**
 * Times one verifier over labelled pairs, single-threaded and in-process: a cold pass (every pair
 * seen once, also the pass that decides agreement) and a steady phase (repeated passes until the
 * time budget is spent, as a long-running trainer or server sees it, caches warm).
 */
import type { LabelledPair } from './labelled-pair.js';

/** Scores one pair: 1 equal, 0 not equal, null could not decide. */
export type VerifyPair = (pair: LabelledPair) => Promise<number | null> | number | null;

export interface PairOutcome {
  pair: LabelledPair;
  score: number | null;
  /** Latency of this pair in the cold pass. */
  ms: number;
}

export interface Measurement {
  pairs: number;
  agreementPercent: number;
  undecided: number;
  outcomes: PairOutcome[];
  coldPerSecond: number;
  /** CPU µs per pair (user + system of this process) in the cold pass and in the steady phase. */
  coldCpuUs: number;
  steadyCpuUs: number;
  steadyPerSecond: number;
  steadyCalls: number;
  steadySeconds: number;
  p50Ms: number;
  p99Ms: number;
  peakHeapMb: number;
  peakRssMb: number;
}

/** Peak heap and RSS, sampled every few calls (a timer would not fire inside a busy loop). */
export class MemoryPeak {
  heapBytes = 0;
  rssBytes = 0;
  sample(): void {
    const usage = process.memoryUsage();
    if (usage.heapUsed > this.heapBytes) this.heapBytes = usage.heapUsed;
    if (usage.rss > this.rssBytes) this.rssBytes = usage.rss;
  }
}

const SAMPLE_EVERY = 128;

/** The value below which `fraction` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

export async function measure(
  verify: VerifyPair,
  pairs: readonly LabelledPair[],
  options: { minSeconds: number; memory: MemoryPeak },
): Promise<Measurement> {
  const { memory } = options;
  const outcomes: PairOutcome[] = [];
  let agreed = 0;
  let undecided = 0;
  const coldStart = performance.now();
  const coldCpu = process.cpuUsage();
  for (const [index, pair] of pairs.entries()) {
    const started = performance.now();
    const score = await verify(pair);
    outcomes.push({ pair, score, ms: performance.now() - started });
    if (score === null) undecided++;
    if ((score === 1) === pair.equal) agreed++;
    if (index % SAMPLE_EVERY === 0) memory.sample();
  }
  const coldSeconds = (performance.now() - coldStart) / 1000;
  const coldCpuUsage = process.cpuUsage(coldCpu);

  const latencies: number[] = [];
  const steadyStart = performance.now();
  const steadyCpu = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < options.minSeconds * 1000) {
    for (const pair of pairs) {
      const started = performance.now();
      await verify(pair);
      latencies.push(performance.now() - started);
      if (latencies.length % SAMPLE_EVERY === 0) memory.sample();
    }
    elapsed = performance.now() - steadyStart;
  }
  const steadyCpuUsage = process.cpuUsage(steadyCpu);
  memory.sample();
  latencies.sort((left, right) => left - right);
  return {
    pairs: pairs.length,
    agreementPercent: (100 * agreed) / Math.max(1, pairs.length),
    undecided,
    outcomes,
    coldPerSecond: pairs.length / coldSeconds,
    coldCpuUs: (coldCpuUsage.user + coldCpuUsage.system) / Math.max(1, pairs.length),
    steadyCpuUs: (steadyCpuUsage.user + steadyCpuUsage.system) / Math.max(1, latencies.length),
    steadyPerSecond: latencies.length / (elapsed / 1000),
    steadyCalls: latencies.length,
    steadySeconds: elapsed / 1000,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    peakHeapMb: memory.heapBytes / 2 ** 20,
    peakRssMb: memory.rssBytes / 2 ** 20,
  };
}
