import { ERROR_CODES, type ErrorCode, type ErrorInfo, RewardKitError } from '../core/errors.js';

/** A failed job's reason carries the RK error as JSON, so the producer can rethrow it typed. */
export function encodeJobError(error: RewardKitError): string {
  return JSON.stringify(error.toInfo());
}

export function decodeJobError(reason: string | undefined): RewardKitError {
  if (reason !== undefined) {
    try {
      const info = JSON.parse(reason) as ErrorInfo;
      if (typeof info.code === 'string' && info.code in ERROR_CODES) {
        return new RewardKitError(info.code as ErrorCode, info.message, {
          ...(info.hint === undefined ? {} : { hint: info.hint }),
          ...(info.where === undefined ? {} : { where: info.where }),
        });
      }
    } catch {
      // not one of ours: fall through
    }
  }
  return new RewardKitError('RK_INTERNAL', `a queue job failed: ${reason ?? 'no reason given'}`);
}
