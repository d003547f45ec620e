import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessBackend } from '../src/engine/scoring-backend.js';
import { createServerApp } from '../src/server/app.js';
import { SqliteResultCache } from '../src/store/result-cache-sqlite.js';
import {
  answerSpec,
  type JsonAnswer,
  postJson,
  type RunningServer,
  sleepySpec,
  startTestServer,
} from './helpers/test-server.js';

const good = { id: 'good', response: '<think>so</think><answer>18</answer>', reference: { answer: '18' } };
const bad = { id: 'bad', response: 'no tags at all' };

describe('HTTP reward server: the API', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer({
      specs: [answerSpec, sleepySpec(0)],
      cache: new SqliteResultCache({ file: ':memory:' }),
      limits: { maxBatchSize: 50 },
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('scores a batch with the default spec, in input order, with a summary', async () => {
    const { status, json } = await postJson(`${server.url}/v1/score`, { samples: [bad, good] });
    expect(status).toBe(200);
    expect(json.results.map((result: { id: string }) => result.id)).toEqual(['bad', 'good']);
    expect(json.results[1].reward).toBe(1.5);
    expect(json.results[1].components.tagged.status).toBe('correct');
    expect(json.results[0].reward).toBe(0);
    expect(json.summary).toMatchObject({ count: 2, rewarded: 2, errors: 0, mean_reward: 0.75 });
  });

  it('scores with a named spec and with an inline spec', async () => {
    const named = await postJson(`${server.url}/v1/score`, {
      spec: 'sleepy-0',
      samples: [{ id: 'a', response: 'abc' }],
    });
    expect(named.status).toBe(200);
    expect(named.json.results[0].reward).toBeCloseTo(3 / 6);
    const inline = await postJson(`${server.url}/v1/score`, {
      spec: {
        name: 'inline',
        rewards: [{ name: 'full', type: 'format', options: { pattern: 'ok', full: true } }],
      },
      samples: [
        { id: 'x', response: 'ok' },
        { id: 'y', response: 'ok then more' },
      ],
    });
    expect(inline.status).toBe(200);
    expect(inline.json.results.map((result: { reward: number }) => result.reward)).toEqual([1, 0]);
  });

  it("computes advantages over the request's own batch (groups never mix across requests)", async () => {
    const spec = {
      name: 'with-advantages',
      rewards: [{ name: 'tagged', type: 'format', options: { pattern: '<answer>' } }],
      advantages: { estimator: 'grpo' },
    };
    const group = [
      { id: 'g1', group: 'q', response: '<answer>1</answer>' },
      { id: 'g2', group: 'q', response: 'none' },
    ];
    const [first, second] = await Promise.all([
      postJson(`${server.url}/v1/score`, { spec, samples: group }),
      postJson(`${server.url}/v1/score`, {
        spec,
        samples: [{ id: 'g3', group: 'q', response: '<answer>2</answer>' }],
      }),
    ]);
    expect(first.status).toBe(200);
    const [winner, loser] = first.json.results;
    expect(winner.advantage).toBeGreaterThan(0);
    expect(loser.advantage).toBeCloseTo(-winner.advantage);
    // Alone in its request, g3 is a group of one (mean 0, std 1: its advantage is its reward); had it
    // been pooled with the other request's group 'q' (rewards 1, 0, 1) it would be about 0.58.
    expect(second.json.results[0].advantage).toBeCloseTo(1, 3);
  });

  it('gives an invalid sample its own error result instead of failing the batch', async () => {
    const { status, json } = await postJson(`${server.url}/v1/score`, {
      samples: [good, { id: 'no-response' }],
    });
    expect(status).toBe(200);
    expect(json.results[1]).toMatchObject({
      id: 'no-response',
      reward: null,
      error: { code: 'RK_INPUT_INVALID' },
    });
    expect(json.results[1].error.message).toMatch(/response/);
    expect(json.summary.errors).toBe(1);
  });

  it('speaks the OpenRLHF remote reward model protocol on /get_reward', async () => {
    const { status, json } = await postJson(`${server.url}/get_reward`, {
      query: ['Q: 9+9? <think>add</think><answer>18</answer>', 'Q: 1+1? two'],
      prompts: ['Q: 9+9? ', 'Q: 1+1? '],
      labels: ['18', '2'],
    });
    expect(status).toBe(200);
    expect(json.rewards).toEqual([1.5, 0]);
    expect(json.scores).toEqual([1, 0]);
    expect(json.extra_logs.null_reward).toEqual([0, 0]);
  });

  it('lists the specs with the default first and publishes the spec JSON Schema', async () => {
    const response = await fetch(`${server.url}/v1/specs`);
    const json = (await response.json()) as {
      default: string;
      specs: { name: string }[];
      schema: JsonAnswer;
    };
    expect(json.default).toBe('answer-format');
    expect(json.specs.map((spec) => spec.name)).toEqual(['answer-format', 'sleepy-0']);
    expect(json.schema.type).toBe('object');
    expect(json.schema.required).toEqual(expect.arrayContaining(['name', 'rewards']));
  });

  it('answers health and readiness probes', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('scores identical (spec, sample) pairs once and reports cache hits in /metrics', async () => {
    const sample = { id: 'c1', response: '<answer>cached</answer>' };
    await postJson(`${server.url}/v1/score`, { samples: [sample] });
    const again = await postJson(`${server.url}/v1/score`, {
      samples: [
        { ...sample, id: 'c2' },
        { ...sample, id: 'c3' },
      ],
    });
    expect(again.json.results.map((result: { id: string }) => result.id)).toEqual(['c2', 'c3']);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const hits = Number(/^rewardkit_cache_hits_total (\d+)/m.exec(metrics)?.[1]);
    expect(hits).toBeGreaterThanOrEqual(2);
    expect(metrics).toMatch(/rewardkit_http_requests_total\{route="\/v1\/score",status="200"\}/);
    expect(metrics).toMatch(/rewardkit_http_request_duration_seconds_bucket/);
    expect(metrics).toMatch(/rewardkit_samples_scored_total \d+/);
    expect(metrics).toMatch(/rewardkit_queue_depth 0/);
    expect(metrics).toMatch(/rewardkit_cache_hit_ratio/);
  });
});

describe('HTTP reward server: every 4xx says what was wrong', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer({ limits: { maxBatchSize: 10, bodyLimitBytes: 1024 * 1024 } });
  });

  afterAll(async () => {
    await server.close();
  });

  const cases: [string, unknown, number, string, RegExp][] = [
    ['invalid JSON', '{"samples": [', 400, 'RK_INPUT_MALFORMED_JSON', /not valid JSON/],
    ['samples of the wrong type', { samples: 'many' }, 400, 'RK_REQUEST_INVALID', /samples: expected array/],
    ['a spec of the wrong type', { spec: 7, samples: [] }, 400, 'RK_REQUEST_INVALID', /spec/],
    ['an unknown key', { samples: [good], sample: [] }, 400, 'RK_REQUEST_INVALID', /unknown key 'sample'/],
    [
      'an unknown spec',
      { spec: 'answer-formt', samples: [good] },
      404,
      'RK_UNKNOWN_NAME',
      /unknown spec 'answer-formt'/,
    ],
    ['an empty batch', { samples: [] }, 400, 'RK_REQUEST_INVALID', /empty/],
    [
      'a batch over the limit',
      { samples: Array(11).fill(good) },
      413,
      'RK_LIMIT_EXCEEDED',
      /11 samples; the limit is 10/,
    ],
    [
      'an invalid inline spec',
      { spec: { name: 'x', rewards: [{ name: 'a', type: 'nope' }] }, samples: [good] },
      400,
      'RK_SPEC_INVALID',
      /unknown reward type 'nope'/,
    ],
    [
      'an inline spec whose pattern needs backtracking',
      {
        spec: { name: 'x', rewards: [{ name: 'a', type: 'format', options: { pattern: '(\\w+)\\1' } }] },
        samples: [good],
      },
      400,
      'RK_SPEC_INVALID',
      /rewards\[0\]\.options\.pattern: not supported by the linear-time regex engine: a backreference/,
    ],
    [
      'an inline spec nested deeper than the limit',
      {
        spec: JSON.parse(`{"name":"x","rewards":[],"meta":${'['.repeat(1000)}${']'.repeat(1000)}}`),
        samples: [good],
      },
      400,
      'RK_SPEC_INVALID',
      /spec\.meta.* is nested more than 64 levels deep/,
    ],
  ];

  for (const [what, body, status, code, message] of cases) {
    it(`refuses ${what}`, async () => {
      const response = await postJson(`${server.url}/v1/score`, body);
      expect(response.status).toBe(status);
      expect(response.json.error.code).toBe(code);
      expect(response.json.error.message).toMatch(message);
    });
  }

  it('refuses /get_reward arrays that are not parallel', async () => {
    const response = await postJson(`${server.url}/get_reward`, { query: ['a', 'b'], labels: ['1'] });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/'labels' has 1 entries but 'query' has 2/);
  });

  it('refuses a body that is not JSON with 415 (text, forms)', async () => {
    for (const [type, body] of [
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'samples=1'],
      ['multipart/form-data; boundary=x', '--x--'],
    ]) {
      const response = await fetch(`${server.url}/v1/score`, {
        method: 'POST',
        body,
        headers: { 'content-type': type as string },
      });
      expect(response.status).toBe(415);
      const answer = (await response.json()) as JsonAnswer;
      expect(answer.error).toMatchObject({
        code: 'RK_UNSUPPORTED_MEDIA_TYPE',
        hint: expect.stringMatching(/JSON/),
      });
    }
  });

  it('answers a known route asked with the wrong method with 405 and Allow', async () => {
    for (const [method, path, allow] of [
      ['GET', '/v1/score', 'POST'],
      ['GET', '/get_reward', 'POST'],
      ['DELETE', '/v1/specs', 'GET, HEAD'],
      ['POST', '/healthz', 'GET, HEAD'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      const answer = (await response.json()) as JsonAnswer;
      expect(answer.error).toMatchObject({ code: 'RK_METHOD_NOT_ALLOWED', hint: `use ${allow}` });
    }
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await fetch(`${server.url}/v2/nothing`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as JsonAnswer).error.message).toMatch(/no route GET \/v2\/nothing/);
  });
});

