import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RewardResult } from '../../core/result.js';
import { parseSpec, type Spec } from '../../core/spec.js';
import { openComponentCache } from '../../store/component-cache.js';
import { loadRewardKinds } from '../load-reward-kinds.js';
import { validateSpec } from '../validate-spec.js';
import { composeBackend, type EngineSettings } from './compose-backend.js';

const kindsModule = fileURLToPath(new URL('../../../test/fixtures/engine/engine-kinds.ts', import.meta.url));
const endpointScript = fileURLToPath(
  new URL('../../../test/fixtures/engine/slow-endpoint.mjs', import.meta.url),
);

interface EndpointStats {
  requests: number;
  items: number;
  largestBatch: number;
  maxInFlight: number;
}

/** The slow endpoint in its own process on loopback. */
class SlowEndpoint {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(delayMs: number): Promise<SlowEndpoint> {
    const child = spawn(process.execPath, [endpointScript], {
      env: { ...process.env, DELAY_MS: String(delayMs) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<string>((resolve) => {
      child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    });
    return new SlowEndpoint(child, `http://127.0.0.1:${port}`);
  }

  async stats(): Promise<EndpointStats> {
    return (await (await fetch(`${this.url}/stats`)).json()) as EndpointStats;
  }

  stop(): void {
    this.child.kill();
  }
}

const work = mkdtempSync(join(tmpdir(), 'rk-engine-'));
const creations = join(work, 'creations.txt');
let endpoint: SlowEndpoint;
let rewardKinds: Awaited<ReturnType<typeof loadRewardKinds>>;

beforeAll(async () => {
  process.env['RK_TEST_CREATIONS'] = creations;
  rewardKinds = await loadRewardKinds(kindsModule);
  endpoint = await SlowEndpoint.start(40);
});

afterAll(() => {
  endpoint.stop();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  writeFileSync(creations, '');
});

function specWith(rewards: unknown[], models: Record<string, unknown> = {}): Spec {
  return parseSpec(
    { name: 'engine-test', rewards, models: { rm: { base_url: endpoint.url, model: 'm', ...models } } },
    'test spec',
  );
}

const samples = (count: number, prefix = 's') =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, response: 'x'.repeat(index + 1) }));

function engine(settings: Partial<EngineSettings> = {}) {
  return composeBackend({ concurrency: 8, threads: 0, rewardKinds, kindsModule, ...settings });
}

function createdKinds(): string[] {
  return readFileSync(creations, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split(' ')[0] as string);
}

const scoresOf = (results: readonly RewardResult[], name: string) =>
  results.map((result) => result.components[name]?.score);

