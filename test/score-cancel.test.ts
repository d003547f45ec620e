import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewardKitError } from '../src/core/errors.js';
import type { RewardResult } from '../src/core/result.js';
import { parseSpec, type Spec } from '../src/core/spec.js';
import { Pipeline } from '../src/engine/pipeline.js';
import { InProcessBackend } from '../src/engine/scoring-backend.js';
import { resetSharedClients } from '../src/models/index.js';
import { SpecVerifier } from '../src/search/index.js';
import { startCli } from './helpers/cli-process.js';
import { settledCount, untilCount } from './helpers/request-count.js';
import { type ScriptedEndpoint, startScriptedEndpoint } from './helpers/scripted-endpoint.js';
import { postJson, startTestServer } from './helpers/test-server.js';

/*
 * Cancelling scoring stops the model calls: the library's signal (Pipeline.scoreBatch), Ctrl-C on
 * `rewardkit score` (every line not scored is an RK_CANCELLED line that `--resume` scores), a
 * `rewardkit serve` client that goes away, and a server that shuts down (503 with Retry-After).
 * Against the scripted OpenAI-compatible endpoint in its own process, whose PRM (`/pooling`)
 * answers after 200 ms and counts the requests it received: at most 2 are in flight (the
 * component's and the endpoint's max_concurrency), so after the signal fires at most those 2 more
 * may arrive.
 */

const IN_FLIGHT = 2;

let endpoint: ScriptedEndpoint;
let spec: Spec;
const directory = mkdtempSync(join(tmpdir(), 'rk-score-cancel-'));

function specOf(baseUrl: string): Record<string, unknown> {
  return {
    name: 'cancel-prm',
    models: { prm: { base_url: baseUrl, model: 'scripted-prm', max_retries: 0, max_concurrency: IN_FLIGHT } },
    // Slices of IN_FLIGHT samples: a slice in flight when the signal fires is cancelled whole.
    rewards: [{ name: 'prm', type: 'prm', max_concurrency: IN_FLIGHT, options: { model: 'prm' } }],
  };
}

function samples(count: number, tag: string) {
  return Array.from({ length: count }, (_, index) => ({
    id: `${tag}-${index}`,
    prompt: 'cancel me',
    response: `Step ${tag} ${index}.\n\nThe answer is ${index}.`,
  }));
}

function untilReceived(count: number): Promise<void> {
  return untilCount(() => endpoint.receivedPooling(), count, 'PRM requests');
}

function settledReceived(): Promise<number> {
  return settledCount(() => endpoint.receivedPooling());
}

function isCancelled(result: RewardResult): boolean {
  return result.error?.code === 'RK_CANCELLED';
}

beforeAll(async () => {
  endpoint = await startScriptedEndpoint({ problems: {}, prm_latency_ms: 200 });
  spec = parseSpec(specOf(endpoint.baseUrl));
}, 60_000);

