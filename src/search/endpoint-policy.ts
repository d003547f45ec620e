import type { ModelApis } from '../models/index.js';
import { finalAnswer } from './answer-groups.js';
import { STEP_SEPARATOR } from './solution-text.js';
import type { Continuation, ContinuationStop, ContinueRequest, Policy, SearchProblem } from './types.js';

export interface EndpointPolicyOptions {
  /** `completions` (default: the prefix is sent as raw text, prefix-cache friendly) or `chat`. */
  api: 'completions' | 'chat';
  /** The prompt around the problem text; `{problem}` is replaced. Completions only. */
  template: string;
  temperature: number;
  /** Cap on generated tokens per request (a whole solution, or one step). */
  maxTokens: number;
  topP: number;
}

export const DEFAULT_POLICY_TEMPLATE =
  'Solve the problem step by step, one step per paragraph, and give the final answer as \\boxed{answer}.\n\nProblem: {problem}\n\nSolution:\n';

interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

/**
 * Why a sample stopped. vLLM reports the matched stop string in `stop_reason` (null for EOS);
 * servers that do not (OpenAI) leave it out, and then a sample that stopped while asked to stop at
 * the step separator is read as the end of the solution only when it states a final answer.
 */
function stopOf(
  finishReason: string | null | undefined,
  stopReason: unknown,
  text: string,
  request: ContinueRequest,
): ContinuationStop {
  if (finishReason === 'length') return 'length';
  if (!request.untilStepEnd) return 'end';
  if (typeof stopReason === 'string') return stopReason === STEP_SEPARATOR ? 'step' : 'end';
  if (stopReason === null) return 'end';
  return finalAnswer(text) === null ? 'step' : 'end';
}

/** Splits a request's usage over its samples (by generated tokens when known, else evenly). */
function share(total: number | undefined, count: number): number {
  return total === undefined ? 0 : total / Math.max(1, count);
}

/**
 * The policy behind any OpenAI-compatible endpoint: continues a partial solution by one step
 * (`stop: ["\n\n"]`) or to the end, n samples per request, with a seed and log-probabilities.
 * With `/v1/completions` the prompt is template + prefix, byte-identical across calls that share a
 * prefix, so a server's prefix cache serves every expansion of a node; with `/v1/chat/completions`
 * the prefix is an assistant message continued with vLLM's `continue_final_message`.
 */
export class EndpointPolicy implements Policy {
  constructor(
    private readonly apis: ModelApis,
    private readonly options: EndpointPolicyOptions,
  ) {}

  async continue(
    problem: SearchProblem,
    prefix: string,
    request: ContinueRequest,
    signal?: AbortSignal,
  ): Promise<Continuation[]> {
    const common = {
      model: this.apis.client.endpoint.model,
      n: request.n,
      temperature: this.options.temperature,
      top_p: this.options.topP,
      max_tokens: request.maxTokens ?? this.options.maxTokens,
      seed: request.seed,
      ...(request.untilStepEnd ? { stop: [STEP_SEPARATOR] } : {}),
    };
    if (this.options.api === 'chat') {
      const messages = [
        { role: 'user', content: problem.prompt },
        ...(prefix === '' ? [] : [{ role: 'assistant', content: prefix }]),
      ];
      const reply = await this.apis.chat(
        {
          ...common,
          messages,
          logprobs: true,
          ...(prefix === '' ? {} : { continue_final_message: true, add_generation_prompt: false }),
        },
        signal,
      );
      const usage = (reply as { usage?: Usage }).usage;
      return reply.choices.map((choice) => {
        const text = choice.message.content ?? '';
        const tokens = choice.logprobs?.content ?? null;
        return {
          text,
          stop: stopOf(
            choice.finish_reason,
            (choice as { stop_reason?: unknown }).stop_reason,
            text,
            request,
          ),
          promptTokens: share(usage?.prompt_tokens, reply.choices.length),
          completionTokens: tokens?.length ?? share(usage?.completion_tokens, reply.choices.length),
          logprob: tokens === null ? null : tokens.reduce((sum, token) => sum + token.logprob, 0),
        };
      });
    }
    const prompt = `${this.options.template.replace('{problem}', problem.prompt)}${prefix}`;
    const reply = await this.apis.completions({ ...common, prompt, logprobs: 1 }, signal);
    const usage = (reply as { usage?: Usage }).usage;
    return reply.choices.map((choice) => {
      const tokenLogprobs = choice.logprobs?.token_logprobs ?? null;
      return {
        text: choice.text,
        stop: stopOf(
          choice.finish_reason,
          (choice as { stop_reason?: unknown }).stop_reason,
          choice.text,
          request,
        ),
        promptTokens: share(usage?.prompt_tokens, reply.choices.length),
        completionTokens: tokenLogprobs?.length ?? share(usage?.completion_tokens, reply.choices.length),
        logprob:
          tokenLogprobs === null ? null : tokenLogprobs.reduce((sum: number, value) => sum + (value ?? 0), 0),
      };
    });
  }
}