describe('the composed engine', () => {
  it('builds an async scorer once per process, never to validate, however many specs name it', async () => {
    const remote = { name: 'len', type: 'remote_length', options: { model: 'rm' } };
    const first = specWith([remote], { model: 'm' });
    const second = specWith([remote], { model: 'm' });
    validateSpec(first, { rewardKinds });
    validateSpec(second, { rewardKinds });
    expect(createdKinds()).toEqual([]);
    const backend = engine();
    try {
      await backend.prepare(first);
      const [a, b] = await Promise.all([
        backend.score({ spec: first, inputs: samples(5) }),
        backend.score({ spec: second, inputs: samples(5) }),
      ]);
      expect(scoresOf(a, 'len')).toEqual([0.01, 0.02, 0.03, 0.04, 0.05]);
      expect(b).toHaveLength(5);
      expect(createdKinds()).toEqual(['remote_length']);
    } finally {
      await backend.close();
    }
  });

  it('keeps io kinds on the main thread and builds CPU kinds only in the worker threads that run them', async () => {
    const spec = specWith(
      [
        { name: 'len', type: 'remote_length', options: { model: 'rm' } },
        // A generous budget: under load, starting a worker thread takes seconds.
        { name: 'cpu', type: 'counted_cpu', timeout_s: 120 },
      ],
      { model: 'm' },
    );
    const backend = engine({ threads: 2 });
    try {
      const results = await backend.score({ spec, inputs: samples(12) });
      expect(scoresOf(results, 'cpu')).toEqual(Array(12).fill(1));
      expect(scoresOf(results, 'len')[11]).toBe(0.12);
      const lines = readFileSync(creations, 'utf8').trim().split('\n');
      const remote = lines.filter((line) => line.startsWith('remote_length'));
      expect(remote).toEqual([`remote_length ${process.pid} 0`]);
      const cpuThreads = lines
        .filter((line) => line.startsWith('counted_cpu'))
        .map((line) => line.split(' ')[2]);
      expect(cpuThreads).not.toContain('0');
      expect(new Set(cpuThreads).size).toBe(cpuThreads.length);
    } finally {
      await backend.close();
    }
  }, 240_000);

  it('sends batches through scoreBatch when the scorer has it', async () => {
    const before = await endpoint.stats();
    const spec = specWith(
      [{ name: 'len', type: 'remote_length', options: { model: 'rm', batch: true }, max_concurrency: 8 }],
      { model: 'batched' },
    );
    const backend = engine();
    try {
      const results = await backend.score({ spec, inputs: samples(20) });
      expect(scoresOf(results, 'len')[19]).toBe(0.2);
      const after = await endpoint.stats();
      expect(after.requests - before.requests).toBe(3); // 8 + 8 + 4
      expect(after.items - before.items).toBe(20);
    } finally {
      await backend.close();
    }
  });

  it('keeps at most max_concurrency samples of a component, and of an endpoint, in flight', async () => {
    const limited = await SlowEndpoint.start(60);
    try {
      const componentCapped = parseSpec(
        {
          name: 'capped',
          rewards: [{ name: 'len', type: 'remote_length', options: { model: 'rm' }, max_concurrency: 3 }],
          models: { rm: { base_url: limited.url, model: 'm', max_concurrency: 50 } },
        },
        'test',
      );
      const backend = engine();
      await backend.score({ spec: componentCapped, inputs: samples(15) });
      expect((await limited.stats()).maxInFlight).toBe(3);
      // Two components on one endpoint share its limit of 2.
      const endpointCapped = parseSpec(
        {
          name: 'shared-endpoint',
          rewards: [
            { name: 'a', type: 'remote_length', options: { model: 'rm', delay_ms: 1 } },
            { name: 'b', type: 'remote_length', options: { model: 'rm', delay_ms: 2 } },
          ],
          models: { rm: { base_url: `${limited.url}/`.slice(0, -1), model: 'm2', max_concurrency: 2 } },
        },
        'test',
      );
      const results = await backend.score({ spec: endpointCapped, inputs: samples(10, 'e') });
      expect(scoresOf(results, 'b')).toHaveLength(10);
      const stats = await limited.stats();
      expect(stats.requests).toBe(35);
      await backend.close();
      // The endpoint's limit held across both components: never more than 3 (first spec) overall.
      expect(stats.maxInFlight).toBe(3);
    } finally {
      limited.stop();
    }
  });

  it('caches deterministic io results in the store: a rerun in a new engine makes no call', async () => {
    const file = join(work, 'cache-rerun.sqlite');
    const spec = specWith([{ name: 'len', type: 'remote_length', options: { model: 'rm' } }], {
      model: 'cached',
    });
    const run = async () => {
      const backend = engine({ componentCache: openComponentCache({ file }) });
      try {
        return await backend.score({ spec, inputs: samples(6, 'r') });
      } finally {
        await backend.close();
      }
    };
    const before = await endpoint.stats();
    const first = await run();
    const middle = await endpoint.stats();
    const second = await run();
    const after = await endpoint.stats();
    expect(middle.requests - before.requests).toBe(6);
    expect(after.requests - middle.requests).toBe(0);
    expect(scoresOf(second, 'len')).toEqual(scoresOf(first, 'len'));
  });

  it('caches a non-deterministic kind only when the spec asks, keyed by its seed', async () => {
    const file = join(work, 'cache-draw.sqlite');
    const run = async (entry: Record<string, unknown>) => {
      const spec = specWith([{ name: 'draw', type: 'remote_draw', options: { model: 'rm' }, ...entry }], {
        model: 'draws',
      });
      const backend = engine({ componentCache: openComponentCache({ file }) });
      try {
        return scoresOf(await backend.score({ spec, inputs: samples(4, 'd') }), 'draw');
      } finally {
        await backend.close();
      }
    };
    const unasked = [await run({}), await run({})];
    expect(unasked[0]).not.toEqual(unasked[1]);
    const seeded = [await run({ cache: true, seed: 7 }), await run({ cache: true, seed: 7 })];
    expect(seeded[0]).toEqual(seeded[1]);
    expect(await run({ cache: true, seed: 8 })).not.toEqual(seeded[0]);
  });

  it('reports an io call past its deadline as timeout, and caches its late answer so a rerun does not pay again', async () => {
    const file = join(work, 'cache-late.sqlite');
    const spec = specWith(
      [{ name: 'len', type: 'remote_length', options: { model: 'rm', delay_ms: 400 }, timeout_s: 0.1 }],
      { model: 'late' },
    );
    const backend = engine({ componentCache: openComponentCache({ file }) });
    try {
      const before = await endpoint.stats();
      const [first] = await backend.score({ spec, inputs: samples(1, 'late') });
      expect(first?.components['len']).toMatchObject({ score: null, status: 'timeout' });
      await new Promise((resolve) => setTimeout(resolve, 700));
      const [second] = await backend.score({ spec, inputs: samples(1, 'late') });
      expect(second?.components['len']).toMatchObject({ score: 0.01, status: 'partial' });
      expect((await endpoint.stats()).requests - before.requests).toBe(1);
    } finally {
      await backend.close();
    }
  });

  it('reports a synchronous component that overruns in process as timeout, never as a verdict', async () => {
    const spec = specWith([{ name: 'slow', type: 'busy', options: { ms: 300 }, timeout_s: 0.05 }]);
    const backend = engine();
    try {
      const [result] = await backend.score({ spec, inputs: samples(1) });
      expect(result?.components['slow']).toMatchObject({ score: null, status: 'timeout' });
      expect(result?.components['slow']?.error?.code).toBe('RK_TIMEOUT');
    } finally {
      await backend.close();
    }
  });

  it('turns a sample that kills its worker thread into that sample’s error line; the rest is scored', async () => {
    // Generous limits: under load a thread takes seconds to start and V8 collects hard before giving up.
    const spec = specWith([{ name: 'bomb', type: 'memory_bomb', timeout_s: 90 }]);
    const backend = engine({ threads: 2, maxHeapMb: 64 });
    try {
      const inputs = samples(8).map((sample, index) =>
        index === 5 ? { ...sample, response: 'BOMB' } : sample,
      );
      const results = await backend.score({ spec, inputs });
      expect(results.map((result) => result.id)).toEqual(inputs.map((input) => input.id));
      expect(results[5]).toMatchObject({ reward: null, error: { code: 'RK_COMPONENT_ERROR' } });
      expect(results[5]?.error?.message).toMatch(/out of memory/);
      expect(results.filter((result) => result.reward === 1)).toHaveLength(7);
    } finally {
      await backend.close();
    }
  }, 240_000);
});
