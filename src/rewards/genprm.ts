import { z } from 'zod';
import type { ComponentResult } from '../core/result.js';
import { type ComponentScorer, defineRewardKind } from '../core/reward-kind.js';
import {
  cannotAsk,
  compileReplyPattern,
  decided,
  EndpointOptionSchema,
  endpointApis,
  explained,
  failedCall,
  fillTemplate,
  questionOf,
  unreadableReply,
} from '../models/index.js';
import { tokenAt, verdictProbability } from './genprm-verdicts.js';
import { JudgeSamplingSchema, sampleVerdicts } from './judge-sampling.js';
import { VoteSchema, vote } from './judge-vote.js';
import { aggregateStepScores, StepAggregateSchema } from './prm-aggregate.js';

/** The default verifier template: every step tagged `<step_k>` (1-based), a verdict line per step. */
export const GENPRM_TEMPLATE = [
  'You are a careful math verifier. Below is a problem and a solution split into steps.',
  'Check every step in order: recompute what it claims and say whether it is correct given the problem and the steps before it.',
  '',
  '[Problem]',
  '{question}',
  '',
  '[Solution]',
  '{steps}',
  '',
  'For each step k write a short critique, then a line `Verdict k: yes` if the step is correct or `Verdict k: no` if it is not.',
].join('\n');

export const GenprmOptionsSchema = z
  .object({
    model: EndpointOptionSchema,
    template: z.string().min(1).default(GENPRM_TEMPLATE),
    /** How each step is shown: `{index}` (1-based) and `{step}`. Steps are joined by a blank line. */
    step_format: z.string().min(1).default('<step_{index}>\n{step}\n</step_{index}>'),
    /** Reads one verdict (RE2): group 1 the step number (1-based), group 2 yes/no (any case). */
    verdict_pattern: z.string().min(1).default('(?i)verdict\\s*(\\d+)\\s*:\\s*\\**\\s*(yes|no)\\b'),
    /** Score each verdict by P(yes)/(P(yes)+P(no)) from the logprobs (asks for them); off: 1 for yes, 0 for no. */
    use_logprobs: z.boolean().default(true),
    top_logprobs: z.number().int().min(2).max(20).default(5),
    sampling: JudgeSamplingSchema.default(JudgeSamplingSchema.parse({})),
    /** Per step, over the k samples: `mean` of the step scores, or `majority` of the hard verdicts. */
    vote: VoteSchema,
    aggregate: StepAggregateSchema,
    explain: z.boolean().default(false),
  })
  .strict();

/**
 * `type: genprm`: a generative verifier (ThinkPRM / GenPRM style) that critiques each step and
 * writes a yes/no verdict per step; k samples are voted per step. A sample that misses a step's
 * verdict (or names a step that does not exist) is invalid; when none is valid the sample is
 * `unparseable` with the raw replies in details. Step scores feed the process stage.
 */
export const genprmReward = defineRewardKind({
  name: 'genprm',
  description: 'a generative verifier that critiques each step and votes a yes/no verdict per step',
  optionsSchema: GenprmOptionsSchema,
  defaultTimeoutSeconds: 600,
  execution: 'io',
  deterministic: false,
  create: (options, environment) => {
    const apis = endpointApis(options.model, environment, { max_batch: 1, max_wait_ms: 0 });
    const pattern = compileReplyPattern(options.verdict_pattern, 'options.verdict_pattern');
    const extra = options.use_logprobs ? { logprobs: true, top_logprobs: options.top_logprobs } : {};

    /** Per step: [hard verdict, score] of one sampled reply, or the reason it is unusable. */
    function readReply(
      choice: Awaited<ReturnType<typeof sampleVerdicts>>['choices'][number],
      steps: number,
    ): { hard: number[]; soft: number[] } | { problem: string } {
      const reply = choice.message.content ?? '';
      const tokens = choice.logprobs?.content ?? undefined;
      const hard: (number | undefined)[] = new Array(steps).fill(undefined);
      const soft: (number | undefined)[] = new Array(steps).fill(undefined);
      for (const match of pattern.all(reply)) {
        const step = Number(match.groups[0]) - 1;
        const word = (match.groups[1] ?? '').toLowerCase();
        if (!Number.isInteger(step) || step < 0 || step >= steps)
          return { problem: `a verdict names step ${step + 1} of ${steps}` };
        const verdict = word === 'yes' ? 1 : 0;
        hard[step] = verdict;
        let score: number = verdict;
        if (options.use_logprobs && tokens !== undefined && tokens !== null) {
          const position = tokenAt(tokens, matchWordOffset(reply, match.start, word) ?? match.start);
          const probability = position === undefined ? undefined : verdictProbability(position);
          if (probability !== undefined) score = probability;
        }
        soft[step] = score;
      }
      const missing = hard.indexOf(undefined);
      if (missing !== -1) return { problem: `no verdict for step ${missing + 1}` };
      return { hard: hard as number[], soft: soft as number[] };
    }

    return {
      async score(sample, context): Promise<ComponentResult> {
        const steps = context.steps;
        if (steps.length === 0) return cannotAsk('no steps to verify', 'set steps: {split: paragraph}');
        const shown = steps
          .map((step, index) => fillTemplate(options.step_format, { index: String(index + 1), step }))
          .join('\n\n');
        const prompt = fillTemplate(options.template, { question: questionOf(sample), steps: shown });
        try {
          const { choices, sent } = await sampleVerdicts(
            apis,
            options.sampling,
            prompt,
            extra,
            context.signal,
          );
          const replies = choices.map((choice) => choice.message.content ?? '');
          const read = choices.map((choice) => readReply(choice, steps.length));
          const valid = read.filter((entry): entry is { hard: number[]; soft: number[] } => 'hard' in entry);
          const problems = read.flatMap((entry) => ('problem' in entry ? [entry.problem] : []));
          if (valid.length === 0) {
            return explained(
              unreadableReply(problems[0] ?? 'no verdicts', replies, { invalid_samples: problems.length }),
              options.explain,
              sent,
              replies,
            );
          }
          const stepScores = steps.map((_step, index) =>
            options.vote === 'mean'
              ? vote(
                  valid.map((entry) => entry.soft[index] as number),
                  'mean',
                )
              : vote(
                  valid.map((entry) => entry.hard[index] as number),
                  'majority',
                ),
          );
          const details: Record<string, unknown> = {
            step_scores: stepScores,
            samples: valid.length,
            invalid_samples: problems.length,
            vote: options.vote,
            aggregate: options.aggregate,
          };
          if (problems.length > 0) details['problems'] = problems;
          return explained(
            decided(aggregateStepScores(options.aggregate, stepScores), details, stepScores),
            options.explain,
            sent,
            replies,
          );
        } catch (error) {
          return failedCall(error, {});
        }
      },
      scoreBatch(samples, contexts) {
        return Promise.all(
          samples.map((sample, index) => (this as ComponentScorer).score(sample, contexts[index]!)),
        );
      },
    };
  },
});

/** Where the yes/no word of a verdict match starts in the reply. */
function matchWordOffset(reply: string, matchStart: number, word: string): number | undefined {
  const found = new RegExp(`\\b${word}\\b`, 'i').exec(reply.slice(matchStart));
  return found === null ? undefined : matchStart + found.index;
}
