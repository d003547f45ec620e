import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/core/seeded-random.js';
import { parseSpec } from '../src/core/spec.js';
import { labelMethods, rolloutSuccess } from '../src/labels/index.js';
import { resetSharedClients } from '../src/models/index.js';
import {
  ComputeLedger,
  createSearchServer,
  type EndpointPolicy,
  runSearchProblems,
  type SearchProblem,
  type SearchResult,
  type SearchRunLine,
  SpecVerifier,
  searchStrategies,
} from '../src/search/index.js';
import { judgeSteps, problemSample } from '../src/world/index.js';
import { startCli } from './helpers/cli-process.js';
import { testPolicy } from './helpers/search-parts.js';
import { startWorld, type WorldProcess } from './helpers/world-process.js';

// The reference world with a perfect PRM (0.999 for a correct step, 0.001 for a wrong one: a perfect ranking).
let world: WorldProcess;
let verifier: SpecVerifier;
const directory = mkdtempSync(join(tmpdir(), 'rk-search-'));
const problems: SearchProblem[] = Array.from({ length: 6 }, (_, index) => {
  const sample = problemSample(0, index);
  return { id: sample.id, prompt: sample.prompt, reference: { answer: sample.reference.answer } };
});

function policyFor(model: string): EndpointPolicy {
  return testPolicy({ base_url: world.baseUrl, model, timeout_s: 30, max_retries: 2 }, { maxTokens: 512 });
}

async function search(
  name: string,
  problem: SearchProblem,
  budget: number,
  options: unknown = {},
  model = 'policy-0.6',
) {
  const strategy = searchStrategies.get(name);
  const ledger = new ComputeLedger();
  return strategy.run(problem, budget, strategy.optionsSchema.parse(options), {
    policy: ledger.meterPolicy(policyFor(model)),
    verifier: ledger.meterVerifier(verifier),
    ledger,
    random: seededRandom(7),
    seed: 7,
  });
}

function right(problem: SearchProblem, result: SearchResult): boolean {
  return result.answer === problem.reference?.answer;
}

beforeAll(async () => {
  world = await startWorld(['--prm-confidence', '0.999', '--seed', '0']);
  const spec = parseSpec({
    name: 'world-prm',
    models: { prm: { base_url: world.baseUrl, model: 'world-prm' } },
    rewards: [{ name: 'prm', type: 'prm', options: { model: 'prm' } }],
  });
  writeFileSync(join(directory, 'prm.json'), JSON.stringify(spec));
  verifier = new SpecVerifier(spec);
}, 90_000);

afterAll(async () => {
  await verifier?.close();
  resetSharedClients();
  await world?.stop();
});

describe('search strategies against the reference world', () => {
  it('beam search with a perfect PRM finds the right answer on every problem', async () => {
    for (const problem of problems) {
      const result = await search('beam_search', problem, 16);
      expect(right(problem, result), `${problem.id}: ${result.answer}`).toBe(true);
      // N candidate steps per iteration, one request per kept beam.
      expect(result.compute.generatedSteps).toBeGreaterThan(16);
      expect(result.compute.verifierCalls).toBeGreaterThan(1);
    }
  }, 120_000);

  it('every strategy returns a chosen answer, its candidates and the compute it spent', async () => {
    const problem = problems[1] as SearchProblem;
    for (const name of searchStrategies.names().filter((name) => name !== 'compute_optimal')) {
      const result = await search(name, problem, 8);
      expect(result.strategy).toBe(name);
      expect(result.candidates.length, name).toBeGreaterThan(0);
      expect(result.response, name).not.toBeNull();
      expect(result.compute.generatorCalls, name).toBeGreaterThan(0);
      expect(result.compute.completionTokens, name).toBeGreaterThan(0);
      if (name !== 'majority_vote') expect(result.compute.verifierCalls, name).toBeGreaterThan(0);
      else expect(result.compute.verifierCalls).toBe(0);
    }
  }, 180_000);

  it('a perfect PRM makes PRM-guided strategies at least as accurate as one sample', async () => {
    let single = 0;
    let guided = 0;
    for (const problem of problems) {
      single += right(problem, await search('best_of_n', problem, 1)) ? 1 : 0;
      guided += right(problem, await search('particle_filtering', problem, 8)) ? 1 : 0;
    }
    expect(guided).toBeGreaterThanOrEqual(single);
    expect(guided).toBe(problems.length);
  }, 120_000);

  it('compute_optimal runs the strategy its table names for the estimated bin', async () => {
    const problem = problems[2] as SearchProblem;
    const result = await search('compute_optimal', problem, 8, {
      difficulty_samples: 2,
      table: {
        edges: [0.5],
        choices: {
          '8': [
            { strategy: 'beam_search', options: {} },
            { strategy: 'majority_vote', options: {} },
          ],
        },
      },
    });
    expect(result.strategy).toMatch(/^compute_optimal:(beam_search|majority_vote)$/);
    // The difficulty probes are counted and are candidates: majority vote reuses them as 2 of its
    // 8 samples; beam search runs at 8 and the probes join its candidates.
    expect(result.compute.generatedSequences).toBeGreaterThanOrEqual(8);
    expect(result.selection.difficulty).toBeGreaterThanOrEqual(0);
  }, 60_000);
});

