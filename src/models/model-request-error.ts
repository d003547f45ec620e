import { type ErrorCode, RewardKitError } from '../core/errors.js';

/** Why a request to a model endpoint gave no usable answer. */
export type ModelFailure = 'unreachable' | 'http' | 'timeout' | 'malformed' | 'aborted';

/**
 * A request that failed for good (after the retries it was allowed). Carries the HTTP status and
 * the raw reply (truncated) so a result's `details` can show what the server actually said.
 */
export class ModelRequestError extends RewardKitError {
  readonly failure: ModelFailure;
  readonly status: number | undefined;
  readonly rawReply: string | undefined;
  readonly attempts: number;

  constructor(
    failure: ModelFailure,
    message: string,
    options: { endpoint: string; status?: number; rawReply?: string; attempts: number; cause?: unknown },
  ) {
    super(codeOf(failure, options.status), message, {
      where: options.endpoint,
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      ...(failure === 'unreachable' ? { hint: 'is the model server running at that base_url?' } : {}),
    });
    this.failure = failure;
    this.status = options.status;
    this.rawReply = options.rawReply;
    this.attempts = options.attempts;
  }
}

function codeOf(failure: ModelFailure, status: number | undefined): ErrorCode {
  switch (failure) {
    case 'timeout':
    case 'aborted':
      return 'RK_TIMEOUT';
    case 'malformed':
      return 'RK_UNPARSEABLE';
    case 'unreachable':
      return 'RK_UNAVAILABLE';
    case 'http':
      if (status === 429) return 'RK_OVERLOADED';
      return status !== undefined && status >= 500 ? 'RK_UNAVAILABLE' : 'RK_COMPONENT_ERROR';
  }
}

/** A raw reply cut to a size that fits in a result's details. */
export function clip(text: string, limit = 2000): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} chars)`;
}
