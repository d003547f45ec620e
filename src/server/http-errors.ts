import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply } from 'fastify';
import { type ErrorCode, type ErrorInfo, RewardKitError, toErrorInfo } from '../core/errors.js';

/**
 * The one place that maps RK_* codes to HTTP statuses. Total: a new code does not compile until
 * it has a status here (codes that never reach HTTP answers still get the status they would mean).
 */
export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  RK_SPEC_INVALID: 400,
  RK_SPEC_UNREADABLE: 400,
  RK_UNKNOWN_NAME: 404,
  RK_INPUT_INVALID: 400,
  RK_INPUT_MALFORMED_JSON: 400,
  RK_INPUT_INVALID_UTF8: 400,
  RK_REQUEST_INVALID: 400,
  RK_DUPLICATE_ID: 400,
  RK_USAGE: 400,
  RK_DUPLICATE_NAME: 400,
  RK_UNPARSEABLE: 400,
  RK_UNAUTHORIZED: 401,
  RK_METHOD_NOT_ALLOWED: 405,
  RK_REQUEST_TIMEOUT: 408,
  RK_INPUT_TOO_LARGE: 413,
  RK_LIMIT_EXCEEDED: 413,
  RK_UNSUPPORTED_MEDIA_TYPE: 415,
  RK_COMPONENT_FAILED: 422,
  RK_OVERLOADED: 429,
  RK_COMPONENT_ERROR: 500,
  RK_SANDBOX_ERROR: 500,
  RK_IO: 500,
  RK_INTERNAL: 500,
  RK_TIMEOUT: 503,
  RK_QUEUE_UNAVAILABLE: 503,
  RK_UNAVAILABLE: 503,
  RK_CANCELLED: 503,
  RK_SANDBOX_UNAVAILABLE: 503,
};

/** Statuses that tell the client to come back later. */
const RETRY_STATUSES = new Set([429, 503]);

export function statusOfCode(code: ErrorCode): number {
  return STATUS_OF_CODE[code];
}

/** Errors fastify raises itself before our handlers run, as RK errors that say what was wrong. */
function fromFastifyError(error: FastifyError): RewardKitError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new RewardKitError(
        'RK_INPUT_MALFORMED_JSON',
        `the request body is not valid JSON: ${error.message}`,
        {
          hint: 'send a JSON object with Content-Type: application/json',
        },
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new RewardKitError(
        'RK_LIMIT_EXCEEDED',
        `the request body is larger than the limit: ${error.message}`,
        {
          hint: 'split the batch into several requests',
          where: 'body',
        },
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new RewardKitError('RK_UNSUPPORTED_MEDIA_TYPE', 'the request body is not JSON', {
        hint: 'send a JSON object with Content-Type: application/json',
        where: 'content-type',
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new RewardKitError('RK_REQUEST_INVALID', error.message);
    default:
      if (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP')) {
        return new RewardKitError('RK_REQUEST_INVALID', error.message);
      }
      return undefined;
  }
}

export interface HttpErrorBody {
  error: ErrorInfo;
}

/** The JSON body and status of any error; stack traces never leave the server. */
export function describeHttpError(error: unknown): { status: number; body: HttpErrorBody } {
  const rewardKitError =
    error instanceof RewardKitError
      ? error
      : typeof error === 'object' && error !== null && 'code' in error
        ? fromFastifyError(error as FastifyError)
        : undefined;
  if (rewardKitError !== undefined) {
    return { status: statusOfCode(rewardKitError.code), body: { error: rewardKitError.toInfo() } };
  }
  const info = toErrorInfo(error);
  return { status: 500, body: { error: { ...info, message: 'internal error; see the server log' } } };
}

/**
 * Errors of the HTTP layer itself, before fastify sees a request: a client that does not send
 * its whole request in time (408), headers too large (431), unparsable HTTP (400). Answered in
 * the RK format on the raw socket, which is then closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let info: ErrorInfo = {
    code: 'RK_REQUEST_INVALID',
    message: `malformed HTTP request (${error.code ?? 'unknown'})`,
  };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    info = {
      code: 'RK_REQUEST_TIMEOUT',
      message: 'the request was not received in full within the client time limit',
      hint: 'send the whole request at once; the server closes slow connections',
    };
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    info = { code: 'RK_LIMIT_EXCEEDED', message: 'the request headers are too large', where: 'headers' };
  }
  if (socket.writable) {
    const body = JSON.stringify({ error: info });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Sends an error answer, with Retry-After on 429/503. */
export function sendHttpError(
  reply: FastifyReply,
  error: unknown,
  retryAfterSeconds: number,
  onError: (code: string, status: number) => void,
): FastifyReply {
  const { status, body } = describeHttpError(error);
  if (status >= 500 && !(error instanceof RewardKitError)) reply.log.error({ err: error }, 'internal error');
  onError(body.error.code, status);
  if (RETRY_STATUSES.has(status)) void reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(status).type('application/json').send(body);
}
