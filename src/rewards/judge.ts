import { z } from 'zod';
import { SpecError } from '../core/errors.js';
import type { ComponentResult } from '../core/result.js';
import { type ComponentScorer, defineRewardKind } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import { escapeRegex } from '../core/text.js';
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
  type ReplyPattern,
  unreadableReply,
} from '../models/index.js';
import { JudgeSamplingSchema, sampleVerdicts } from './judge-sampling.js';
import { criteriaList, JUDGE_PATTERNS, JUDGE_TEMPLATES, taggedParagraphs } from './judge-templates.js';
import { VoteSchema, vote } from './judge-vote.js';

export const JudgeOptionsSchema = z
  .object({
    model: EndpointOptionSchema,
    /**
     * `pointwise`: a rating parsed from the reply, scaled to [0, 1]; `reference`: pointwise with the
     * reference answer in the prompt; `rubric`: one rating per weighted criterion, weighted mean;
     * `pairwise`: the response against another (`against`), 1 win / 0.5 tie / 0 loss;
     * `processbench`: the earliest wrong paragraph (steps), 1 when none, with per-step scores.
     */
    mode: z.enum(['pointwise', 'reference', 'rubric', 'pairwise', 'processbench']).default('pointwise'),
    /** Replaces the mode's default template (placeholders as in judge-templates.ts). */
    template: z.string().min(1).optional(),
    /** Replaces the mode's reply pattern (RE2; group 1 is the verdict). Rubric: `{name}` marks the criterion. */
    pattern: z.string().min(1).optional(),
    scale: z
      .object({ min: z.number().default(1), max: z.number().default(10) })
      .strict()
      .refine((scale) => scale.max > scale.min, 'scale.max must exceed scale.min')
      .default({ min: 1, max: 10 }),
    /** Rubric criteria: each rated on the scale; the score is the weighted mean, scaled to [0, 1]. */
    criteria: z
      .array(
        z
          .object({
            name: z.string().regex(/^[A-Za-z0-9_-]+$/),
            weight: z.number().positive().default(1),
            description: z.string().default(''),
          })
          .strict(),
      )
      .optional(),
    /** Pairwise: where the other response is, a dot path in the sample. */
    against: z.string().default('reference.rejected'),
    /** Pairwise: also ask with A and B swapped and average (cancels position bias). */
    swap: z.boolean().default(false),
    sampling: JudgeSamplingSchema.default(JudgeSamplingSchema.parse({})),
    vote: VoteSchema,
    explain: z.boolean().default(false),
  })
  .strict();

type JudgeOptions = z.output<typeof JudgeOptionsSchema>;

function valueAt(sample: Sample, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      sample,
    );
}

/** The last match's first group, or undefined. */
function lastVerdict(pattern: ReplyPattern, reply: string): string | undefined {
  return pattern.all(reply).at(-1)?.groups[0] ?? undefined;
}

/**
 * `type: judge`: an LLM judge over any chat endpoint. Templates are data (judge-templates.ts);
 * the reply is read with a named pattern; k sampled verdicts are combined by `vote`. A reply the
 * pattern cannot read, or a rating outside the scale, makes that verdict invalid; when no verdict
 * is valid the sample is `unparseable` with the raw replies in details. Not deterministic.
 */
