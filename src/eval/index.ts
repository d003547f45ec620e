/** Benchmarks for reward models and PRMs: formats, evaluators, metrics, the streaming runner and the HTML report. */
export { bestOfNEvaluator } from './best-of-n-evaluator.js';
export { engineScorer } from './engine-scorer.js';
export type { BenchmarkEvaluator, EvalOutcome } from './evaluator.js';
export { prmBenchEvaluator } from './prmbench-evaluator.js';
export { processBenchEvaluator } from './processbench-evaluator.js';
export { renderReport } from './report-html.js';
export { rewardBench2Evaluator, rewardBenchEvaluator } from './rewardbench-evaluator.js';
export { type EvalRun, runEval } from './run-eval.js';
export { fileScorer, givenScorer, type UnitScorer } from './unit-scorer.js';

/** The benchmark names `rewardkit eval --benchmark` accepts. */
export const BENCHMARK_NAMES = ['prmbench', 'processbench', 'rewardbench', 'rewardbench2', 'bon'] as const;
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];
