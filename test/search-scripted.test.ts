import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/core/seeded-random.js';
import { resetSharedClients } from '../src/models/index.js';
import {
  ComputeLedger,
  type EndpointPolicy,
  runSearchProblems,
  type SearchProblem,
  type SearchRunLine,
  SpecVerifier,
  searchStrategies,
} from '../src/search/index.js';
import { startCli } from './helpers/cli-process.js';
import {
  type ProblemScript,
  type ScriptedEndpoint,
  startScriptedEndpoint,
} from './helpers/scripted-endpoint.js';
import { scriptedPrmSpec, testPolicy } from './helpers/search-parts.js';

/*
 * Every strategy against a scripted OpenAI-compatible endpoint in its own process: the policy's
 * next steps per prefix and the PRM's score per prefix are fixed (test/fixtures/search/
 * scripted-endpoint.ts), so the right choice of each strategy is worked out by hand below.
 * The i-th sample of a request always takes the i-th scripted option (mod their number).
 */

const boxed = (answer: string): string => `The answer is \\boxed{${answer}}.`;

/** Four 2-step solutions whose step scores make last, min, product and mean pick four different ones. */
function aggregationScript(): ProblemScript {
  const pairs: [string, string, number, number][] = [
    // name, answer, step 1 score, step 2 score:  last   min   product  mean
    ['a', '1', 1.0, 0.48], //                     .48    .48   .48      .74  <- mean
    ['b', '2', 0.1, 0.9], //                      .9     .1    .09      .5   <- last
    ['c', '3', 0.6, 0.6], //                      .6     .6    .36      .6   <- min
    ['d', '4', 0.9, 0.55], //                     .55    .55   .495     .725 <- product
  ];
  const steps: ProblemScript['steps'] = { '': pairs.map(([name]) => ({ text: `Step ${name}.` })) };
  const scores: Record<string, number> = {};
  for (const [name, answer, first, second] of pairs) {
    steps[`Step ${name}.\n\n`] = [{ text: boxed(answer), end: true }];
    scores[`Step ${name}.`] = first;
    scores[`Step ${name}.\n\n${boxed(answer)}`] = second;
  }
  return { steps, scores };
}

/**
 * A 3-step problem whose right path is one option in four at each of the first two steps, with
 * a perfect PRM (0.99 on the right prefixes, 0.01 elsewhere). No full sample of the scripted
 * policy is right (sample i takes option i at both steps), so only step-level search finds 6.
 */
function perfectPrmScript(): ProblemScript {
  const first = ['1 + 1 = 3.', '1 + 1 = 2.', '1 + 1 = 4.', '1 + 1 = 5.'];
  const second = ['2 x 3 = 7.', '2 x 3 = 5.', '2 x 3 = 8.', '2 x 3 = 6.'];
  const steps: ProblemScript['steps'] = { '': first.map((text) => ({ text })) };
  for (const step of first) {
    const value = Number(step.split('= ')[1]?.replace('.', ''));
    steps[`${step}\n\n`] = second.map((text) => ({ text: text.replace('2 x', `${value} x`) }));
    for (const next of second) {
      const written = next.replace('2 x', `${value} x`);
      const result = written.split('= ')[1]?.replace('.', '') ?? '';
      steps[`${step}\n\n${written}\n\n`] = [{ text: boxed(result), end: true }];
    }
  }
  const right = ['1 + 1 = 2.', '2 x 3 = 6.', boxed('6')];
  const scores = Object.fromEntries(right.map((_, index) => [right.slice(0, index + 1).join('\n\n'), 0.99]));
  return { steps, scores, default_score: 0.01 };
}