export const judgeReward = defineRewardKind({
  name: 'judge',
  description:
    'an LLM judge over a chat endpoint: pointwise, reference-guided, rubric, pairwise or ProcessBench critique',
  optionsSchema: JudgeOptionsSchema,
  defaultTimeoutSeconds: 600,
  execution: 'io',
  deterministic: false,
  create: (options: JudgeOptions, environment) => {
    const apis = endpointApis(options.model, environment, { max_batch: 1, max_wait_ms: 0 });
    const mode = options.mode;
    if (mode === 'rubric' && (options.criteria === undefined || options.criteria.length === 0)) {
      throw new SpecError(
        "judge mode 'rubric' needs options.criteria (a list of {name, weight, description})",
        { where: 'options.criteria' },
      );
    }
    const template = options.template ?? JUDGE_TEMPLATES[mode];
    const { min, max } = options.scale;
    const scaled = (value: number) => (value - min) / (max - min);
    const ratingPattern = compileReplyPattern(options.pattern ?? JUDGE_PATTERNS.pointwise, 'options.pattern');
    const pairPattern = compileReplyPattern(options.pattern ?? JUDGE_PATTERNS.pairwise, 'options.pattern');
    const indexPattern = compileReplyPattern(
      options.pattern ?? JUDGE_PATTERNS.processbench,
      'options.pattern',
    );
    const criterionPatterns = (options.criteria ?? []).map((criterion) => ({
      ...criterion,
      pattern: compileReplyPattern(
        (options.pattern ?? '{name}:\\s*\\[\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\]\\]').replaceAll(
          '{name}',
          escapeRegex(criterion.name),
        ),
        'options.pattern',
      ),
    }));

    /** One reply's verdict in [0, 1] (processbench: the earliest wrong index), or a reason it has none. */
    function read(reply: string, steps: number): { value: number } | { problem: string } {
      if (mode === 'pointwise' || mode === 'reference') {
        const text = lastVerdict(ratingPattern, reply);
        if (text === undefined) return { problem: 'no rating in the reply' };
        const value = Number(text);
        if (!(value >= min && value <= max)) return { problem: `rating ${text} is outside ${min}..${max}` };
        return { value: scaled(value) };
      }
      if (mode === 'rubric') {
        let weighted = 0;
        let weights = 0;
        for (const criterion of criterionPatterns) {
          const text = lastVerdict(criterion.pattern, reply);
          if (text === undefined) return { problem: `no rating for criterion '${criterion.name}'` };
          const value = Number(text);
          if (!(value >= min && value <= max))
            return { problem: `criterion '${criterion.name}': rating ${text} is outside ${min}..${max}` };
          weighted += criterion.weight * scaled(value);
          weights += criterion.weight;
        }
        return { value: weighted / weights };
      }
      if (mode === 'pairwise') {
        const text = lastVerdict(pairPattern, reply);
        if (text === undefined) return { problem: 'no [[A]]/[[B]]/[[C]] verdict in the reply' };
        return { value: text === 'A' ? 1 : text === 'B' ? 0 : 0.5 };
      }
      const text = lastVerdict(indexPattern, reply);
      if (text === undefined) return { problem: 'no \\boxed{index} in the reply' };
      const index = Number(text);
      if (!Number.isInteger(index) || index < -1 || index >= steps)
        return { problem: `paragraph index ${text} is not in -1..${steps - 1}` };
      return { value: index };
    }

    async function ask(prompt: string, signal: AbortSignal, steps: number) {
      const { choices, sent } = await sampleVerdicts(apis, options.sampling, prompt, {}, signal);
      const replies = choices.map((choice) => choice.message.content ?? '');
      const verdicts = replies.map((reply) => read(reply, steps));
      return { replies, verdicts, sent };
    }

    return {
      async score(sample, context): Promise<ComponentResult> {
        const question = questionOf(sample);
        const values: Record<string, string> = {
          question,
          response: sample.response,
          reference: String(sample.reference?.answer ?? ''),
          scale_min: String(min),
          scale_max: String(max),
          criteria: criteriaList(options.criteria ?? []),
        };
        if (mode === 'processbench') {
          if (context.steps.length === 0)
            return cannotAsk('no steps to critique', 'set steps: {split: paragraph}');
          values['paragraphs'] = taggedParagraphs(context.steps);
        }
        if (mode === 'reference' && values['reference'] === '')
          return cannotAsk('the sample has no reference.answer for a reference-guided judge');
        let prompts: string[];
        if (mode === 'pairwise') {
          const other = valueAt(sample, options.against);
          if (typeof other !== 'string')
            return cannotAsk(`pairwise judge: no string at '${options.against}' to compare against`);
          prompts = [fillTemplate(template, { ...values, response_a: sample.response, response_b: other })];
          if (options.swap)
            prompts.push(
              fillTemplate(template, { ...values, response_a: other, response_b: sample.response }),
            );
        } else {
          prompts = [fillTemplate(template, values)];
        }
        try {
          const asked = await Promise.all(
            prompts.map((prompt) => ask(prompt, context.signal, context.steps.length)),
          );
          // With swap, the second order's verdicts count from the response's side (1 - verdict).
          const verdicts = asked.flatMap((entry, order) =>
            entry.verdicts.map((verdict) =>
              'value' in verdict && order === 1 ? { value: 1 - verdict.value } : verdict,
            ),
          );
          const replies = asked.flatMap((entry) => entry.replies);
          const valid = verdicts
            .filter((verdict): verdict is { value: number } => 'value' in verdict)
            .map((verdict) => verdict.value);
          const problems = verdicts.flatMap((verdict) => ('problem' in verdict ? [verdict.problem] : []));
          const sent = asked.flatMap((entry) => entry.sent);
          if (valid.length === 0) {
            return explained(
              unreadableReply(problems[0] ?? 'no verdict', replies, {
                mode,
                invalid_verdicts: problems.length,
              }),
              options.explain,
              sent,
              replies,
            );
          }
          const details: Record<string, unknown> = {
            mode,
            verdicts: valid,
            invalid_verdicts: problems.length,
            vote: options.vote,
          };
          if (problems.length > 0) details['problems'] = problems;
          if (mode !== 'processbench')
            return explained(decided(vote(valid, options.vote), details), options.explain, sent, replies);
          return explained(
            processBenchResult(valid, context.steps.length, options.vote, details),
            options.explain,
            sent,
            replies,
          );
        } catch (error) {
          return failedCall(error, { mode });
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

/**
 * ProcessBench verdicts (earliest wrong paragraph, -1 for none) as a result. An index e puts
 * steps before e at 1 and steps from e on at 0. `majority`: the most frequent index (ties to the
 * earliest error); `mean`: each step's share of verdicts that keep it correct. Score: 1 when the
 * voted verdict finds no error (mean: the share of verdicts finding none).
 */
function processBenchResult(
  indices: readonly number[],
  steps: number,
  rule: 'mean' | 'majority',
  details: Record<string, unknown>,
): ComponentResult {
  const positions = indices.map((index) => (index === -1 ? steps : index));
  if (rule === 'majority') {
    const position = vote(positions, 'majority');
    const stepScores = Array.from({ length: steps }, (_value, step) => (step < position ? 1 : 0));
    return decided(
      position === steps ? 1 : 0,
      { ...details, earliest_error: position === steps ? -1 : position },
      stepScores,
    );
  }
  const stepScores = Array.from(
    { length: steps },
    (_value, step) => positions.filter((position) => step < position).length / positions.length,
  );
  const score = positions.filter((position) => position === steps).length / positions.length;
  return decided(score, details, stepScores);
}