afterAll(async () => {
  resetSharedClients();
  await endpoint?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('cancelled scoring stops calling the models', () => {
  it('Pipeline.scoreBatch: no request after the signal, the samples not scored are RK_CANCELLED with the reason', async () => {
    const pipeline = Pipeline.compile(spec);
    try {
      const before = await endpoint.receivedPooling();
      const stop = new AbortController();
      const running = pipeline.scoreBatch(samples(20, 'library'), undefined, stop.signal);
      await untilReceived(before + 3);
      stop.abort(new RewardKitError('RK_UNAVAILABLE', 'stopped by the test'));
      const at = await endpoint.receivedPooling();
      const results = await running;
      const received = (await settledReceived()) - before;
      expect(received).toBeLessThanOrEqual(at - before + IN_FLIGHT);
      expect(received).toBeLessThan(20);
      expect(results.map((result) => result.id)).toEqual(samples(20, 'library').map((sample) => sample.id));
      const cancelled = results.filter(isCancelled);
      const scored = results.filter((result) => !isCancelled(result));
      // Every sample whose request was not received is cancelled; scored ones keep their verdict
      // (3 requests received: the first slice of 2 had ended).
      expect(cancelled.length).toBeGreaterThanOrEqual(20 - received);
      expect(scored.length).toBeGreaterThanOrEqual(2);
      for (const result of scored) expect(result.reward).toBe(0.5);
      for (const result of cancelled) {
        expect(result).toMatchObject({
          reward: null,
          components: {},
          error: { code: 'RK_CANCELLED', message: 'not scored: stopped by the test' },
        });
      }
    } finally {
      await pipeline.close();
    }
  }, 60_000);

  it('SpecVerifier: a search verifier batch in flight stops at the signal and rejects with its reason', async () => {
    const verifier = new SpecVerifier(spec);
    try {
      const before = await endpoint.receivedPooling();
      const stop = new AbortController();
      const solutions = Array.from({ length: 20 }, (_, index) => [
        `Step ${index}.`,
        `The answer is ${index}.`,
      ]);
      const running = verifier
        .scoreSteps({ id: 'p', prompt: 'cancel me' }, solutions, stop.signal)
        .catch((error: unknown) => error);
      await untilReceived(before + 3);
      stop.abort(new RewardKitError('RK_UNAVAILABLE', 'the search was stopped by the test'));
      const at = await endpoint.receivedPooling();
      expect(await running).toMatchObject({ message: 'the search was stopped by the test' });
      const received = (await settledReceived()) - before;
      expect(received).toBeLessThanOrEqual(at - before + IN_FLIGHT);
      expect(received).toBeLessThan(20);
    } finally {
      await verifier.close();
    }
  }, 60_000);

  it('rewardkit score: Ctrl-C writes every line, the unscored ones RK_CANCELLED, exit 130; --resume scores exactly those', async () => {
    const input = join(directory, 'rollouts.jsonl');
    const lines = samples(30, 'cli');
    writeFileSync(input, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const specFile = join(directory, 'spec.json');
    writeFileSync(specFile, JSON.stringify(specOf(endpoint.baseUrl)));
    const out = join(directory, 'scored.jsonl');
    const store = join(directory, 'store.sqlite');
    const args = ['score', '--spec', specFile, '--in', input, '--out', out, '--store', store];
    const before = await endpoint.receivedPooling();
    const cli = startCli(args);
    await untilReceived(before + 4);
    expect(await cli.stop('SIGINT')).toBe(130);
    const at = await endpoint.receivedPooling();
    expect((await settledReceived()) - at).toBeLessThanOrEqual(IN_FLIGHT);
    const written = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RewardResult);
    expect(written.map((result) => result.id)).toEqual(lines.map((line) => line.id));
    const cancelled = written.filter(isCancelled);
    expect(cancelled.length).toBeGreaterThanOrEqual(30 - (at - before) - IN_FLIGHT);
    expect(cancelled.length).toBeLessThanOrEqual(30 - 2);
    for (const result of cancelled) {
      expect(result.error).toMatchObject({ message: 'not scored: the run was interrupted (SIGINT)' });
    }
    for (const result of written.filter((one) => !isCancelled(one))) expect(result.reward).toBe(0.5);
    expect(cli.output()).toContain(`rerun with --resume to score the ${cancelled.length} cancelled lines`);

    const resumed = startCli([...args, '--resume']);
    expect(await resumed.exited).toBe(0);
    // The lines scored before the interrupt come from the store; only the cancelled ones are scored.
    expect(resumed.output()).toContain(`${30 - cancelled.length} lines already scored`);
    const again = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RewardResult);
    expect(again.map((result) => result.id)).toEqual(lines.map((line) => line.id));
    for (const result of again) expect(result).toMatchObject({ reward: 0.5, error: null });
  }, 120_000);

  it('rewardkit score --no-store: Ctrl-C does not advise --resume (there is no store to resume from)', async () => {
    const input = join(directory, 'rollouts-no-store.jsonl');
    const lines = samples(30, 'nostore');
    writeFileSync(input, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const specFile = join(directory, 'spec-no-store.json');
    writeFileSync(specFile, JSON.stringify(specOf(endpoint.baseUrl)));
    const out = join(directory, 'scored-no-store.jsonl');
    const before = await endpoint.receivedPooling();
    const cli = startCli(['score', '--spec', specFile, '--in', input, '--out', out, '--no-store']);
    await untilReceived(before + 4);
    expect(await cli.stop('SIGINT')).toBe(130);
    await settledReceived();
    expect(cli.output()).toMatch(
      /lines were cancelled \(without the store a rerun scores every line again\)/,
    );
    expect(cli.output()).toContain('(rerun to score them;');
    expect(cli.output()).not.toContain('--resume');
  }, 120_000);

  it('rewardkit eval: Ctrl-C cancels the units being scored (RK_CANCELLED predictions), writes no metrics, exit 130', async () => {
    const data = join(directory, 'processbench.jsonl');
    const problems = Array.from({ length: 30 }, (_, index) => ({
      id: `eval-${index}`,
      split: 'gsm8k',
      problem: 'cancel me',
      steps: [`Step eval ${index}.`, `The answer is ${index}.`],
      label: -1,
      final_answer_correct: true,
    }));
    writeFileSync(data, `${problems.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const specFile = join(directory, 'eval-spec.json');
    writeFileSync(specFile, JSON.stringify(specOf(endpoint.baseUrl)));
    const metrics = join(directory, 'metrics.json');
    const predictions = join(directory, 'predictions.jsonl');
    const before = await endpoint.receivedPooling();
    const cli = startCli([
      ...['eval', '--benchmark', 'processbench', '--data', data, '--scorer', specFile],
      ...['--out', metrics, '--predictions', predictions],
    ]);
    await untilReceived(before + 4);
    expect(await cli.stop('SIGINT')).toBe(130);
    const at = await endpoint.receivedPooling();
    expect((await settledReceived()) - at).toBeLessThanOrEqual(IN_FLIGHT);
    expect(existsSync(metrics)).toBe(false);
    const written = readFileSync(predictions, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; error?: string });
    expect(written.map((line) => line.line)).toEqual(problems.map((_, index) => index + 1));
    const cancelled = written.filter((line) => line.error?.includes('RK_CANCELLED') === true);
    expect(cancelled.length).toBeGreaterThanOrEqual(30 - (at - before) - IN_FLIGHT);
    expect(cancelled.length).toBeLessThanOrEqual(30 - 2);
    expect(cli.output()).toContain('eval interrupted after 30 lines');
  }, 120_000);

  it('rewardkit serve: a client that goes away stops its scoring; a shutdown answers 503 with Retry-After and stops it', async () => {
    const server = await startTestServer({
      specs: [spec],
      backend: new InProcessBackend(),
      pipelineOptions: {},
    });
    try {
      let before = await endpoint.receivedPooling();
      const client = new AbortController();
      const gone = fetch(`${server.url}/v1/score`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ samples: samples(20, 'gone') }),
        signal: client.signal,
      }).catch((error: unknown) => error);
      await untilReceived(before + 3);
      client.abort();
      let at = await endpoint.receivedPooling();
      expect(await gone).toBeInstanceOf(Error);
      expect((await settledReceived()) - at).toBeLessThanOrEqual(IN_FLIGHT);

      before = await endpoint.receivedPooling();
      const answer = postJson(`${server.url}/v1/score`, { samples: samples(20, 'shutdown') });
      await untilReceived(before + 3);
      const closed = server.close();
      at = await endpoint.receivedPooling();
      const response = await answer;
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).not.toBeNull();
      expect(response.json.error).toMatchObject({ code: 'RK_UNAVAILABLE' });
      await closed;
      expect((await settledReceived()) - at).toBeLessThanOrEqual(IN_FLIGHT);
    } finally {
      await server.close();
    }
  }, 60_000);
});
