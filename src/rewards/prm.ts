import { z } from 'zod';
import type { ComponentResult } from '../core/result.js';
import { type ComponentScorer, defineRewardKind } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import {
  activationField,
  BatchingOptionSchema,
  cannotAsk,
  decided,
  EndpointOptionSchema,
  endpointApis,
  explained,
  failedCall,
  fillTemplate,
  questionOf,
  ServerQuirksSchema,
  unreadableReply,
} from '../models/index.js';
import { aggregateStepScores, StepAggregateSchema } from './prm-aggregate.js';
import { labelProbability } from './prm-next-token.js';
import { PRM_PRESETS } from './prm-presets.js';

export const PrmOptionsSchema = z
  .object({
    model: EndpointOptionSchema,
    /**
     * `pooling`: a discriminative PRM through vLLM `/pooling` (token_classify, STEP pooling) read
     * at the step tags; `next_token`: a generative-label PRM through `/v1/completions`, one prompt
     * per step prefix, reading the next-token log-probabilities of the good and bad labels.
     */
    method: z.enum(['pooling', 'next_token']).default('pooling'),
    /** The model family whose input format and label order to use (see prm-presets.ts). */
    preset: z.enum(['qwen2.5-math-prm', 'math-shepherd']).default('qwen2.5-math-prm'),
    /** Overrides of the preset. */
    input: z.enum(['messages', 'text']).optional(),
    system_prompt: z.string().optional(),
    /** `{question}` and `{steps}` (the tagged steps) for text input. */
    text_template: z.string().optional(),
    step_tag: z.string().min(1).optional(),
    step_join: z.string().optional(),
    /** Which column of a pooled row is P(step correct). */
    positive_index: z.number().int().min(0).optional(),
    /** Next-token labels (method next_token): tokens meaning good / bad, compared trimmed. */
    good_tokens: z.array(z.string().min(1)).min(1).default(['+']),
    bad_tokens: z.array(z.string().min(1)).min(1).default(['-']),
    top_logprobs: z.number().int().min(2).max(20).default(20),
    /** Ask the server to apply (true) or skip (false) its activation; unset: the server's default. */
    activation: z.boolean().optional(),
    /** The component's score from the step scores (the steps themselves go to the process stage). */
    aggregate: StepAggregateSchema,
    quirks: ServerQuirksSchema,
    batching: BatchingOptionSchema,
    explain: z.boolean().default(false),
  })
  .strict();

type PrmOptions = z.output<typeof PrmOptionsSchema>;

function settingsOf(options: PrmOptions) {
  const preset = PRM_PRESETS[options.preset];
  return {
    input: options.input ?? preset.input,
    systemPrompt: options.system_prompt ?? preset.system_prompt,
    textTemplate: options.text_template ?? preset.text_template,
    stepTag: options.step_tag ?? preset.step_tag,
    stepJoin: options.step_join ?? preset.step_join,
    positiveIndex: options.positive_index ?? preset.positive_index,
  };
}

/**
 * `type: prm`: per-step probabilities from a process reward model. The number of scores must
 * equal the number of steps, else the sample is `unparseable` with the raw reply in details.
 * `stepScores` go to the process stage (aggregation, credit assignment, shaping), so `prm` plus a
 * `process:` section gives dense rewards; the component's own score aggregates them (`aggregate`).
 */
