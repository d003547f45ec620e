import { z } from 'zod';
import type { ComponentResult } from '../core/result.js';
import { type ComponentScorer, defineRewardKind } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import {
  activationField,
  BatchingOptionSchema,
  ClassifyResponseSchema,
  conversationOf,
  decided,
  EndpointOptionSchema,
  endpointApis,
  explained,
  failedCall,
  fillTemplate,
  parseReply,
  questionOf,
  ServerQuirksSchema,
  unreadableReply,
} from '../models/index.js';

export const OrmOptionsSchema = z
  .object({
    /** The endpoint: a name from the spec's `models:` section, or an inline endpoint. */
    model: EndpointOptionSchema,
    /**
     * Which API gives the score: `classify` (vLLM `/classify`, SGLang `/v1/classify`: the last
     * class's `probs`), `embeddings` (SGLang `/v1/embeddings`: the last element, as verl reads
     * it) or `pooling` (vLLM `/pooling`: the last element of the pooled output).
     */
    api: z.enum(['classify', 'embeddings', 'pooling']).default('classify'),
    /** `text`: the template below; `messages`: the prompt's chat plus the response (server applies its chat template; no batching). */
    input: z.enum(['text', 'messages']).default('text'),
    template: z.string().default('{prompt}\n\n{response}'),
    /** Index into the class probabilities (negative counts from the end); -1 as verl. */
    class_index: z.number().int().default(-1),
    /** Ask the server to apply (true) or skip (false) its activation; unset: the server's default. */
    activation: z.boolean().optional(),
    /** score = f((raw - shift) / scale), f one of none | sigmoid | tanh. */
    normalize: z.enum(['none', 'sigmoid', 'tanh']).default('none'),
    shift: z.number().default(0),
    scale: z
      .number()
      .refine((value) => value !== 0, 'scale must not be 0')
      .default(1),
    quirks: ServerQuirksSchema,
    batching: BatchingOptionSchema,
    /** Put the request and the raw reply in details. */
    explain: z.boolean().default(false),
  })
  .strict();

type OrmOptions = z.output<typeof OrmOptionsSchema>;

const NORMALIZERS = {
  none: (value: number) => value,
  sigmoid: (value: number) => 1 / (1 + Math.exp(-value)),
  tanh: (value: number) => Math.tanh(value),
} as const;

function textOf(options: OrmOptions, sample: Sample): string {
  return fillTemplate(options.template, { prompt: questionOf(sample), response: sample.response });
}

/** Picks the element at `index` (negative from the end); undefined when out of range. */
function at(values: readonly number[], index: number): number | undefined {
  return values[index < 0 ? values.length + index : index];
}

/**
 * `type: orm`: an outcome reward model behind an endpoint; one scalar per response.
 * raw = classify `probs[class_index]` | embeddings `embedding[-1]` | pooling `data[-1]`;
 * score = normalize((raw - shift) / scale). A reply without that number is `unparseable`.
 */
export const ormReward = defineRewardKind({
  name: 'orm',
  description:
    'an outcome reward model behind an endpoint (vLLM classify/pooling, SGLang classify/embeddings)',
  optionsSchema: OrmOptionsSchema,
  defaultTimeoutSeconds: 300,
  execution: 'io',
  deterministic: true,
  create: (options, environment) => {
    const apis = endpointApis(options.model, environment, options.batching);
    const normalize = NORMALIZERS[options.normalize];
    const activation = activationField(options.quirks, options.activation);
    const classifyRoute = options.quirks.classify_route === 'root' ? 'classify_root' : 'classify_v1';

    async function rawScore(
      sample: Sample,
      signal: AbortSignal,
    ): Promise<{ raw: unknown; values: number[]; sent: unknown }> {
      if (options.input === 'messages') {
        const body = { messages: conversationOf(sample), ...activation };
        const route =
          options.api === 'classify' ? classifyRoute : options.api === 'pooling' ? 'pooling' : 'embeddings';
        const reply = await apis.client.post(route, body, { signal });
        if (options.api === 'classify') {
          const parsed = parseReply(ClassifyResponseSchema, reply, 'classify', apis.client.name);
          return { raw: reply, values: parsed.data[0]?.probs ?? [], sent: body };
        }
        const data = (reply as { data?: { data?: unknown; embedding?: unknown }[] }).data?.[0];
        const vector = data?.data ?? data?.embedding;
        return { raw: reply, values: Array.isArray(vector) ? (vector.flat(2) as number[]) : [], sent: body };
      }
      const text = textOf(options, sample);
      if (options.api === 'classify') {
        const answer = await apis.classify(classifyRoute, text, activation, signal);
        return { raw: answer, values: answer.probs, sent: text };
      }
      if (options.api === 'embeddings') {
        const vector = await apis.embed(text, {}, signal);
        return { raw: vector, values: vector, sent: text };
      }
      const pooled = await apis.pool(text, activation, signal);
      return { raw: pooled, values: (pooled as unknown[]).flat(2) as number[], sent: text };
    }

    return {
      async score(sample, context): Promise<ComponentResult> {
        try {
          const { raw, values, sent } = await rawScore(sample, context.signal);
          const index = options.api === 'classify' ? options.class_index : -1;
          const picked = at(values, index);
          if (typeof picked !== 'number' || !Number.isFinite(picked)) {
            return explained(
              unreadableReply(`the ${options.api} reply has no number at index ${index}`, raw),
              options.explain,
              sent,
              raw,
            );
          }
          const score = normalize((picked - options.shift) / options.scale);
          return explained(
            decided(score, { raw_score: picked, api: options.api }),
            options.explain,
            sent,
            raw,
          );
        } catch (error) {
          return failedCall(error, { api: options.api });
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
