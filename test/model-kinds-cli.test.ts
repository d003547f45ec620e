import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { worldSamples } from './fixtures/models/world-solutions.js';
import { startCli } from './helpers/cli-process.js';
import { freePort } from './helpers/redis-server.js';
import { startWorld, type WorldProcess } from './helpers/world-process.js';

// biome-ignore lint/suspicious/noExplicitAny: result lines are walked field by field
type ResultLine = any;

const running: WorldProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((world) => world.stop()));
});

async function world(args: string[] = []): Promise<WorldProcess> {
  const started = await startWorld(args);
  running.push(started);
  return started;
}

function prmSpec(baseUrl: string, endpoint: Record<string, unknown> = {}): string {
  return JSON.stringify({
    name: 'prm-dense',
    steps: { split: 'paragraph' },
    rewards: [
      {
        name: 'prm',
        type: 'prm',
        options: { model: { base_url: baseUrl, model: 'world-prm', ...endpoint } },
      },
    ],
    process: { aggregate: 'min', reward: 'aggregate' },
  });
}

/** Writes the spec and `count` samples, runs `rewardkit score`, returns the process and the result lines. */
function runScore(spec: string, count: number, extra: string[] = []) {
  const directory = mkdtempSync(join(tmpdir(), 'rk-models-'));
  const samples = Array.from({ length: count }, (_value, index) => {
    const { right, wrong } = worldSamples(index % 7);
    return { ...(index % 2 === 0 ? right : wrong), id: `s${index}` };
  });
  writeFileSync(join(directory, 'spec.json'), spec);
  writeFileSync(
    join(directory, 'in.jsonl'),
    `${samples.map((sample) => JSON.stringify(sample)).join('\n')}\n`,
  );
  const out = join(directory, 'out.jsonl');
  const child = startCli([
    'score',
    '--spec',
    join(directory, 'spec.json'),
    '--in',
    join(directory, 'in.jsonl'),
    '--out',
    out,
    '--no-store',
    '--threads',
    '0',
    ...extra,
  ]);
  return {
    child,
    samples,
    lines: (): ResultLine[] =>
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
  };
}

describe('model kinds through rewardkit score', () => {
  it('gives dense rewards: prm step scores through the process stage, one line per sample', async () => {
    const prm = await world();
    const run = runScore(prmSpec(prm.baseUrl), 6);
    expect(await run.child.exited).toBe(0);
    const lines = run.lines();
    expect(lines.map((line) => line.id)).toEqual(run.samples.map((sample) => sample.id));
    for (const [index, line] of lines.entries()) {
      expect(line.steps.length).toBeGreaterThan(1);
      expect(line.steps.every((step: { score: number }) => typeof step.score === 'number')).toBe(true);
      expect(line.reward).toBeCloseTo(index % 2 === 0 ? 0.9 : 0.1, 12);
    }
  }, 120_000);

  it('reports a reply with fewer step scores than steps as unparseable, with the raw reply', async () => {
    const prm = await world(['--fault-drop-step', '1']);
    const run = runScore(prmSpec(prm.baseUrl), 2);
    expect(await run.child.exited).toBe(0);
    for (const line of run.lines()) {
      const component = line.components.prm;
      expect(component.score).toBeNull();
      expect(component.status).toBe('unparseable');
      expect(component.details.reason).toMatch(/^\d+ step scores for \d+ steps$/);
      expect(component.details.raw_reply).toBeDefined();
      expect(line.reward).toBeNull();
    }
  }, 120_000);

  it('gives every sample a clear error when the endpoint is down from the start', async () => {
    const port = await freePort();
    const run = runScore(prmSpec(`http://127.0.0.1:${port}/v1`, { max_retries: 1 }), 3);
    expect(await run.child.exited).toBe(0);
    for (const line of run.lines()) {
      expect(line.components.prm.status).toBe('error');
      expect(line.components.prm.error.code).toBe('RK_UNAVAILABLE');
      expect(line.components.prm.details.reason).toMatch(/cannot reach .* ECONNREFUSED/);
    }
  }, 120_000);

  it("refuses to start when an endpoint of the spec's models: section is down, before any sample", async () => {
    const port = await freePort();
    const spec = JSON.stringify({
      name: 'down-at-start',
      models: { prm: { base_url: `http://127.0.0.1:${port}/v1`, model: 'world-prm', max_retries: 0 } },
      rewards: [{ name: 'prm', type: 'prm', options: { model: 'prm' } }],
    });
    const run = runScore(spec, 3);
    expect(await run.child.exited).toBe(1);
    expect(run.child.output()).toMatch(
      /RK_UNAVAILABLE: model endpoint check failed: prm \(http:\/\/127\.0\.0\.1:\d+\/v1\) is unreachable/,
    );
    expect(() => run.lines()).toThrow();
  }, 120_000);

  it('loses no sample when the endpoint goes down mid-run', async () => {
    const prm = await world(['--latency-ms', '250']);
    const run = runScore(prmSpec(prm.baseUrl, { max_retries: 1, max_concurrency: 2 }), 40, [
      '--concurrency',
      '2',
    ]);
    // Stop the world once it has answered a few requests (the CLI's start-up time varies).
    for (let served = 0; served < 6; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      served = ((await (await fetch(`${prm.rootUrl}/_world/stats`)).json()) as { requests: number }).requests;
    }
    await prm.stop();
    expect(await run.child.exited).toBe(0);
    const lines = run.lines();
    expect(lines).toHaveLength(40);
    const scored = lines.filter((line) => typeof line.components.prm.score === 'number');
    const failed = lines.filter((line) => line.components.prm.status === 'error');
    expect(scored.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    expect(scored.length + failed.length).toBe(40);
    for (const line of failed) expect(line.components.prm.error.code).toBe('RK_UNAVAILABLE');
  }, 120_000);
});
