import { z } from 'zod';
import type { ChatCompletion, ChatMessageInput, ModelApis } from '../models/index.js';

/** How a judge-like kind samples its verdicts. */
export const JudgeSamplingSchema = z
  .object({
    /** Verdicts sampled per sample (k), combined by `vote`. */
    samples: z.number().int().min(1).max(64).default(1),
    /** Sampling temperature; default 0 for one sample, 0.7 for several. */
    temperature: z.number().min(0).max(2).optional(),
    /** A fixed seed makes the verdicts reproducible (and cacheable) on servers that honour it. */
    seed: z.number().int().optional(),
    max_tokens: z.number().int().min(1).max(131_072).default(2048),
    /** Ask for all k in one request (`n: k`); off for servers without `n`: k requests (seed + i). */
    use_n: z.boolean().default(true),
    system_prompt: z.string().optional(),
  })
  .strict();

export type JudgeSampling = z.output<typeof JudgeSamplingSchema>;

/** The chat request(s) for k verdicts on one prompt; returns every choice, in order. */
export async function sampleVerdicts(
  apis: ModelApis,
  sampling: JudgeSampling,
  prompt: string,
  extra: Record<string, unknown>,
  signal: AbortSignal,
): Promise<{ choices: ChatCompletion['choices']; sent: Record<string, unknown>[] }> {
  const messages: ChatMessageInput[] = [
    ...(sampling.system_prompt === undefined ? [] : [{ role: 'system', content: sampling.system_prompt }]),
    { role: 'user', content: prompt },
  ];
  const temperature = sampling.temperature ?? (sampling.samples === 1 ? 0 : 0.7);
  const base = { messages, temperature, max_tokens: sampling.max_tokens, ...extra };
  const requests: Record<string, unknown>[] =
    sampling.use_n || sampling.samples === 1
      ? [
          {
            ...base,
            ...(sampling.samples === 1 ? {} : { n: sampling.samples }),
            ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
          },
        ]
      : Array.from({ length: sampling.samples }, (_value, index) => ({
          ...base,
          ...(sampling.seed === undefined ? {} : { seed: sampling.seed + index }),
        }));
  const replies = await Promise.all(requests.map((request) => apis.chat(request, signal)));
  const choices = replies.flatMap((reply) =>
    [...reply.choices].sort((left, right) => left.index - right.index),
  );
  return { choices, sent: requests };
}