const PROBLEMS: Record<string, ProblemScript> = {
  aggregation: aggregationScript(),
  'aggregation with a dropped score': {
    ...aggregationScript(),
    drop: [`Step b.\n\n${boxed('2')}`],
  },
  votes: {
    steps: {
      '': [
        { text: 'So \\boxed{\\frac{1}{2}}.', end: true },
        { text: 'So \\boxed{0.5}.', end: true },
        { text: 'So \\boxed{1/2}.', end: true },
        { text: 'So \\boxed{7}.', end: true },
        { text: 'Thus \\boxed{7}.', end: true },
        { text: 'So \\boxed{9}.', end: true },
      ],
    },
    scores: {
      'So \\boxed{\\frac{1}{2}}.': 0.3,
      'So \\boxed{0.5}.': 0.3,
      'So \\boxed{1/2}.': 0.3,
      'So \\boxed{7}.': 0.8,
      'Thus \\boxed{7}.': 0.8,
      'So \\boxed{9}.': 0.85,
    },
  },
  beam: perfectPrmScript(),
  'beam, N = 8': perfectPrmScript(),
  'beam over chat': perfectPrmScript(),
  dvts: perfectPrmScript(),
  'compute optimal': perfectPrmScript(),
  particles: {
    steps: {
      '': [{ text: 'Good start.' }, { text: 'Bad start.' }, { text: 'Bad start.' }, { text: 'Bad start.' }],
      'Good start.\n\n': [{ text: boxed('5'), end: true }],
      'Bad start.\n\n': [{ text: boxed('4'), end: true }],
    },
    scores: { 'Good start.': 0.9999, [`Good start.\n\n${boxed('5')}`]: 0.9999 },
    default_score: 0.0001,
  },
  'finished particles': {
    steps: { '': [{ text: boxed('5'), end: true }, { text: 'Not done.' }] },
    scores: { [boxed('5')]: 0.999, 'Not done.': 0.001 },
  },
  rebase: {
    steps: {
      '': ['a', 'b', 'c', 'd'].map((name) => ({ text: `Node ${name}.` })),
      ...Object.fromEntries(
        ['a', 'b', 'c', 'd'].map((name) => [`Node ${name}.\n\n`, [{ text: boxed(name), end: true }]]),
      ),
    },
    scores: { 'Node a.': 0.9, 'Node b.': 0.85, 'Node c.': 0.1, 'Node d.': 0.1 },
  },
  mcts: {
    steps: {
      '': [
        { text: 'Try x one.', logprob: -9 },
        { text: 'Try x two.', logprob: -9 },
        { text: 'Try x three.', logprob: -0.3 },
        { text: 'Try x four.', logprob: -9 },
      ],
    },
  },
  'early rejection': {
    steps: {
      '': [
        { text: 'Alpha beta gamma delta.' },
        { text: 'Bravo charlie x y.' },
        { text: 'Delta echo z w.' },
        { text: 'Foxtrot golf q r.' },
      ],
      'Alpha beta gamma delta.\n\n': [{ text: boxed('1'), end: true }],
      'Delta echo z w.\n\n': [{ text: boxed('8'), end: true }],
    },
    scores: {
      'Alpha beta': 0.9,
      'Bravo charlie': 0.2,
      'Delta echo': 0.8,
      'Foxtrot golf': 0.1,
      'Alpha beta gamma delta.': 0.3,
      'Delta echo z w.': 0.95,
    },
  },
  'empty step': {
    steps: {
      '': [{ text: 'Start.' }, { text: '' }],
      'Start.\n\n': [{ text: boxed('3'), end: true }],
    },
    scores: { 'Start.': 0.9, [`Start.\n\n${boxed('3')}`]: 0.9 },
  },
};

let endpoint: ScriptedEndpoint;
let verifier: SpecVerifier;
const directory = mkdtempSync(join(tmpdir(), 'rk-scripted-search-'));

function policyAt(
  baseUrl: string,
  api: 'completions' | 'chat' = 'completions',
  timeoutS = 30,
): EndpointPolicy {
  return testPolicy(
    { base_url: baseUrl, model: `scripted-${api}-${timeoutS}`, timeout_s: timeoutS, max_retries: 0 },
    { api, maxTokens: 256 },
  );
}

function problem(name: string): SearchProblem {
  return { id: name, prompt: name };
}

async function search(
  strategy: string,
  name: string,
  budget: number,
  options: unknown = {},
  api: 'completions' | 'chat' = 'completions',
) {
  const chosen = searchStrategies.get(strategy);
  const ledger = new ComputeLedger();
  return chosen.run(problem(name), budget, chosen.optionsSchema.parse(options), {
    policy: ledger.meterPolicy(policyAt(endpoint.baseUrl, api)),
    verifier: ledger.meterVerifier(verifier),
    ledger,
    random: seededRandom(7),
    seed: 7,
  });
}

