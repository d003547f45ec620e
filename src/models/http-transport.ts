import http from 'node:http';
import https from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** What came back from a POST: the status, the `Retry-After` header and the body as text. */
export interface HttpReply {
  status: number;
  retryAfter: string | null;
  text: string;
}

/** The request took longer than its timeout (the request is destroyed). */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * Idle keep-alive sockets are closed after this long: under the 5 s keep-alive of uvicorn (vLLM,
 * SGLang), so a request is not sent on a socket the server is closing (undici's default is 4 s).
 * A server's `Keep-Alive: timeout=N` hint, when shorter, wins (Node's agent reads it).
 */
const IDLE_SOCKET_MS = 4_000;

/**
 * POSTs JSON to one endpoint over Node's own HTTP client with a keep-alive agent: one pool of at
 * most `maxSockets` connections, reused across requests. Several times cheaper in CPU per request
 * than `fetch` (which builds WHATWG Request/Response objects and web streams around every call),
 * which matters when a search sends thousands of small requests. Rejects with the socket's error
 * (its `code`: ECONNREFUSED ...), an HttpTimeoutError after `timeoutMs` (the whole exchange), or,
 * when `signal` aborts, an AbortError.
 */
export class HttpTransport {
  readonly #http: http.Agent;
  readonly #https: https.Agent;

  constructor(maxSockets: number) {
    const options = { keepAlive: true, maxSockets, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' as const };
    this.#http = new http.Agent(options);
    this.#https = new https.Agent(options);
  }

  async post(
    url: string,
    payload: string,
    headers: Record<string, string>,
    limits: { timeoutMs: number; signal?: AbortSignal | undefined },
  ): Promise<HttpReply> {
    try {
      return await this.#once(url, payload, headers, limits);
    } catch (error) {
      // A kept-alive socket the server closed just as it was reused: the request never reached
      // it, so sending it again on a fresh socket is safe (Node's documented recipe).
      if ((error as { reusedSocket?: boolean }).reusedSocket === true && limits.signal?.aborted !== true) {
        return this.#once(url, payload, headers, limits);
      }
      throw error;
    }
  }

  #once(
    url: string,
    payload: string,
    headers: Record<string, string>,
    { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal | undefined },
  ): Promise<HttpReply> {
    const secure = url.startsWith('https:');
    const body = Buffer.from(payload, 'utf8');
    return new Promise<HttpReply>((resolve, rejectWith) => {
      let timedOut: HttpTimeoutError | undefined;
      const reject = (error: Error & { reusedSocket?: boolean }): void => {
        clearTimeout(timer);
        rejectWith(timedOut ?? error);
      };
      const request = (secure ? https : http).request(
        url,
        {
          method: 'POST',
          agent: secure ? this.#https : this.#http,
          headers: { ...headers, 'content-length': String(body.length) },
          ...(signal === undefined ? {} : { signal }),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            clearTimeout(timer);
            try {
              const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
              const retryAfter = response.headers['retry-after'];
              resolve({
                status: response.statusCode ?? 0,
                retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
                text: decode(raw, response.headers['content-encoding']).toString('utf8'),
              });
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      const timer = setTimeout(() => {
        timedOut = new HttpTimeoutError(`no answer within ${timeoutMs} ms`);
        request.destroy(timedOut);
      }, timeoutMs);
      request.on('error', (error: Error & { reusedSocket?: boolean }) => {
        if (request.reusedSocket && (error as { code?: string }).code === 'ECONNRESET')
          error.reusedSocket = true;
        reject(error);
      });
      request.end(body);
    });
  }
}

/** We ask for no compression; a server that compresses anyway is decoded as fetch would. */
function decode(raw: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return raw;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(raw);
    case 'deflate':
      return inflateSync(raw);
    case 'br':
      return brotliDecompressSync(raw);
    default:
      return raw;
  }
}