describe('rewardkit search (CLI) against the world', () => {
  it('writes one line per problem, budget and seed; errors and missing references are lines too; --resume redoes nothing', async () => {
    const input = join(directory, 'problems.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify(problemSample(0, 0)),
        '{"id": "no-reference", "prompt": "Ada has 5 beads. Then Ada gets 2 more. How many beads does Ada have now?"}',
        '{"id": 7}',
        'not json',
      ].join('\n'),
    );
    const out = join(directory, 'runs.jsonl');
    const args = [
      'search',
      '--strategy',
      'weighted_vote',
      '--policy',
      world.baseUrl,
      '--policy-model',
      'policy-0.6',
    ];
    const rest = [
      '--scorer',
      join(directory, 'prm.json'),
      '--in',
      input,
      '--out',
      out,
      '--budget',
      '2,4',
      '--report',
      join(directory, 'r.html'),
    ];
    const first = startCli([...args, ...rest]);
    expect(await first.exited).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // 2 problems x 2 budgets + 2 bad lines
    expect(lines).toHaveLength(6);
    const bad = lines.filter((line) => line.status === 'error');
    expect(bad.map((line) => line.line).sort()).toEqual([3, 4]);
    expect(bad.find((line) => line.line === 3).error.message).toMatch(/line 3: .*prompt/);
    const unreferenced = lines.filter((line) => line.problem_id === 'no-reference');
    expect(
      unreferenced.every((line) => line.status === 'ok' && line.correct === null && line.answer !== null),
    ).toBe(true);
    expect(readFileSync(join(directory, 'r.html'), 'utf8')).toContain('<svg');
    const again = startCli([...args, ...rest.slice(0, -2), '--resume']);
    expect(await again.exited).toBe(0);
    const after = readFileSync(out, 'utf8').trim().split('\n');
    // Only the two bad lines are tried (and reported) again.
    expect(after).toHaveLength(8);
  }, 120_000);

  it('refuses a budget of 0 with a usage error', async () => {
    const run = startCli([
      'search',
      '--strategy',
      'best_of_n',
      '--policy',
      world.baseUrl,
      '--scorer',
      join(directory, 'prm.json'),
      '--in',
      'x',
      '--out',
      'y',
      '--budget',
      '0',
    ]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/--budget must be .*integers >= 1/);
  }, 60_000);

  it('a generator that fails gives each unit an error line, and the run goes on to the end', async () => {
    const input = join(directory, 'two.jsonl');
    writeFileSync(input, `${JSON.stringify(problemSample(0, 3))}\n${JSON.stringify(problemSample(0, 4))}\n`);
    const out = join(directory, 'failing.jsonl');
    // A policy endpoint that refuses connections (nothing listens on port 9 of loopback).
    const run = startCli([
      'search',
      '--strategy',
      'beam_search',
      '--policy',
      'http://127.0.0.1:9/v1',
      '--scorer',
      join(directory, 'prm.json'),
      '--in',
      input,
      '--out',
      out,
      '--budget',
      '4',
    ]);
    expect(await run.exited).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.status).toBe('error');
      expect(line.error.message.length).toBeGreaterThan(0);
      expect(line.compute.generatorCalls).toBe(0);
    }
  }, 120_000);
});

/** The parts of `search serve`'s reply the test reads. */
interface SearchChatReply {
  object?: string;
  choices?: { message: { content: string } }[];
  search?: { answer: string | null };
  usage?: { completion_tokens: number };
}