async function requestsFor(name: string) {
  return (await endpoint.requests()).filter((request) => request.problem === name);
}

beforeAll(async () => {
  endpoint = await startScriptedEndpoint({ problems: PROBLEMS });
  verifier = new SpecVerifier(scriptedPrmSpec(endpoint.baseUrl));
}, 60_000);

afterAll(async () => {
  await verifier?.close();
  resetSharedClients();
  await endpoint?.stop();
});

describe('sampling strategies pick what the scripted scores say', () => {
  it('best_of_n: last, min, product (or prod) and mean pick four different solutions', async () => {
    expect((await search('best_of_n', 'aggregation', 4)).answer).toBe('2'); // default: last
    expect((await search('best_of_n', 'aggregation', 4, { aggregate: 'min' })).answer).toBe('3');
    expect((await search('best_of_n', 'aggregation', 4, { aggregate: 'product' })).answer).toBe('4');
    expect((await search('best_of_n', 'aggregation', 4, { aggregate: 'prod' })).answer).toBe('4');
    const mean = await search('best_of_n', 'aggregation', 4, { aggregate: 'mean' });
    expect(mean.answer).toBe('1');
    expect(mean.selection.support).toBeCloseTo(0.74, 12);
    // One request with n = 4, full solutions (no stop string).
    const requests = await requestsFor('aggregation');
    expect(requests[0]).toMatchObject({ prefix: '', n: 4, stop: false });
  });

  it('majority and weighted votes group 1/2, 0.5 and \\frac{1}{2} as one answer', async () => {
    // Groups: {\frac{1}{2}, 0.5, 1/2} 3 votes, summed score 0.9; {7} 2 votes, 1.6; {9} 1 vote, 0.85.
    const majority = await search('majority_vote', 'votes', 6);
    expect(majority.selection).toMatchObject({ method: 'majority_vote', support: 3, groups: 3 });
    expect(majority.answer).toBe('\\frac{1}{2}');
    expect(majority.compute.verifierCalls).toBe(0);
    const weighted = await search('weighted_vote', 'votes', 6);
    expect(weighted.answer).toBe('7');
    expect(weighted.selection.support).toBeCloseTo(1.6, 12);
    expect((await search('best_of_n', 'votes', 6)).answer).toBe('9');
  });
});

