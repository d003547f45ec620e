import { z } from 'zod';
import type { ComponentResult } from '../core/result.js';
import { type ComponentScorer, defineRewardKind } from '../core/reward-kind.js';
import {
  cannotAsk,
  decided,
  EndpointOptionSchema,
  endpointApis,
  explained,
  failedCall,
  fillTemplate,
  questionOf,
  unreadableReply,
} from '../models/index.js';
import { sequenceLogprobs } from './implicit-prm-logprobs.js';
import { implicitStepRewards, locateSteps } from './implicit-prm-math.js';
import { aggregateStepScores } from './prm-aggregate.js';

export const ImplicitPrmOptionsSchema = z
  .object({
    /** The trained model pi_theta (an implicit PRM / PRIME reward model) and the reference pi_ref. */
    policy: EndpointOptionSchema,
    reference: EndpointOptionSchema,
    beta: z.number().positive().default(0.05),
    /** The scored sequence; `{response}` must occur exactly once. */
    template: z
      .string()
      .refine(
        (template) => template.split('{response}').length === 2,
        'template must contain {response} exactly once',
      )
      .default('{prompt}\n\n{response}'),
    /**
     * How the prompt log-probabilities are asked for: `echo` (legacy `echo` + `logprobs`),
     * `prompt_logprobs` (vLLM, with `return_token_ids`), or `both` (read echo first).
     */
    request: z.enum(['echo', 'prompt_logprobs', 'both']).default('both'),
    /** The component's score from the step rewards: their `sum` (the implicit outcome reward), `min`, `mean` or `last`. */
    aggregate: z.enum(['sum', 'min', 'mean', 'last']).default('sum'),
    explain: z.boolean().default(false),
  })
  .strict();

/**
 * `type: implicit_prm`: step rewards read from the log-probabilities two models give the same
 * token sequence (prompt + response), r_k = beta * sum over step k's tokens of
 * (log pi_theta - log pi_ref) (implicit-prm-math.ts). Both endpoints must return the same tokens;
 * otherwise, or when a step cannot be found in the response, the sample is not scored.
 */
export const implicitPrmReward = defineRewardKind({
  name: 'implicit_prm',
  description:
    'implicit process rewards: beta * log-ratio of a policy and a reference model, summed per step',
  optionsSchema: ImplicitPrmOptionsSchema,
  defaultTimeoutSeconds: 300,
  execution: 'io',
  deterministic: true,
  create: (options, environment) => {
    const noBatching = { max_batch: 1, max_wait_ms: 0 };
    const policy = endpointApis(options.policy, environment, noBatching);
    const reference = endpointApis(options.reference, environment, noBatching);
    const [before, after] = options.template.split('{response}') as [string, string];
    const requestFields = {
      max_tokens: 1,
      temperature: 0,
      ...(options.request === 'prompt_logprobs' ? {} : { echo: true, logprobs: 0 }),
      ...(options.request === 'echo' ? {} : { prompt_logprobs: 0, return_token_ids: true }),
    };
    return {
      async score(sample, context): Promise<ComponentResult> {
        if (context.steps.length === 0)
          return cannotAsk('no steps to reward', 'set steps: {split: paragraph}');
        const values = { prompt: questionOf(sample) };
        const prefix = fillTemplate(before, values);
        const text = `${prefix}${sample.response}${fillTemplate(after, values)}`;
        const responseEnd = prefix.length + sample.response.length;
        const starts = locateSteps(sample.response, context.steps, prefix.length);
        const missing = starts.indexOf(undefined);
        if (missing !== -1) return cannotAsk(`step ${missing + 1} does not occur in the response`);
        const body = { prompt: text, ...requestFields };
        let replies: Awaited<ReturnType<typeof policy.completions>>[];
        try {
          replies = await Promise.all([
            policy.completions(body, context.signal),
            reference.completions(body, context.signal),
          ]);
        } catch (error) {
          return explained(failedCall(error, {}), options.explain, body, undefined);
        }
        const [policyTokens, referenceTokens] = replies.map((reply) => sequenceLogprobs(reply, text)) as [
          ReturnType<typeof sequenceLogprobs>,
          ReturnType<typeof sequenceLogprobs>,
        ];
        if ('problem' in policyTokens)
          return explained(
            unreadableReply(`policy: ${policyTokens.problem}`, replies[0]),
            options.explain,
            body,
            replies,
          );
        if ('problem' in referenceTokens)
          return explained(
            unreadableReply(`reference: ${referenceTokens.problem}`, replies[1]),
            options.explain,
            body,
            replies,
          );
        const same =
          policyTokens.tokens.length === referenceTokens.tokens.length &&
          policyTokens.tokens.every(
            (token, index) =>
              token.text === referenceTokens.tokens[index]?.text &&
              token.offset === referenceTokens.tokens[index]?.offset,
          );
        if (!same) {
          return explained(
            unreadableReply('the policy and the reference tokenized the sequence differently', {
              policy_tokens: policyTokens.tokens.length,
              reference_tokens: referenceTokens.tokens.length,
            }),
            options.explain,
            body,
            replies,
          );
        }
        const computed = implicitStepRewards(
          policyTokens.tokens,
          referenceTokens.tokens,
          starts as number[],
          responseEnd,
          options.beta,
        );
        if ('problem' in computed)
          return explained(unreadableReply(computed.problem, replies), options.explain, body, replies);
        const rewards = computed.rewards;
        const score =
          options.aggregate === 'sum'
            ? rewards.reduce((sum, reward) => sum + reward, 0)
            : aggregateStepScores(options.aggregate, rewards);
        return explained(
          decided(
            score,
            {
              step_rewards: rewards,
              beta: options.beta,
              aggregate: options.aggregate,
              tokens: policyTokens.tokens.length,
            },
            rewards,
          ),
          options.explain,
          body,
          replies,
        );
      },
      scoreBatch(samples, contexts) {
        return Promise.all(
          samples.map((sample, index) => (this as ComponentScorer).score(sample, contexts[index]!)),
        );
      },
    };
  },
});
