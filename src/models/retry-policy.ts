/** Statuses worth retrying: rate limited, or a server/proxy that may recover. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

/**
 * The wait before retry number `attempt` (0-based): the server's `Retry-After` when it sent one
 * (seconds or an HTTP date), otherwise exponential backoff `base * 2^attempt` with full jitter,
 * capped at `maxMs`. `random` is injectable so tests can pin the jitter.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | null,
  options: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const maxMs = options.maxMs ?? 30_000;
  const fromServer = parseRetryAfter(retryAfter);
  if (fromServer !== undefined) return Math.min(fromServer, maxMs * 4);
  const ceiling = Math.min(maxMs, (options.baseMs ?? 250) * 2 ** attempt);
  return Math.round(ceiling / 2 + (options.random ?? Math.random)() * (ceiling / 2));
}

/** `Retry-After` in milliseconds: delta-seconds (`"2"`, `"0.5"`) or an HTTP date; undefined if absent. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Sleeps `ms`, waking early (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