export const prmReward = defineRewardKind({
  name: 'prm',
  description:
    'a process reward model behind an endpoint: a probability per step (vLLM pooling or next-token labels)',
  optionsSchema: PrmOptionsSchema,
  defaultTimeoutSeconds: 300,
  execution: 'io',
  deterministic: true,
  create: (options, environment) => {
    const apis = endpointApis(options.model, environment, options.batching);
    const settings = settingsOf(options);
    const activation = activationField(options.quirks, options.activation);
    const task = options.quirks.pooling_task === 'none' ? {} : { task: options.quirks.pooling_task };

    const tagged = (steps: readonly string[]) =>
      steps.map((step) => `${step}${settings.stepTag}`).join(settings.stepJoin);

    async function byPooling(
      sample: Sample,
      steps: readonly string[],
      signal: AbortSignal,
    ): Promise<ComponentResult> {
      const question = questionOf(sample);
      const input =
        settings.input === 'messages'
          ? [
              ...(settings.systemPrompt === '' ? [] : [{ role: 'system', content: settings.systemPrompt }]),
              { role: 'user', content: question },
              { role: 'assistant', content: tagged(steps) },
            ]
          : fillTemplate(settings.textTemplate, { question, steps: tagged(steps) });
      let rows: number[][] | number[];
      try {
        rows = await apis.pool(input, { ...task, ...activation }, signal);
      } catch (error) {
        return explained(failedCall(error, { method: 'pooling' }), options.explain, input, undefined);
      }
      const scores = rows.map((row) => (Array.isArray(row) ? row[settings.positiveIndex] : row));
      if (
        scores.length !== steps.length ||
        scores.some((score) => typeof score !== 'number' || !Number.isFinite(score))
      ) {
        const reason =
          scores.length !== steps.length
            ? `${scores.length} step scores for ${steps.length} steps${scores.length > steps.length ? ' (is the server pooling every token? serve the PRM with STEP pooling and its step_tag_id)' : ''}`
            : `a pooled row has no number at column ${settings.positiveIndex}`;
        return explained(unreadableReply(reason, rows, { method: 'pooling' }), options.explain, input, rows);
      }
      return explained(finish(scores as number[], { method: 'pooling' }), options.explain, input, rows);
    }

    async function byNextToken(
      sample: Sample,
      steps: readonly string[],
      signal: AbortSignal,
    ): Promise<ComponentResult> {
      const question = questionOf(sample);
      const prompts = steps.map((_step, index) =>
        fillTemplate(settings.textTemplate, { question, steps: tagged(steps.slice(0, index + 1)) }),
      );
      const body = { prompt: prompts, max_tokens: 1, temperature: 0, logprobs: options.top_logprobs };
      let reply: Awaited<ReturnType<typeof apis.completions>>;
      try {
        reply = await apis.completions(body, signal);
      } catch (error) {
        return explained(failedCall(error, { method: 'next_token' }), options.explain, body, undefined);
      }
      const ordered = [...reply.choices].sort((left, right) => left.index - right.index);
      if (ordered.length !== steps.length) {
        return explained(
          unreadableReply(`${ordered.length} step scores for ${steps.length} steps`, reply, {
            method: 'next_token',
          }),
          options.explain,
          body,
          reply,
        );
      }
      const scores: number[] = [];
      for (const [index, choice] of ordered.entries()) {
        const top = choice.logprobs?.top_logprobs?.[0];
        const probability =
          top == null ? undefined : labelProbability(top, options.good_tokens, options.bad_tokens);
        if (probability === undefined) {
          return explained(
            unreadableReply(
              `step ${index + 1}: neither a good nor a bad label among the next-token logprobs`,
              choice,
              { method: 'next_token' },
            ),
            options.explain,
            body,
            reply,
          );
        }
        scores.push(probability);
      }
      return explained(finish(scores, { method: 'next_token' }), options.explain, body, reply);
    }

    function finish(scores: number[], details: Record<string, unknown>): ComponentResult {
      const score = aggregateStepScores(options.aggregate, scores);
      return decided(score, { ...details, step_scores: scores, aggregate: options.aggregate }, scores);
    }

    return {
      async score(sample, context): Promise<ComponentResult> {
        if (context.steps.length === 0) {
          return cannotAsk(
            'no steps to score',
            'set steps: {split: paragraph} in the spec or give steps in the sample',
          );
        }
        return options.method === 'pooling'
          ? byPooling(sample, context.steps, context.signal)
          : byNextToken(sample, context.steps, context.signal);
      },
      scoreBatch(samples, contexts) {
        return Promise.all(
          samples.map((sample, index) => (this as ComponentScorer).score(sample, contexts[index]!)),
        );
      },
    };
  },
});
