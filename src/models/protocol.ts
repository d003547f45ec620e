import { z } from 'zod';

/**
 * The response shapes rewardkit reads, as vLLM, SGLang and OpenAI send them (extra fields pass
 * through). A reply that does not match is "unparseable", never a guessed number.
 */

const finiteNumber = z.number().finite();

/** vLLM `/classify`, SGLang `/v1/classify`: `data[i] = {index, label, probs, num_classes}`. */
export const ClassifyResponseSchema = z
  .object({
    data: z.array(
      z
        .object({ index: z.number().int(), probs: z.array(finiteNumber).min(1), label: z.unknown() })
        .passthrough(),
    ),
  })
  .passthrough();

/**
 * vLLM `/pooling`: `data[i] = {index, object: "pooling", data}` where `data` is one row per
 * pooled token (token_classify with STEP pooling: one row per step tag, one column per label or
 * per `returned_token_ids` entry), or a flat vector for sequence-level pooling.
 */
export const PoolingResponseSchema = z
  .object({
    data: z.array(
      z
        .object({
          index: z.number().int(),
          data: z.union([z.array(z.array(finiteNumber)), z.array(finiteNumber)]),
        })
        .passthrough(),
    ),
  })
  .passthrough();

/** OpenAI `/v1/embeddings` (SGLang serves reward models through it): `data[i].embedding`. */
export const EmbeddingsResponseSchema = z
  .object({
    data: z.array(
      z.object({ index: z.number().int(), embedding: z.array(finiteNumber).min(1) }).passthrough(),
    ),
  })
  .passthrough();

const TopLogprobSchema = z.object({ token: z.string(), logprob: z.number() }).passthrough();

/** One generated token of a chat completion with `logprobs: true`. */
export const ChatTokenLogprobSchema = z
  .object({ token: z.string(), logprob: z.number(), top_logprobs: z.array(TopLogprobSchema).default([]) })
  .passthrough();

export const ChatCompletionSchema = z
  .object({
    choices: z
      .array(
        z
          .object({
            index: z.number().int(),
            message: z.object({ content: z.string().nullable() }).passthrough(),
            logprobs: z
              .object({ content: z.array(ChatTokenLogprobSchema).nullable() })
              .passthrough()
              .nullable()
              .optional(),
            finish_reason: z.string().nullable().optional(),
          })
          .passthrough(),
      )
      .min(1),
  })
  .passthrough();

/** Legacy completions logprobs: parallel arrays over tokens (prompt ones first when `echo`). */
export const CompletionLogprobsSchema = z
  .object({
    tokens: z.array(z.string()),
    token_logprobs: z.array(z.number().nullable()),
    text_offset: z.array(z.number().int()).optional(),
    top_logprobs: z.array(z.record(z.string(), z.number()).nullable()).nullable().optional(),
  })
  .passthrough();

/** vLLM `prompt_logprobs[i]`: null for the first token, else `{token_id: {logprob, rank, decoded_token}}`. */
export const PromptLogprobEntrySchema = z
  .record(
    z.string(),
    z
      .object({
        logprob: z.number(),
        rank: z.number().nullable().optional(),
        decoded_token: z.string().nullable().optional(),
      })
      .passthrough(),
  )
  .nullable();

export const CompletionSchema = z
  .object({
    choices: z
      .array(
        z
          .object({
            index: z.number().int(),
            text: z.string(),
            logprobs: CompletionLogprobsSchema.nullable().optional(),
            prompt_logprobs: z.array(PromptLogprobEntrySchema).nullable().optional(),
            prompt_token_ids: z.array(z.number().int()).nullable().optional(),
            finish_reason: z.string().nullable().optional(),
          })
          .passthrough(),
      )
      .min(1),
  })
  .passthrough();

export type ClassifyResponse = z.infer<typeof ClassifyResponseSchema>;
export type PoolingResponse = z.infer<typeof PoolingResponseSchema>;
export type EmbeddingsResponse = z.infer<typeof EmbeddingsResponseSchema>;
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;
export type ChatTokenLogprob = z.infer<typeof ChatTokenLogprobSchema>;
export type Completion = z.infer<typeof CompletionSchema>;
export type CompletionLogprobs = z.infer<typeof CompletionLogprobsSchema>;

/** A chat message as the OpenAI API takes it. */
export interface ChatMessageInput {
  role: string;
  content: string;
}