describe('HTTP reward server: API keys', () => {
  let server: RunningServer;
  const key = 'k'.repeat(32);

  beforeAll(async () => {
    server = await startTestServer({ apiKeys: [key] });
  });

  afterAll(async () => {
    await server.close();
  });

  it('refuses weak keys when the app is built (too short, or with spaces)', () => {
    for (const weak of ['short', `${'k'.repeat(10)} ${'k'.repeat(10)}`]) {
      expect(() =>
        createServerApp({ specs: [answerSpec], backend: new InProcessBackend(), apiKeys: [weak] }),
      ).toThrow(/API key .*refused/);
    }
  });

  it('requires a valid bearer key for scoring, but not for the probes', async () => {
    const missing = await postJson(`${server.url}/v1/score`, { samples: [good] });
    expect(missing.status).toBe(401);
    expect(missing.json.error).toMatchObject({
      code: 'RK_UNAUTHORIZED',
      hint: expect.stringMatching(/Bearer/),
    });
    const wrong = await postJson(
      `${server.url}/v1/score`,
      { samples: [good] },
      { authorization: 'Bearer wrong' },
    );
    expect(wrong.status).toBe(401);
    const right = await postJson(
      `${server.url}/v1/score`,
      { samples: [good] },
      { authorization: `Bearer ${key}` },
    );
    expect(right.status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