describe('step-level strategies make the choices worked out by hand', () => {
  it('beam search with a perfect PRM finds the answer no full sample reaches', async () => {
    expect((await search('best_of_n', 'beam', 4)).answer).not.toBe('6');
    const result = await search('beam_search', 'beam', 4);
    expect(result.answer).toBe('6');
    expect(result.selection.method).toBe('weighted_vote'); // search-and-learn's pred_weighted
    // N = 4, M = 4: one beam kept, expanded 4 times per iteration, stop at the step separator.
    const requests = (await requestsFor('beam')).filter((request) => request.stop);
    expect(requests.map((request) => [request.prefix, request.n])).toEqual([
      ['', 4],
      ['1 + 1 = 2.\n\n', 4],
      ['1 + 1 = 2.\n\n2 x 3 = 6.\n\n', 4],
    ]);
    // The first N completed beams are the candidates.
    expect(result.candidates).toHaveLength(4);
    expect(result.candidates.every((candidate) => candidate.answer === '6')).toBe(true);
  });

  it('beam search keeps N / M beams: N = 8 keeps the two best first steps', async () => {
    const result = await search('beam_search', 'beam, N = 8', 8, { final_selection: 'best' });
    expect(result.answer).toBe('6');
    const requests = await requestsFor('beam, N = 8');
    // 8 first steps (each option twice); the two copies of the right one are kept and each gets
    // 8 / 2 = 4 expansions.
    expect(requests.map((request) => [request.prefix, request.n])).toEqual([
      ['', 8],
      ['1 + 1 = 2.\n\n', 4],
      ['1 + 1 = 2.\n\n', 4],
      ['1 + 1 = 2.\n\n2 x 3 = 6.\n\n', 4],
      ['1 + 1 = 2.\n\n2 x 3 = 6.\n\n', 4],
    ]);
  });

  it('beam search over /v1/chat/completions continues the assistant message', async () => {
    const result = await search('beam_search', 'beam over chat', 4, {}, 'chat');
    expect(result.answer).toBe('6');
    const prefixes = (await requestsFor('beam over chat')).map((request) => request.prefix);
    expect(prefixes).toEqual(['', '1 + 1 = 2.\n\n', '1 + 1 = 2.\n\n2 x 3 = 6.\n\n']);
  });

  it('DVTS grows N / M independent greedy subtrees of M children each', async () => {
    const result = await search('dvts', 'dvts', 8);
    expect(result.answer).toBe('6');
    const requests = await requestsFor('dvts');
    // Two subtrees, each: root x 4, the PRM's best first step x 4, its best second step x 4.
    expect(requests.filter((request) => request.prefix === '').map((request) => request.n)).toEqual([4, 4]);
    expect(requests).toHaveLength(6);
    expect(result.candidates).toHaveLength(8);
  });

  it('particle filtering resamples every particle onto the only prefix with weight', async () => {
    // Weights softmax(logit(0.9999)) vs softmax(logit(0.0001)): e^18.4 to 1, so all 4 particles
    // continue the good start, grown by one request with n = 4 (one prefix, prefix-cache friendly).
    const result = await search('particle_filtering', 'particles', 4);
    expect(result.answer).toBe('5');
    const requests = await requestsFor('particles');
    expect(requests.map((request) => [request.prefix, request.n])).toEqual([
      ['', 4],
      ['Good start.\n\n', 4],
    ]);
  });

  it('particle filtering keeps a finished particle without growing it again', async () => {
    const result = await search('particle_filtering', 'finished particles', 2);
    expect(result.answer).toBe('5');
    // The finished particle takes all the weight; nothing unfinished is left to grow.
    expect(await requestsFor('finished particles')).toHaveLength(1);
    expect(result.candidates.every((candidate) => candidate.finished)).toBe(true);
  });

  it('REBASE gives the width by softmax(R / 0.2), best node first', async () => {
    // exp((R - 0.9) / 0.2) = 1, 0.7788, 0.0183, 0.0183 (sum 1.8154): a: ceil(4 / 1.8154) = 3,
    // then b: ceil(1 x 0.7788 / 0.8154) = 1, c and d: 0.
    const result = await search('rebase', 'rebase', 4);
    const second = (await requestsFor('rebase')).filter((request) => request.prefix !== '');
    expect(second.map((request) => [request.prefix, request.n])).toEqual([
      ['Node a.\n\n', 3],
      ['Node b.\n\n', 1],
    ]);
    expect(result.candidates).toHaveLength(4);
  });

  it('MCTS follows the policy prior: the second simulation expands the likeliest child', async () => {
    // Priors: softmax of mean token logprobs (-3, -3, -0.1, -3) = 0.86 for "three". Simulation 1
    // expands the root and (no visits yet, equal PRM values 0.5) steps into the first child;
    // simulation 2: "three" scores 0.5 + 1.25 x 0.86 x 1 / 1 > 0.5 + 1.25 x 0.05 / 2.
    await search('mcts', 'mcts', 2, { expansion_width: 4 });
    const requests = await requestsFor('mcts');
    expect(requests.map((request) => [request.prefix, request.n])).toEqual([
      ['', 4],
      ['Try x three.\n\n', 4],
    ]);
  });

  it('early rejection finishes only the best partial steps by their first K tokens', async () => {
    // K = 2 tokens: partial scores Alpha 0.9, Bravo 0.2, Delta 0.8, Foxtrot 0.1; keep 2 x (4 / 4)
    // = 2 partials (Alpha, Delta) and finish them; whole steps: Alpha 0.3, Delta 0.95: Delta kept.
    const result = await search('early_rejection', 'early rejection', 4, { early_rejection_tokens: 2 });
    expect(result.answer).toBe('8');
    const requests = await requestsFor('early rejection');
    expect(requests[0]).toMatchObject({ prefix: '', n: 4, max_tokens: 2 });
    expect(
      requests
        .slice(1, 3)
        .map((request) => request.prefix)
        .sort(),
    ).toEqual(['Alpha beta ', 'Delta echo ']);
  });

  it('compute_optimal counts its probes as candidates', async () => {
    const table = (strategy: string, options: Record<string, unknown> = {}) => ({
      edges: [],
      choices: { '4': [{ strategy, options }] },
    });
    // A sampling choice: the 2 probes are 2 of its 4 samples; 2 more are drawn.
    const sampled = await search('compute_optimal', 'aggregation', 4, {
      difficulty_samples: 2,
      table: table('best_of_n', { aggregate: 'min' }),
    });
    expect(sampled.strategy).toBe('compute_optimal:best_of_n');
    expect(sampled.candidates).toHaveLength(4);
    expect(sampled.compute.generatedSequences).toBe(4);
    // Probes a (last 0.48) and b (0.9): difficulty 0.69.
    expect(sampled.selection.difficulty).toBeCloseTo(0.69, 12);
    // min over a, b, a, b: a (0.48).
    expect(sampled.answer).toBe('1');
    // A step-level choice: beam search's 4 candidates and the 2 probes.
    const searched = await search('compute_optimal', 'compute optimal', 4, {
      difficulty_samples: 2,
      table: table('beam_search'),
    });
    expect(searched.candidates).toHaveLength(6);
    expect(searched.answer).toBe('6');
  });
});

