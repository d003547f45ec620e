import { type CliProcess, startCli } from './cli-process.js';

/** `rewardkit world serve` in its own process on a free loopback port. */
export interface WorldProcess {
  process: CliProcess;
  /** The base URL with its `/v1` prefix, as a spec's `models:` entry takes it. */
  baseUrl: string;
  /** The server root (vLLM's `/pooling` and `/classify` live here). */
  rootUrl: string;
  /** Changes the injected faults of the running world. */
  setFaults(faults: Record<string, number>): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorld(args: readonly string[] = []): Promise<WorldProcess> {
  const child = startCli(['world', 'serve', '--port', '0', ...args]);
  await child.waitFor('listening on', 60_000);
  const match = /listening on (http:\/\/[^\s]+)\/v1/.exec(child.output());
  if (match === null) throw new Error(`no address in: ${child.output()}`);
  const rootUrl = match[1] as string;
  return {
    process: child,
    baseUrl: `${rootUrl}/v1`,
    rootUrl,
    async setFaults(faults) {
      const response = await fetch(`${rootUrl}/_world/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
      });
      if (!response.ok) throw new Error(`setFaults: HTTP ${response.status}: ${await response.text()}`);
    },
    async stop() {
      await child.stop();
    },
  };
}

/** Clears every injected fault. */
export const NO_FAULTS = {
  rate_429: 0,
  rate_500: 0,
  rate_hang: 0,
  rate_truncate: 0,
  rate_malformed: 0,
  rate_drop_step: 0,
};
