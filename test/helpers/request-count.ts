/**
 * Waiting on a count of requests a scripted endpoint received, for the cancellation suites: they
 * check that no model request is sent after a cancel, so they wait for work to start, then for it
 * to stop.
 */

/** Resolves once `read()` reaches `count`; throws naming `what` after `attempts` polls 25 ms apart. */
export async function untilCount(
  read: () => Promise<number>,
  count: number,
  what: string,
  attempts = 1200,
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if ((await read()) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the endpoint never received ${count} ${what}`);
}

/** The count once it stops growing: unchanged over `quietMs` (several request times). */
export async function settledCount(read: () => Promise<number>, quietMs = 1000): Promise<number> {
  let count = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await read();
    if (now === count) return count;
    count = now;
  }
}