describe('faults and bad input', () => {
  it('a verifier that cannot score one solution ranks it last; the search goes on', async () => {
    // The PRM drops a row for b (the "last" winner): b is unscored and c (0.6) wins.
    const result = await search('best_of_n', 'aggregation with a dropped score', 4);
    expect(result.answer).toBe('3');
    const dropped = result.candidates.find((candidate) => candidate.answer === '2');
    expect(dropped?.score).toBeNull();
    expect(dropped?.stepScores).toBeNull();
  });

  it('an empty step ends its candidate, which has no answer; the search still answers', async () => {
    const result = await search('beam_search', 'empty step', 2, { beam_width: 2 });
    expect(result.answer).toBe('3');
    const empty = result.candidates.find((candidate) => candidate.steps.length === 0);
    expect(empty).toMatchObject({ finished: true, answer: null });
  });

  it('a budget of 0 is refused by every strategy before anything is generated', async () => {
    const before = (await endpoint.requests()).length;
    for (const name of searchStrategies.names()) {
      const options = name === 'compute_optimal' ? { table: { edges: [], choices: {} } } : {};
      await expect(search(name, 'aggregation', 0, options), name).rejects.toMatchObject({
        code: 'RK_INPUT_INVALID',
      });
    }
    expect((await endpoint.requests()).length).toBe(before);
  });

  it('a problem without a reference is searched; its correctness is null', async () => {
    const lines: SearchRunLine[] = [];
    await runSearchProblems(
      (async function* () {
        yield [
          { line: 1, value: { id: 'no-reference', prompt: 'aggregation' } },
          { line: 2, value: { id: 'zero', prompt: 'aggregation', reference: { answer: '2' } } },
        ];
      })(),
      {
        strategy: searchStrategies.get('best_of_n'),
        options: searchStrategies.get('best_of_n').optionsSchema.parse({}),
        budgets: [4, 0],
        seeds: [1],
        policy: policyAt(endpoint.baseUrl),
        verifier,
        concurrency: 2,
        keepCandidates: false,
      },
      new Set(),
      async (line) => {
        lines.push(line);
      },
    );
    const at = (id: string, budget: number) =>
      lines.find((line) => line.problem_id === id && line.budget === budget);
    expect(at('no-reference', 4)).toMatchObject({ status: 'ok', answer: '2', correct: null });
    expect(at('zero', 4)).toMatchObject({ status: 'ok', answer: '2', correct: true });
    expect(at('zero', 0)).toMatchObject({ status: 'error', error: { code: 'RK_INPUT_INVALID' } });
    expect(at('zero', 0)?.compute?.generatorCalls).toBe(0);
  });
});