describe('search serve (OpenAI-compatible) against the world', () => {
  it('answers a chat completion with a searched answer and its compute; refuses what is over the limits', async () => {
    const app = createSearchServer(policyFor('policy-0.6'), verifier, {
      maxBudget: 8,
      maxConcurrentSearches: 4,
      defaultStrategy: 'best_of_n',
      defaultBudget: 4,
      allowedStrategies: ['best_of_n', 'beam_search'],
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const post = async (body: unknown) => {
        const response = await fetch(`${address}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: (await response.json()) as SearchChatReply };
      };
      const problem = problems[0] as SearchProblem;
      const answered = await post({
        messages: [{ role: 'user', content: problem.prompt }],
        strategy: 'beam_search',
        budget: 8,
      });
      expect(answered.status).toBe(200);
      expect(answered.body.object).toBe('chat.completion');
      expect(answered.body.choices?.[0]?.message.content).toContain('\\boxed{');
      expect(answered.body.search?.answer).toBe(problem.reference?.answer);
      expect(answered.body.usage?.completion_tokens).toBeGreaterThan(0);
      // The operator's limits, not the request's: a bigger budget, an unserved strategy, no user message.
      expect((await post({ messages: [{ role: 'user', content: problem.prompt }], budget: 64 })).status).toBe(
        400,
      );
      expect(
        (await post({ messages: [{ role: 'user', content: problem.prompt }], strategy: 'mcts' })).status,
      ).toBe(400);
      expect((await post({ messages: [{ role: 'system', content: 'hi' }] })).status).toBe(400);
      expect((await post({ messages: 'not a list' })).status).toBe(400);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('search serve and rewardkit search run one search the same way', () => {
  it('gives the same search for the same strategy, budget and seed', async () => {
    // A weak policy: several particles tie, so which the resampling keeps is up to the random stream.
    const problem = problems[0] as SearchProblem;
    const strategy = searchStrategies.get('particle_filtering');
    const policy = policyFor('policy-0.3');
    const lines: SearchRunLine[] = [];
    await runSearchProblems(
      (async function* () {
        yield [{ line: 1, value: { id: problem.id, prompt: problem.prompt } }];
      })(),
      {
        strategy,
        options: strategy.optionsSchema.parse({}),
        budgets: [6],
        seeds: [1],
        policy,
        verifier,
        concurrency: 1,
        keepCandidates: true,
      },
      new Set(),
      async (line) => {
        lines.push(line);
      },
    );
    const app = createSearchServer(policy, verifier, {
      maxBudget: 8,
      maxConcurrentSearches: 1,
      defaultStrategy: 'particle_filtering',
      defaultBudget: 6,
      allowedStrategies: ['particle_filtering'],
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${address}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: problem.prompt }], seed: 1 }),
      });
      const served = (await response.json()) as SearchChatReply & {
        search: { selection: unknown; compute: { generatorCalls: number; completionTokens: number } };
      };
      const [line] = lines;
      expect(line?.status).toBe('ok');
      expect(served.choices?.[0]?.message.content).toBe(line?.response);
      expect(served.search.selection).toEqual(line?.selection);
      expect(served.search.compute.generatorCalls).toBe(line?.compute?.generatorCalls);
      expect(served.search.compute.completionTokens).toBe(line?.compute?.completionTokens);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('rewardkit label against the world', () => {
  it('judges each rollout as the prefix it continued plus its completion', async () => {
    const sample = problemSample(0, 2);
    const policy = policyFor('policy-0.95');
    const first = await policy.continue({ id: sample.id, prompt: sample.prompt }, '', {
      n: 1,
      untilStepEnd: false,
      seed: 5,
    });
    const steps = (first[0]?.text ?? '').split('\n\n');
    const problem = {
      id: sample.id,
      prompt: sample.prompt,
      reference: { answer: sample.reference.answer },
      steps,
    };
    // A strong policy from no steps and from all but the last: most rollouts reach the answer.
    for (const stepCount of [0, steps.length - 1]) {
      const outcome = await rolloutSuccess(problem, stepCount, 8, policy, 3);
      expect(outcome.rollouts).toBe(8);
      expect(outcome.successes).toBeGreaterThan(4);
    }
    // The whole solution is judged as it stands, with no rollout.
    const whole = await rolloutSuccess(problem, steps.length, 8, policy, 3);
    const right = judgeSteps(sample.prompt, steps).stepCorrect.every(Boolean);
    expect(whole).toEqual({ successes: right ? 8 : 0, rollouts: 0 });
  }, 60_000);

  it('OmegaPRM finds the first wrong step with fewer rollouts than Math-Shepherd', async () => {
    // A solution whose third step is wrong (the world knows every step's truth).
    const sample = problemSample(0, 0);
    const values = sample.reference.step_values as number[];
    const policy = policyFor('policy-0.95');
    const problemOnly = { id: sample.id, prompt: sample.prompt };
    // The world's own first three steps, the third made wrong, then the rest written from there.
    const first = await policy.continue(problemOnly, '', { n: 1, untilStepEnd: false, seed: 11 });
    const start = (first[0]?.text ?? '').split('\n\n').slice(0, 3);
    start[2] = `${(start[2] as string).split('=')[0]}= ${(values[2] as number) + 5}.`;
    const rest = await policy.continue(problemOnly, `${start.join('\n\n')}\n\n`, {
      n: 1,
      untilStepEnd: false,
      seed: 12,
    });
    const steps = [...start, ...(rest[0]?.text ?? '').split('\n\n')];
    expect(steps.length).toBe(values.length);
    const truth = judgeSteps(sample.prompt, steps).stepCorrect;
    expect(truth.indexOf(false)).toBe(2);
    const problem = {
      id: sample.id,
      prompt: sample.prompt,
      reference: { answer: sample.reference.answer },
      steps,
    };
    const run = async (name: string) => {
      const method = labelMethods.get(name);
      const ledger = new ComputeLedger();
      return method.label(problem, method.optionsSchema.parse({ rollouts: 8 }), {
        policy: ledger.meterPolicy(policy),
        ledger,
        seed: 3,
      });
    };
    const shepherd = await run('math_shepherd');
    const omega = await run('omegaprm');
    expect(shepherd.labels.map((label) => label.label)).toEqual(truth);
    expect(omega.labels.slice(0, 3).map((label) => label.label)).toEqual([true, true, false]);
    expect(omega.labels.slice(3).every((label) => label.label === null)).toBe(true);
    expect(omega.rollouts).toBeLessThan(shepherd.rollouts);
  }, 120_000);
});
