import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpecText } from '../src/core/spec.js';
import { repositoryRoot } from './helpers/cli-process.js';
import { answerSpec, type RunningServer, sleepySpec, startTestServer } from './helpers/test-server.js';

const run = promisify(execFile);
const python = '/usr/bin/python3';

/**
 * Each trainer's calling convention, as its source shows it (verl's reward managers and reward
 * loop, OpenRLHF's agent executor and 0.9 experience maker, TRL's GRPOTrainer), played by Python
 * harnesses through the installed Python client (clients/python) against a live server.
 */
const mathSpec = parseSpecText(
  [
    'name: math-format',
    'rewards:',
    '  - {name: correct, type: math}',
    '  - {name: format, type: format, weight: 0.2, options: {tags: [think, answer]}}',
  ].join('\n'),
);
const strictSpec = parseSpecText(
  ['name: strict-math', 'on_error: "null"', 'rewards:', '  - {name: correct, type: math}'].join('\n'),
);

/** The Python snippets of docs/server.md, by the name in their `<!-- python-snippet: NAME -->` marker. */
function snippetsOfDocs(): Map<string, string> {
  const text = readFileSync(join(repositoryRoot, 'docs/server.md'), 'utf8');
  const snippets = new Map<string, string>();
  for (const match of text.matchAll(/<!-- python-snippet: (\w+) -->\n```python\n([\s\S]*?)```/g)) {
    snippets.set(match[1]!, match[2]!);
  }
  return snippets;
}

/** Python helpers every harness starts with: prints JSON, turns tensors (when torch exists) into lists. */
const PRELUDE = `
import json, sys
def as_list(value):
    return value.tolist() if hasattr(value, "tolist") else list(value)
def emit(value):
    print(json.dumps(value))
`;

