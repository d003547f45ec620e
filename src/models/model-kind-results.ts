import { toErrorInfo } from '../core/errors.js';
import type { ComponentResult } from '../core/result.js';
import { ModelRequestError } from './model-request-error.js';

/**
 * A model call that gave no usable answer, as a component result: `timeout` when the deadline or
 * the endpoint's timeout passed, `unparseable` when the reply was not what the protocol says
 * (the raw reply kept in `details.raw_reply`), `error` when the endpoint failed (down, 5xx after
 * retries, 429 storm). Never a score of 0.
 */
export function failedCall(error: unknown, details: Record<string, unknown> = {}): ComponentResult {
  const info = toErrorInfo(error);
  if (error instanceof ModelRequestError) {
    const status =
      error.failure === 'timeout' || error.failure === 'aborted'
        ? 'timeout'
        : error.failure === 'malformed'
          ? 'unparseable'
          : 'error';
    return {
      score: null,
      status,
      details: {
        ...details,
        reason: error.message,
        attempts: error.attempts,
        ...(error.status === undefined ? {} : { http_status: error.status }),
        ...(error.rawReply === undefined ? {} : { raw_reply: error.rawReply }),
      },
      error: info,
    };
  }
  return {
    score: null,
    status: 'error',
    details: { ...details, reason: info.message },
    error: info.code === 'RK_INTERNAL' ? { ...info, code: 'RK_COMPONENT_ERROR' } : info,
  };
}

/** A reply that arrived but cannot be read as the kind expects (raw reply in details). */
export function unreadableReply(
  reason: string,
  rawReply: unknown,
  details: Record<string, unknown> = {},
  stepScores?: (number | null)[],
): ComponentResult {
  const result: ComponentResult = {
    score: null,
    status: 'unparseable',
    details: { ...details, reason, raw_reply: rawReply },
    error: { code: 'RK_UNPARSEABLE', message: reason },
  };
  if (stepScores !== undefined) result.stepScores = stepScores;
  return result;
}

/** A result for a sample the kind cannot even ask about (no steps, no question). */
export function cannotAsk(reason: string, hint?: string): ComponentResult {
  return {
    score: null,
    status: 'unparseable',
    details: { reason },
    error: { code: 'RK_UNPARSEABLE', message: reason, ...(hint === undefined ? {} : { hint }) },
  };
}

/** Adds what was sent and what came back to details when the kind's `explain` option is on. */
export function explained(
  result: ComponentResult,
  explain: boolean,
  sent: unknown,
  reply: unknown,
): ComponentResult {
  if (!explain) return result;
  return { ...result, details: { ...result.details, request: sent, reply } };
}

/** A decided score in the kind's range; the status says where it falls. */
export function decided(
  score: number,
  details: Record<string, unknown>,
  stepScores?: (number | null)[],
): ComponentResult {
  const result: ComponentResult = {
    score,
    status: score >= 1 ? 'correct' : score <= 0 ? 'incorrect' : 'partial',
    details,
  };
  if (stepScores !== undefined) result.stepScores = stepScores;
  return result;
}
