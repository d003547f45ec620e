/**
 * Every error rewardkit raises on purpose carries a stable `RK_*` code, a message that says what
 * was wrong, and (where there is one) a hint that says how to fix it. The server maps codes to
 * HTTP statuses in one place; the CLI prints the code and the hint.
 */
export const ERROR_CODES = {
  RK_SPEC_INVALID: 'the reward spec does not validate',
  RK_SPEC_UNREADABLE: 'the reward spec file cannot be read or parsed',
  RK_UNKNOWN_NAME: 'a registry has no entry of that name',
  RK_DUPLICATE_NAME: 'a registry was given two entries of one name',
  RK_INPUT_INVALID: 'an input line or sample does not match the sample contract',
  RK_INPUT_MALFORMED_JSON: 'an input line is not valid JSON',
  RK_INPUT_INVALID_UTF8: 'an input line is not valid UTF-8',
  RK_INPUT_TOO_LARGE: 'an input line is larger than the configured limit',
  RK_DUPLICATE_ID: 'a sample id occurs more than once in a run',
  RK_COMPONENT_FAILED: 'a reward component could not decide and on_error is fail',
  RK_COMPONENT_ERROR: 'a reward component raised an unexpected error',
  RK_TIMEOUT: 'work did not finish before its deadline',
  RK_UNPARSEABLE: 'an answer could not be extracted or parsed',
  RK_SANDBOX_UNAVAILABLE: 'the code sandbox cannot isolate programs on this machine',
  RK_SANDBOX_ERROR: 'the code sandbox failed to run a program',
  RK_USAGE: 'a command was called with unusable arguments',
  RK_IO: 'a file could not be read or written',
  RK_OVERLOADED: 'the service is at capacity',
  RK_UNAUTHORIZED: 'a request lacks a valid API key',
  RK_REQUEST_INVALID: 'an HTTP request body does not validate',
  RK_REQUEST_TIMEOUT: 'a client did not send its whole HTTP request in time',
  RK_METHOD_NOT_ALLOWED: 'an HTTP route exists, but not for that method',
  RK_UNSUPPORTED_MEDIA_TYPE: 'an HTTP request body is not JSON',
  RK_LIMIT_EXCEEDED: 'a request exceeds a size, batch or time limit',
  RK_QUEUE_UNAVAILABLE: 'the Redis queue cannot be reached',
  RK_UNAVAILABLE: 'the service is shutting down or not ready',
  RK_CANCELLED:
    'work was cancelled before it finished (client gone, shutdown, interrupt); nothing was decided',
  RK_INTERNAL: 'an unexpected internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The JSON form of an error, as it appears in results and HTTP bodies. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** Where the problem is: a spec path (`rewards[0].type`), an input line, a field. */
  where?: string;
}

export class RewardKitError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly where: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; where?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
    this.where = options.where;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.hint !== undefined) info.hint = this.hint;
    if (this.where !== undefined) info.where = this.where;
    return info;
  }
}

export class SpecError extends RewardKitError {
  constructor(message: string, options: { hint?: string; where?: string; cause?: unknown } = {}) {
    super('RK_SPEC_INVALID', message, options);
  }
}

export class UnknownNameError extends RewardKitError {
  constructor(what: string, name: string, valid: readonly string[], where?: string) {
    const suggestion = closestName(name, valid);
    super('RK_UNKNOWN_NAME', `unknown ${what} '${name}'; expected one of: ${valid.join(', ')}`, {
      ...(suggestion === undefined ? {} : { hint: `did you mean '${suggestion}'?` }),
      ...(where === undefined ? {} : { where }),
    });
  }
}

export class InputError extends RewardKitError {}

export class TimeoutError extends RewardKitError {
  constructor(message: string, where?: string) {
    super('RK_TIMEOUT', message, where === undefined ? {} : { where });
  }
}

export class UsageError extends RewardKitError {
  constructor(message: string, hint?: string) {
    super('RK_USAGE', message, hint === undefined ? {} : { hint });
  }
}

/** Turns anything thrown into the JSON error form, keeping RK codes and hiding stack traces. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof RewardKitError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'RK_INTERNAL', message };
}

/** The valid name closest to `name` by edit distance, if it is close enough to be a typo. */
export function closestName(name: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of valid) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(source: string, target: string): number {
  let previous = Array.from({ length: target.length + 1 }, (_, index) => index);
  for (let i = 1; i <= source.length; i++) {
    const current = [i];
    for (let j = 1; j <= target.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (source[i - 1] === target[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[target.length] ?? 0;
}
