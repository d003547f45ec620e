import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewardKitError } from '../src/core/errors.js';
import { resetSharedClients } from '../src/models/index.js';
import {
  ComputeLedger,
  createSearchServer,
  type EndpointPolicy,
  SpecVerifier,
  searchStrategies,
} from '../src/search/index.js';
import { searchContext } from '../src/search/search-context.js';
import { startCli } from './helpers/cli-process.js';
import { settledCount, untilCount } from './helpers/request-count.js';
import {
  chainScript,
  type ProblemScript,
  type ScriptedEndpoint,
  startScriptedEndpoint,
} from './helpers/scripted-endpoint.js';
import { scriptedPrmSpec, testPolicy } from './helpers/search-parts.js';

/*
 * A cancelled search stops calling the models: the library's signal (SearchContext.signal), a
 * `search serve` client that goes away, a `search serve` that shuts down, and `rewardkit search`
 * interrupted by SIGINT. Against the scripted OpenAI-compatible endpoint in its own process
 * (test/fixtures/search/scripted-endpoint.ts), whose request log counts the policy's requests.
 */

/** The first policy request of the `hang` problem is never answered. */
const PROBLEMS: Record<string, ProblemScript> = { chain: chainScript(), hang: chainScript() };

let endpoint: ScriptedEndpoint;
let verifier: SpecVerifier;
const directory = mkdtempSync(join(tmpdir(), 'rk-search-cancel-'));

function policyAt(baseUrl: string): EndpointPolicy {
  return testPolicy(
    { base_url: baseUrl, model: 'scripted-cancel', timeout_s: 120, max_retries: 0 },
    { maxTokens: 256 },
  );
}

function untilReceived(count: number): Promise<void> {
  return untilCount(() => endpoint.received(), count, 'policy requests');
}

function settledReceived(): Promise<number> {
  return settledCount(() => endpoint.received());
}

/** Beam search, N = 4 and one beam: one policy request per step. Each seed its own requests (no client cache hit). */
function beamSearch(problem: string, seed: number, signal?: AbortSignal) {
  const strategy = searchStrategies.get('beam_search');
  return strategy.run(
    { id: problem, prompt: problem },
    4,
    strategy.optionsSchema.parse({ beam_width: 4, max_steps: 12 }),
    searchContext({
      policy: policyAt(endpoint.baseUrl),
      verifier,
      ledger: new ComputeLedger(),
      seed,
      budget: 4,
      signal,
    }),
  );
}

beforeAll(async () => {
  // 150 ms per policy request; the first request of `hang` (request 1 of the endpoint) never answers.
  endpoint = await startScriptedEndpoint({ problems: PROBLEMS, latency_ms: 150, hang_requests: [1] });
  verifier = new SpecVerifier(scriptedPrmSpec(endpoint.baseUrl));
}, 60_000);

afterAll(async () => {
  await verifier?.close();
  resetSharedClients();
  await endpoint?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('a cancelled search stops calling the models', () => {
  it('cancels the request in flight: a search waiting on a request that never answers ends with the reason', async () => {
    const stop = new AbortController();
    const running = beamSearch('hang', 1, stop.signal);
    await untilReceived(1);
    stop.abort(new RewardKitError('RK_UNAVAILABLE', 'stopped by the test'));
    await expect(running).rejects.toMatchObject({ code: 'RK_UNAVAILABLE', message: 'stopped by the test' });
    expect(await settledReceived()).toBe(1);
  }, 60_000);

  it('sends no request after the signal fires (the whole search takes 12)', async () => {
    let before = await endpoint.received();
    const whole = await beamSearch('chain', 2);
    expect(whole.answer).toBe('12');
    expect((await endpoint.received()) - before).toBe(12);
    before = await endpoint.received();
    const stop = new AbortController();
    const running = beamSearch('chain', 3, stop.signal);
    await untilReceived(before + 2);
    stop.abort();
    await expect(running).rejects.toMatchObject({ code: 'RK_UNAVAILABLE' });
    // The two seen, and at most the one on its way when the signal fired.
    expect((await settledReceived()) - before).toBeLessThanOrEqual(3);
  }, 60_000);

  it('search serve: stops when the client goes away, and answers 503 when it shuts down', async () => {
    const app = createSearchServer(policyAt(endpoint.baseUrl), verifier, {
      maxBudget: 16,
      maxConcurrentSearches: 4,
      defaultStrategy: 'beam_search',
      defaultBudget: 4,
      allowedStrategies: ['beam_search'],
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const ask = (seed: number, signal?: AbortSignal) =>
      fetch(`${address}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          messages: [{ role: 'user', content: 'chain' }],
          search_options: { beam_width: 4, max_steps: 12 },
          seed,
        }),
        ...(signal === undefined ? {} : { signal }),
      });
    try {
      let before = await endpoint.received();
      const client = new AbortController();
      const gone = ask(4, client.signal).catch((error: unknown) => error);
      await untilReceived(before + 2);
      client.abort();
      expect(await gone).toBeInstanceOf(Error);
      expect((await settledReceived()) - before).toBeLessThanOrEqual(3);

      before = await endpoint.received();
      const answer = ask(5);
      await untilReceived(before + 2);
      const closed = app.close();
      const response = await answer;
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      await closed;
      expect((await settledReceived()) - before).toBeLessThanOrEqual(3);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('rewardkit search: SIGINT stops the units in flight, which become error lines with the reason (exit 130)', async () => {
    const input = join(directory, 'problems.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 'chain', prompt: 'chain' })}\n`);
    const spec = join(directory, 'prm.json');
    writeFileSync(spec, JSON.stringify(scriptedPrmSpec(endpoint.baseUrl)));
    const out = join(directory, 'runs.jsonl');
    const before = await endpoint.received();
    const cli = startCli([
      'search',
      ...['--strategy', 'beam_search', '--options', '{"beam_width": 4, "max_steps": 12}', '--seeds', '6'],
      ...['--policy', endpoint.baseUrl, '--scorer', spec, '--in', input, '--out', out, '--budget', '4'],
    ]);
    await untilReceived(before + 2);
    expect(await cli.stop('SIGINT')).toBe(130);
    expect((await settledReceived()) - before).toBeLessThanOrEqual(3);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      status: 'error',
      error: { code: 'RK_UNAVAILABLE', message: 'the run was interrupted (SIGINT)' },
    });
  }, 120_000);
});