describe.skipIf(!existsSync(python))('Python client against a live server, as each trainer calls it', () => {
  let server: RunningServer;
  let smallServer: RunningServer;
  let stub: ChildProcess;
  let stubUrl: string;
  let directory: string;
  let pythonPath: string;
  let installOutcome: { installed: boolean; reason: string };
  const apiKey = 'python-client-key-0123456789';

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'rewardkit-python-'));
    server = await startTestServer({
      apiKeys: [apiKey],
      specs: [mathSpec, strictSpec, answerSpec, sleepySpec(40)],
    });
    smallServer = await startTestServer({
      apiKeys: [apiKey],
      specs: [mathSpec],
      limits: { maxBatchSize: 64 },
    });
    installOutcome = await installClient(directory);
    pythonPath = installOutcome.installed ? join(directory, 'site') : join(repositoryRoot, 'clients/python');
    stub = spawn(python, [join(repositoryRoot, 'test/fixtures/python/overloaded_server.py')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<string>((resolve) => {
      createInterface({ input: stub.stdout! }).once('line', resolve);
    });
    stubUrl = `http://127.0.0.1:${port.trim()}`;
  }, 120_000);

  afterAll(async () => {
    stub?.kill();
    await server?.close();
    await smallServer?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  async function runPython(
    code: string,
    env: Record<string, string> = {},
  ): Promise<{ value: unknown; stderr: string }> {
    const { stdout, stderr } = await run(python, ['-c', PRELUDE + code], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PYTHONPATH: pythonPath,
        REWARDKIT_URL: server.url,
        REWARDKIT_API_KEY: apiKey,
        ...env,
      },
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = stdout.trim().split('\n');
    return { value: JSON.parse(lines[lines.length - 1]!), stderr };
  }

  async function requestCount(target: RunningServer, route: string): Promise<number> {
    const text = await (await fetch(`${target.url}/metrics`)).text();
    let total = 0;
    for (const match of text.matchAll(/^rewardkit_http_requests_total\{([^}]*)\} (\d+)/gm)) {
      if (match[1]!.includes(`route="${route}"`)) total += Number(match[2]);
    }
    return total;
  }

  it('installs with pip from clients/python (no index, the interpreter own setuptools)', (context) => {
    if (!installOutcome.installed) context.skip(installOutcome.reason);
    expect(existsSync(join(directory, 'site/rewardkit/verl.py'))).toBe(true);
  });

  describe('verl', () => {
    it('compute_score as the naive/dapo managers and the reward loop call it: keywords, extra kwargs, floats', async () => {
      const { value } = await runPython(`
from rewardkit.verl import compute_score
class NumpyLikeArray:  # what a parquet list column becomes in verl: a numpy array
    def __init__(self, values): self.values = values
    def tolist(self): return list(self.values)
right = "<think>6*3=18</think><answer>18</answer>"
out = [
  compute_score(data_source="openai/gsm8k", solution_str=right, ground_truth="18", extra_info={"split": "train", "index": 0}),
  compute_score(data_source="openai/gsm8k", solution_str=right, ground_truth="18", extra_info={"num_turns": None},
                reward_router_address="127.0.0.1:9", reward_model_tokenizer=object()),
  compute_score(data_source="openai/gsm8k", solution_str="<answer>17</answer>", ground_truth="18", extra_info=None),
  compute_score(data_source="x", solution_str="<answer>0.5</answer>", ground_truth=["1/3", "1/2"]),
  compute_score("x", "<answer>7</answer>", 7, None),
  compute_score("x", "<answer>0.5</answer>", NumpyLikeArray(["1/3", "1/2"])),
]
emit([out, [type(x).__name__ for x in out]])
`);
      const [rewards, types] = value as [number[], string[]];
      expect(types).toEqual(['float', 'float', 'float', 'float', 'float', 'float']);
      expect(rewards[0]).toBeCloseTo(1.2, 9);
      expect(rewards[1]).toBeCloseTo(1.2, 9);
      expect(rewards[2]).toBeLessThan(1);
      // A list ground truth: any accepted answer scores (the correctness part is there).
      expect(rewards[3]).toBeGreaterThanOrEqual(1);
      expect(rewards[4]).toBeGreaterThanOrEqual(1);
      expect(rewards[5]).toBeGreaterThanOrEqual(1);
    });

    it('compute_score called positionally from a process pool, as the prime manager does', async () => {
      const { value } = await runPython(`
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from rewardkit.verl import compute_score
compute_score("warm", "<answer>1</answer>", "1", None)  # the parent has a coalescer thread before forking
with ProcessPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(partial(compute_score, "gsm8k", "<think>t</think><answer>%d</answer>" % i, str(i), None)) for i in range(6)]
    emit([f.result(timeout=60) for f in futures])
`);
      expect(value).toEqual([1.2, 1.2, 1.2, 1.2, 1.2, 1.2].map((x) => expect.closeTo(x, 9)));
    });

    it('compute_score_async: a reward-loop step of 5,120 concurrent calls goes out as a few requests', async () => {
      const before = await requestCount(server, '/v1/score');
      const { value } = await runPython(`
import asyncio, inspect
from rewardkit.verl import compute_score_async
assert inspect.iscoroutinefunction(compute_score_async)
async def step():
    calls = [compute_score_async(data_source="gsm8k", solution_str="<think>x</think><answer>%d</answer>" % (i % 7),
                                 ground_truth=str(i % 5), extra_info={"index": i}, reward_router_address=None,
                                 reward_model_tokenizer=None) for i in range(5120)]
    return await asyncio.gather(*calls)
rewards = asyncio.run(step())
emit([len(rewards), sum(1 for r in rewards if r >= 1), all(type(r) is float for r in rewards)])
`);
      const after = await requestCount(server, '/v1/score');
      const expectedRight = Array.from({ length: 5120 }, (_, i) => i % 7 === i % 5).filter(Boolean).length;
      expect(value).toEqual([5120, expectedRight, true]);
      expect(after - before).toBeLessThan(200);
    });

    it('compute_score from the reward loop executor threads: concurrent calls are merged too', async () => {
      const before = await requestCount(server, '/v1/score');
      const { value } = await runPython(`
from concurrent.futures import ThreadPoolExecutor
from rewardkit.verl import compute_score
def call(i):
    return compute_score(data_source="gsm8k", solution_str="<think>y</think><answer>%d</answer>" % i, ground_truth=str(i), extra_info={})
with ThreadPoolExecutor(32) as pool:
    rewards = list(pool.map(call, range(640)))
emit([len(rewards), all(r >= 1 for r in rewards)])
`);
      const after = await requestCount(server, '/v1/score');
      expect(value).toEqual([640, true]);
      expect(after - before).toBeLessThan(320);
    });

    it('compute_score_batch with the batch manager keywords: 5,120 rollouts (above the old limit), in order', async () => {
      const { value } = await runPython(`
from rewardkit.verl import compute_score_batch
n = 5120
rewards = compute_score_batch(data_sources=["gsm8k"] * n,
                              solution_strs=["<think>x</think><answer>%d</answer>" % (i % 3) for i in range(n)],
                              ground_truths=[str(i % 2) for i in range(n)],
                              extra_infos=[{"index": i, "rollout_reward_scores": {}} for i in range(n)],
                              some_reward_kwarg=1)
emit([len(rewards), [i for i, r in enumerate(rewards[:12]) if r >= 1], all(type(r) is float for r in rewards)])
`);
      expect(value).toEqual([5120, [0, 1, 6, 7], true]);
    });

    it('splits a batch the server refuses (413 above its --max-batch) and keeps the order', async () => {
      const { value, stderr } = await runPython(
        `
from rewardkit.verl import compute_score_batch
n = 300
rewards = compute_score_batch(["d"] * n, ["<think>x</think><answer>%d</answer>" % i for i in range(n)],
                              [str(i if i % 2 else -1) for i in range(n)], [None] * n)
emit([i for i, r in enumerate(rewards) if r >= 1][:5])
`,
        { REWARDKIT_URL: smallServer.url },
      );
      expect(value).toEqual([1, 3, 5, 7, 9]);
      expect(stderr).toMatch(/refused 300 samples/);
      const chunked = await runPython(
        `
from rewardkit.verl import compute_score_batch
emit(len(compute_score_batch(["d"] * 130, ["<answer>1</answer>"] * 130, ["1"] * 130, [None] * 130)))
`,
        { REWARDKIT_URL: smallServer.url, REWARDKIT_MAX_BATCH: '50' },
      );
      expect(chunked.value).toBe(130);
      expect(chunked.stderr).not.toMatch(/refused/);
    });

    it('turns a null reward into REWARDKIT_NULL_REWARD (default 0.0) and says so on stderr', async () => {
      const code = `
from rewardkit.verl import compute_score
emit(compute_score("d", "I do not know", "18", None, spec="strict-math"))
`;
      const zero = await runPython(code);
      expect(zero.value).toBe(0);
      expect(zero.stderr).toMatch(/1 of 1 rewards so far were null .*sent as 0.0/);
      expect((await runPython(code, { REWARDKIT_NULL_REWARD: '-1' })).value).toBe(-1);
    });
  });

  describe('OpenRLHF', () => {
    it('reward_func per query as current main calls it, extra_logs usable by torch.tensor([value])', async () => {
      const { value } = await runPython(`
import asyncio
from rewardkit.openrlhf import reward_func
async def one(query, prompt, label):
    return await asyncio.to_thread(reward_func, [query], [prompt], [label])
async def main():
    return await asyncio.gather(
        one("<|im_start|>user\\nQ1<|im_end|>\\n<|im_start|>assistant\\n<think>a</think><answer>4</answer><|im_end|>",
            "<|im_start|>user\\nQ1<|im_end|>\\n<|im_start|>assistant\\n", "4"),
        one("Q2 four", "Q2 ", ["4", "four"]),
        one("Q3 <answer>5</answer>", "Q3 ", "4"))
outs = asyncio.run(main())
rows = []
for out in outs:
    rewards = as_list(out["rewards"]); scores = as_list(out["scores"])
    logs = {key: as_list(value) for key, value in out["extra_logs"].items()}
    assert all(len(values) == 1 and type(values[0]) is float for values in logs.values()), logs
    rows.append([rewards, scores, sorted(logs), logs["null_reward"]])
emit(rows)
`);
      const rows = value as [number[], number[], string[], number[]][];
      expect(rows[0]![0][0]).toBeCloseTo(1.2, 9);
      expect(rows[0]![1]).toEqual([1]);
      expect(rows[0]![2]).toEqual(['null_reward', 'score_correct', 'score_format', 'undecided_components']);
      expect(rows[1]![1]).toEqual([1]); // "four" is one of the accepted answers
      expect(rows[2]![1]).toEqual([0]);
      expect(rows[2]![3]).toEqual([0]);
    });

    it('reward_func on micro-batches as 0.8.3-0.9 call it; every extra_logs value concatenates to one per sample', async () => {
      const { value } = await runPython(`
from rewardkit.openrlhf import reward_func
queries = ["Q%d <think>t</think><answer>%d</answer>" % (i, i % 3) for i in range(10)]
prompts = ["Q%d " % i for i in range(10)]
labels = [str(i % 2) for i in range(10)]
infos = [reward_func(queries[s:s + 4], prompts[s:s + 4], labels[s:s + 4]) for s in range(0, 10, 4)]
merged = {key: sum((as_list(info["extra_logs"][key]) for info in infos), []) for key in infos[0]["extra_logs"]}
rewards = sum((as_list(info["rewards"]) for info in infos), [])
scores = sum((as_list(info["scores"]) for info in infos), [])
emit([len(rewards), {key: len(values) for key, values in merged.items()}, scores, all(0 <= s <= 1 for s in scores)])
`);
      const [count, lengths, scores, inRange] = value as [number, Record<string, number>, number[], boolean];
      expect(count).toBe(10);
      expect(Object.values(lengths)).toEqual([10, 10, 10, 10]);
      expect(scores).toEqual([1, 1, 0, 0, 0, 0, 1, 1, 0, 0]);
      expect(inRange).toBe(true);
    });

    it('the HTTP path: floats for every number, a list label, null rewards counted per sample', async () => {
      const { value } = await runPython(
        `
import urllib.request
def post(url, data):  # what OpenRLHF's aiohttp/requests post(json=data) sends
    request = urllib.request.Request(url, data=json.dumps(data).encode(), headers={"Content-Type": "application/json",
                                     "Authorization": "Bearer ${apiKey}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())
import os
base = os.environ["REWARDKIT_URL"]
answer = post(base + "/get_reward", {"query": ["p <answer>3</answer>", "p no idea", "p <answer>x</answer>", "p <answer>3</answer>"],
                                     "prompts": ["p ", "p ", "p ", "p "], "labels": [["3", "three"], "3", "4", {"answer": "3"}]})
types = sorted({type(v).__name__ for v in answer["rewards"] + answer["scores"]
                + [x for values in answer["extra_logs"].values() for x in values]})
strict = post(base + "/get_reward", {"query": ["p no idea"], "prompts": ["p "], "labels": ["3"], "spec": "strict-math"})
emit([answer["rewards"], answer["scores"], types, strict["rewards"], strict["extra_logs"]["null_reward"]])
`,
      );
      expect(value).toEqual([[1, 0, 0, 1], [1, 0, 0, 1], ['float'], [0], [1]]);
    });
  });

  describe('TRL', () => {
    it('standard completions with the keyword arguments GRPOTrainer passes, component means via log_metric', async () => {
      const { value } = await runPython(`
from rewardkit.trl import reward_func
metrics = {}
class TrainerState: global_step = 3
out = reward_func(prompts=["6*3?", "6*3?"], completions=["<think>6*3</think><answer>18</answer>", "<answer>17</answer>"],
                  completion_ids=[[1, 2], [3]], answer=["18", "18"], trainer_state=TrainerState(),
                  log_extra=lambda column, values: None, log_metric=lambda name, v: metrics.__setitem__(name, v))
emit([out, [type(x).__name__ for x in out], sorted(metrics), metrics["rewardkit/correct"]])
`);
      const [rewards, types, metricNames, correctMean] = value as [number[], string[], string[], number];
      expect(rewards[0]).toBeCloseTo(1.2, 9);
      expect(rewards[1]).toBeLessThan(1);
      expect(types).toEqual(['float', 'float']);
      expect(metricNames).toEqual(['rewardkit/correct', 'rewardkit/format', 'rewardkit/null_reward']);
      expect(correctMean).toBe(0.5);
    });

    it('conversational completions keep reasoning_content as <think> (format reward kept)', async () => {
      const { value } = await runPython(`
from rewardkit.trl import reward_func
prompt = [{"role": "system", "content": "think first"}, {"role": "user", "content": "6*3?"}]
with_reasoning = [{"role": "assistant", "reasoning_content": "6*3 = 18", "content": "<answer>18</answer>"}]
content_only = [{"role": "assistant", "content": "<answer>18</answer>"}]
tool_turns = [{"role": "assistant", "content": "", "tool_calls": []}, {"role": "tool", "content": "18"},
              {"role": "assistant", "content": "<think>tool said 18</think><answer>18</answer>"}]
emit(reward_func(prompts=[prompt] * 3, completions=[with_reasoning, content_only, tool_turns],
                 completion_ids=[[1]] * 3, solution=["18"] * 3))
`);
      const [withReasoning, contentOnly, toolTurns] = value as number[];
      expect(withReasoning).toBeCloseTo(1.2, 9);
      expect(contentOnly).toBeLessThan(withReasoning!);
      expect(toolTurns).toBeCloseTo(1.2, 9);
    });

    it('refuses a dataset without an answer column instead of dropping correctness; None for null rewards', async () => {
      const { value } = await runPython(`
from rewardkit.trl import reward_func, make_reward_func
try:
    reward_func(prompts=["p"], completions=["<answer>1</answer>"], completion_ids=[[1]], difficulty=["easy"], trainer_state=None)
    refused = None
except ValueError as error:
    refused = str(error)
named = make_reward_func(answer_column="gold")(prompts=["p"], completions=["<answer>1</answer>"], gold=[["1", "one"]])
no_reference = make_reward_func(answer_column=None, spec="answer-format")(prompts=["p"], completions=["<answer>1</answer>"])
null = make_reward_func(spec="strict-math")(prompts=["p"], completions=["no idea"], answer=["1"])
emit([refused, named, no_reference, null])
`);
      const [refused, named, noReference, nullReward] = value as [string, number[], number[], unknown[]];
      expect(refused).toMatch(/no answer column .*difficulty.*answer_column=/);
      expect(named[0]).toBeGreaterThanOrEqual(1);
      expect(noReference).toEqual([1]);
      expect(nullReward).toEqual([null]);
    });
  });

  describe('retries', () => {
    it('waits out 429 and 503 with Retry-After, then returns floats', async () => {
      await fetch(`${stubUrl}/control`, {
        method: 'POST',
        body: JSON.stringify({
          failures: [
            [429, '1'],
            [503, '0'],
            [429, ''],
          ],
        }),
      });
      const { value } = await runPython(
        `
from rewardkit import RewardKitClient
results = RewardKitClient(backoff_base=0.05).score([{"id": 1, "response": "x"}, {"id": 2, "response": "y"}])
emit([[r["reward"] for r in results], [type(r["reward"]).__name__ for r in results]])
`,
        { REWARDKIT_URL: stubUrl },
      );
      expect(value).toEqual([
        [1, 1],
        ['float', 'float'],
      ]);
      const { log } = (await (await fetch(`${stubUrl}/log`)).json()) as { log: number[] };
      expect(log).toHaveLength(4);
      // The second request came no sooner than the 1 s the first answer asked for.
      expect(log[1]! - log[0]!).toBeGreaterThanOrEqual(1);
    });

    it('gives up after REWARDKIT_MAX_ATTEMPTS with the server error code', async () => {
      await fetch(`${stubUrl}/control`, {
        method: 'POST',
        body: JSON.stringify({ failures: Array.from({ length: 10 }, () => [503, '0']) }),
      });
      const { value } = await runPython(
        `
from rewardkit import RewardKitClient, RewardKitError
try:
    RewardKitClient(backoff_base=0.01).score([{"id": 1, "response": "x"}])
    emit(None)
except RewardKitError as error:
    emit([error.code, error.status, "gave up after 3 attempts" in str(error)])
`,
        { REWARDKIT_URL: stubUrl, REWARDKIT_MAX_ATTEMPTS: '3' },
      );
      expect(value).toEqual(['RK_UNAVAILABLE', 503, true]);
      const { log } = (await (await fetch(`${stubUrl}/log`)).json()) as { log: number[] };
      expect(log).toHaveLength(3);
    });

    it('rides out a 429 storm from a real server with tiny admission limits', async () => {
      const storm = await startTestServer({
        specs: [sleepySpec(40)],
        limits: { maxInFlightRequests: 1, retryAfterSeconds: 1 },
      });
      try {
        const { value } = await runPython(
          `
from concurrent.futures import ThreadPoolExecutor
from rewardkit import RewardKitClient
client = RewardKitClient(max_attempts=30)
with ThreadPoolExecutor(8) as pool:
    results = list(pool.map(lambda i: client.score([{"id": i, "response": "x" * i}]), range(8)))
emit([r[0]["id"] for r in results])
`,
          { REWARDKIT_URL: storm.url, REWARDKIT_API_KEY: '' },
        );
        expect(value).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
        const metrics = await (await fetch(`${storm.url}/metrics`)).text();
        expect(metrics).toMatch(/rewardkit_http_requests_total\{[^}]*status="429"[^}]*\} [1-9]/);
      } finally {
        await storm.close();
      }
    });
  });

  describe('the snippets of docs/server.md', () => {
    const snippets = snippetsOfDocs();
    const harnesses: Record<string, string> = {
      verl: 'emit([snippet.compute_score("d", "<think>x</think><answer>1</answer>", "1", None), snippet.compute_score_batch(["d"], ["<answer>2</answer>"], ["3"], [None])])',
      openrlhf:
        'out = snippet.reward_func(["Q <think>a</think><answer>4</answer>"], ["Q "], ["4"])\nemit(as_list(out["scores"]))',
      trl: 'emit(snippet.reward_func(prompts=["p"], completions=[[{"role": "assistant", "content": "<answer>3</answer>"}]], completion_ids=[[1]], answer=["3"]))',
    };
    const expected: Record<string, unknown> = {
      verl: [expect.closeTo(1.2, 9), [0]],
      openrlhf: [1],
      trl: [1],
    };

    it('documents one snippet per trainer, each a few lines', () => {
      expect([...snippets.keys()].sort()).toEqual(['openrlhf', 'trl', 'verl']);
      for (const text of snippets.values()) expect(text.trim().split('\n').length).toBeLessThanOrEqual(4);
    });

    for (const name of Object.keys(harnesses)) {
      it(`runs the ${name} snippet with the trainer's call signature`, async () => {
        const file = join(directory, `snippet_${name}.py`);
        mkdirSync(directory, { recursive: true });
        writeFileSync(file, snippets.get(name) ?? '');
        const { value } = await runPython(
          `sys.path.insert(0, ${JSON.stringify(directory)})\nimport snippet_${name} as snippet\n${harnesses[name]}`,
        );
        expect(value).toEqual(expected[name]);
      });
    }
  });
});

/**
 * Installs clients/python (copied first, so the build leaves the checkout clean) into
 * `directory/site` with pip, without an index and with the interpreter's own setuptools.
 */
async function installClient(directory: string): Promise<{ installed: boolean; reason: string }> {
  const source = join(directory, 'client-source');
  cpSync(join(repositoryRoot, 'clients/python'), source, {
    recursive: true,
    filter: (path) => !/(__pycache__|\.egg-info|[/\\]build)$/.test(path),
  });
  try {
    await run(python, ['-c', 'import setuptools, wheel'], { timeout: 30_000 });
    await run(python, ['-m', 'pip', '--version'], { timeout: 30_000 });
  } catch {
    return { installed: false, reason: 'pip, setuptools or wheel missing for /usr/bin/python3' };
  }
  await run(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--no-build-isolation',
      '--no-index',
      '--no-deps',
      '--target',
      join(directory, 'site'),
      source,
    ],
    { timeout: 110_000, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' } },
  );
  return { installed: true, reason: '' };
}