describe('a generator that fails or hangs mid-search', () => {
  let faulty: ScriptedEndpoint;
  beforeAll(async () => {
    // Policy request 2 fails (HTTP 500), request 4 is never answered.
    faulty = await startScriptedEndpoint({ problems: PROBLEMS, fail_requests: [2], hang_requests: [4] });
  }, 60_000);
  afterAll(async () => {
    await faulty?.stop();
  });

  async function searchUnit(timeoutS: number): Promise<SearchRunLine> {
    const lines: SearchRunLine[] = [];
    const strategy = searchStrategies.get('beam_search');
    const unitVerifier = new SpecVerifier(scriptedPrmSpec(faulty.baseUrl));
    await runSearchProblems(
      (async function* () {
        yield [{ line: 1, value: { id: 'beam', prompt: 'beam', reference: { answer: '6' } } }];
      })(),
      {
        strategy,
        options: strategy.optionsSchema.parse({}),
        budgets: [4],
        seeds: [timeoutS],
        policy: policyAt(faulty.baseUrl, 'completions', timeoutS),
        verifier: unitVerifier,
        concurrency: 1,
        keepCandidates: false,
      },
      new Set(),
      async (line) => {
        lines.push(line);
      },
    );
    await unitVerifier.close();
    expect(lines).toHaveLength(1);
    return lines[0] as SearchRunLine;
  }

  it('gives the unit an error line with the reason and the compute spent before the fault', async () => {
    const failed = await searchUnit(30);
    expect(failed).toMatchObject({ status: 'error', correct: null, answer: null });
    expect(failed.error?.code).toBe('RK_UNAVAILABLE');
    expect(failed.error?.message).toMatch(/500/);
    // The first iteration's request and its scoring were done and are counted.
    expect(failed.compute?.generatorCalls).toBe(1);
    expect(failed.compute?.verifierCalls).toBe(1);
    const timedOut = await searchUnit(1);
    expect(timedOut.status).toBe('error');
    expect(timedOut.error?.code).toBe('RK_TIMEOUT');
    expect(timedOut.compute?.generatorCalls).toBe(1);
  }, 60_000);
});

describe('rewardkit search --resume after a killed run', () => {
  it('continues without redoing a finished problem', async () => {
    const slow = await startScriptedEndpoint({ problems: PROBLEMS, latency_ms: 400 });
    try {
      const names = ['aggregation', 'votes', 'beam', 'rebase', 'particles', 'dvts'];
      const input = join(directory, 'problems.jsonl');
      writeFileSync(input, `${names.map((name) => JSON.stringify({ id: name, prompt: name })).join('\n')}\n`);
      const spec = join(directory, 'prm.json');
      writeFileSync(spec, JSON.stringify(scriptedPrmSpec(slow.baseUrl)));
      const out = join(directory, 'runs.jsonl');
      const args = [
        'search',
        '--strategy',
        'best_of_n',
        '--policy',
        slow.baseUrl,
        '--scorer',
        spec,
        '--in',
        input,
        '--out',
        out,
        '--budget',
        '4',
        '--concurrency',
        '1',
      ];
      const first = startCli(args);
      const finishedLines = () =>
        existsSync(out)
          ? readFileSync(out, 'utf8')
              .split('\n')
              .filter((line) => line.trim() !== '')
          : [];
      const deadline = Date.now() + 60_000;
      while (finishedLines().length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      await first.stop('SIGKILL');
      const before = finishedLines().map((line) => JSON.parse(line).problem_id as string);
      expect(before.length).toBeGreaterThanOrEqual(2);
      expect(before.length).toBeLessThan(names.length);
      const requestsBefore = (await slow.requests()).length;
      const again = startCli([...args, '--resume']);
      expect(await again.exited).toBe(0);
      const after = finishedLines().map((line) => JSON.parse(line));
      // Every problem once, the finished ones not searched again.
      expect(after.map((line) => line.problem_id).sort()).toEqual([...names].sort());
      expect(after.every((line) => line.status === 'ok')).toBe(true);
      const resumed = (await slow.requests()).slice(requestsBefore).map((request) => request.problem);
      for (const done of before) expect(resumed).not.toContain(done);
    } finally {
      await slow.stop();
    }
  }, 120_000);
});
