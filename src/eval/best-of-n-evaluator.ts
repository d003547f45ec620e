import { z } from 'zod';
import { bestOfNCurve, type Candidate, powersOfTwoUpTo } from './best-of-n.js';
import { brierScore, DEFAULT_ECE_BINS, expectedCalibrationError, reliabilityBins } from './calibration.js';
import type { BenchmarkEvaluator, EvalOutcome } from './evaluator.js';
import { round, scoreOf } from './evaluator.js';

/** One scored candidate: its prompt group, the response, whether the verifier says it is correct, and optionally a gold reward. */
export const CandidateRecordSchema = z.object({
  id: z.string().min(1),
  /** The prompt the candidate answers; without it the line is a prompt of its own (calibration only). */
  prompt_id: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .optional(),
  prompt: z.string().optional(),
  response: z.string().default(''),
  correct: z.union([z.boolean(), z.literal(0).transform(() => false), z.literal(1).transform(() => true)]),
  gold: z.number().finite().optional(),
  /** A file of predictions carries the candidate's score in the line itself. */
  score: z.number().finite().optional(),
});
export type CandidateRecord = z.infer<typeof CandidateRecordSchema>;

/**
 * `--benchmark bon`: candidates grouped by `prompt_id` (kept in memory: a score, a flag and a
 * gold number each). Reports BoN accuracy, proxy and gold of the pick and pass@n at n = 1, 2, 4 ...,
 * and, when every score lies in [0, 1], Brier, ECE and the reliability diagram.
 */
export function bestOfNEvaluator(
  options: { eceBins?: number | undefined } = {},
): BenchmarkEvaluator<CandidateRecord> {
  const binCount = options.eceBins ?? DEFAULT_ECE_BINS;
  const groups = new Map<string, Candidate[]>();
  return {
    name: 'bon',
    schema: CandidateRecordSchema as unknown as z.ZodType<CandidateRecord>,
    units: (record) => [
      {
        id: record.id,
        ...(record.prompt === undefined ? {} : { prompt: record.prompt }),
        response: record.response,
        ...(record.score === undefined ? {} : { given: { score: record.score } }),
      },
    ],
    accept(record, [unit]) {
      const score = scoreOf(unit ?? { error: 'no score' });
      if (typeof score === 'string') return { id: record.id, error: score };
      const promptId = record.prompt_id ?? `\u0000${record.id}`;
      const group = groups.get(promptId) ?? [];
      groups.set(promptId, group);
      group.push({
        score,
        correct: record.correct,
        ...(record.gold === undefined ? {} : { gold: record.gold }),
      });
      return { id: record.id, prompt_id: record.prompt_id, score, correct: record.correct };
    },
    finish(): EvalOutcome {
      const prompts = [...groups.values()];
      const largest = Math.max(0, ...prompts.map((candidates) => candidates.length));
      const curve = bestOfNCurve(prompts, powersOfTwoUpTo(largest));
      const all = prompts.flat();
      const probabilities = all.every((candidate) => candidate.score >= 0 && candidate.score <= 1);
      const predictions = all.map((candidate) => ({
        probability: candidate.score,
        correct: candidate.correct,
      }));
      const bins = probabilities ? reliabilityBins(predictions, binCount) : [];
      const notes = probabilities ? [] : ['scores leave [0, 1]: calibration (ECE, Brier) not computed'];
      return {
        metrics: {
          benchmark: 'bon',
          prompts: prompts.length,
          candidates: all.length,
          curve,
          ...(probabilities
            ? {
                brier: brierScore(predictions),
                ece: expectedCalibrationError(bins),
                ece_bins: binCount,
                reliability: bins,
              }
            : {}),
        },
        tables: [
          {
            title: 'Best-of-N (expected over all n-subsets, ties split)',
            header: ['n', 'prompts', 'BoN accuracy', 'proxy score of pick', 'gold of pick', 'pass@n'],
            rows: curve.map((point) => [
              point.n,
              point.prompts,
              round(point.accuracy),
              round(point.proxy),
              round(point.gold),
              round(point.passAtN),
            ]),
          },
          ...(probabilities
            ? [
                {
                  title: 'Calibration',
                  header: [`ECE (${binCount} bins)`, 'Brier'],
                  rows: [[round(expectedCalibrationError(bins)), round(brierScore(predictions))]],
                },
              ]
            : []),
        ],
        charts: [
          {
            kind: 'lines',
            title: 'Best-of-N and overoptimization: gold vs proxy of the pick',
            xLabel: 'log2 n',
            yLabel: 'value',
            series: [
              {
                name: 'BoN accuracy',
                points: curve
                  .filter((p) => p.accuracy !== null)
                  .map((p) => [Math.log2(p.n), p.accuracy as number]),
              },
              {
                name: 'gold of pick',
                points: curve.filter((p) => p.gold !== null).map((p) => [Math.log2(p.n), p.gold as number]),
              },
              {
                name: 'proxy of pick',
                points: curve.filter((p) => p.proxy !== null).map((p) => [Math.log2(p.n), p.proxy as number]),
              },
              {
                name: 'pass@n',
                points: curve
                  .filter((p) => p.passAtN !== null)
                  .map((p) => [Math.log2(p.n), p.passAtN as number]),
              },
            ],
          },
          ...(probabilities
            ? [
                {
                  kind: 'lines' as const,
                  title: 'Reliability diagram',
                  xLabel: 'mean score in bin',
                  yLabel: 'fraction correct',
                  diagonal: true,
                  series: [
                    {
                      name: 'bins',
                      points: bins
                        .filter((b) => b.count > 0)
                        .map((b) => [b.confidence as number, b.accuracy as number] as [number, number]),
                    },
                  ],
                },
              ]
            : []),
        ],
        notes,
      };
    },
  };
}
