import type { ChatCompletion, Completion } from './protocol.js';

/**
 * Plain-loop checks that a parsed reply already has exactly the shape `CompletionSchema` /
 * `ChatCompletionSchema` (protocol.ts) accept, with nothing for zod to fill in. A search reads
 * thousands of generation replies with a log-probability per token, and zod's generic walk over
 * every token costs more CPU than the request itself. When a check says no (a field of another
 * type, a missing default, a rare field such as `prompt_logprobs`), the caller validates with the
 * schema as before, so messages and accepted shapes do not change; only the common case is fast.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isAbsentOrNull = (value: unknown): boolean => value === undefined || value === null;
const isFinishReason = (value: unknown): boolean => isAbsentOrNull(value) || typeof value === 'string';

function isStringArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

function isNullableNumberArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (item !== null && !isNumber(item)) return false;
  return true;
}

function isIntegerArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!Number.isSafeInteger(item)) return false;
  return true;
}

/** `top_logprobs`: per token null or `{token: logprob}`. */
function isTopLogprobsList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const record of value) {
    if (record === null) continue;
    if (!isObject(record)) return false;
    for (const key in record) if (!isNumber(record[key])) return false;
  }
  return true;
}

function isCompletionLogprobs(value: unknown): boolean {
  if (isAbsentOrNull(value)) return true;
  if (!isObject(value)) return false;
  if (!isStringArray(value['tokens']) || !isNullableNumberArray(value['token_logprobs'])) return false;
  const offsets = value['text_offset'];
  if (offsets !== undefined && !isIntegerArray(offsets)) return false;
  const top = value['top_logprobs'];
  return isAbsentOrNull(top) || isTopLogprobsList(top);
}

/** True when `value` passes `CompletionSchema` unchanged (prompt log-probabilities go to zod). */
export function isPlainCompletion(value: unknown): value is Completion {
  if (!isObject(value)) return false;
  const choices = value['choices'];
  if (!Array.isArray(choices) || choices.length === 0) return false;
  for (const choice of choices) {
    if (!isObject(choice)) return false;
    if (!Number.isSafeInteger(choice['index']) || typeof choice['text'] !== 'string') return false;
    if (!isFinishReason(choice['finish_reason'])) return false;
    if (!isAbsentOrNull(choice['prompt_logprobs']) || !isAbsentOrNull(choice['prompt_token_ids']))
      return false;
    if (!isCompletionLogprobs(choice['logprobs'])) return false;
  }
  return true;
}

function isChatTokens(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const token of value) {
    if (!isObject(token) || typeof token['token'] !== 'string' || !isNumber(token['logprob'])) return false;
    // A missing top_logprobs is filled with [] by the schema: left to zod.
    const top = token['top_logprobs'];
    if (!Array.isArray(top)) return false;
    for (const entry of top)
      if (!isObject(entry) || typeof entry['token'] !== 'string' || !isNumber(entry['logprob'])) return false;
  }
  return true;
}

/** True when `value` passes `ChatCompletionSchema` unchanged. */
export function isPlainChatCompletion(value: unknown): value is ChatCompletion {
  if (!isObject(value)) return false;
  const choices = value['choices'];
  if (!Array.isArray(choices) || choices.length === 0) return false;
  for (const choice of choices) {
    if (!isObject(choice) || !Number.isSafeInteger(choice['index'])) return false;
    const message = choice['message'];
    if (!isObject(message) || !(typeof message['content'] === 'string' || message['content'] === null))
      return false;
    if (!isFinishReason(choice['finish_reason'])) return false;
    const logprobs = choice['logprobs'];
    if (isAbsentOrNull(logprobs)) continue;
    if (!isObject(logprobs)) return false;
    const content = logprobs['content'];
    if (content !== null && !isChatTokens(content)) return false;
  }
  return true;
}
