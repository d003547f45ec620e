import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './helpers/cli-process.js';
import { type RunningServer, startTestServer } from './helpers/test-server.js';

const run = promisify(execFile);
const python = '/usr/bin/python3';

/** The Python snippets of docs/server.md, by the name in their `<!-- python-snippet: NAME -->` marker. */
function snippetsOfDocs(): Map<string, string> {
  const text = readFileSync(join(repositoryRoot, 'docs/server.md'), 'utf8');
  const snippets = new Map<string, string>();
  for (const match of text.matchAll(/<!-- python-snippet: (\w+) -->\n```python\n([\s\S]*?)```/g)) {
    snippets.set(match[1]!, match[2]!);
  }
  return snippets;
}

/**
 * Each harness plays the framework: it imports the snippet as a module and calls it with the
 * signature the framework uses, then prints what the framework would receive.
 */
const harnesses: Record<string, string> = {
  verl: [
    'print(dumps([',
    '  snippet.compute_score("gsm8k", "<think>6*3</think><answer>18</answer>", "18"),',
    '  snippet.compute_score("gsm8k", "eighteen", "18", extra_info={"split": "train"}),',
    '  snippet.compute_score_batch(["gsm8k", "gsm8k"], ["<think>x</think><answer>1</answer>", "<answer>2</answer>"], ["1", "2"], [None, None]),',
    ']))',
  ].join('\n'),
  openrlhf: [
    'out = snippet.reward_func(["Q1 <think>a</think><answer>4</answer>", "Q2 four"], ["Q1 ", "Q2 "], ["4", "4"])',
    'print(dumps([list(out["rewards"]), sorted(out["extra_logs"].keys())]))',
  ].join('\n'),
  trl: [
    'print(dumps([',
    '  snippet.rewardkit_reward(prompts=["p1", "p2"], completions=["<answer>3</answer>", "3"], answer=["3", "3"]),',
    '  snippet.rewardkit_reward(prompts=[[{"role": "user", "content": "p"}]], completions=[[{"role": "assistant", "content": "<think>t</think><answer>3</answer>"}]], completion_ids=[[1]]),',
    ']))',
  ].join('\n'),
};

const expected: Record<string, unknown> = {
  verl: [1.5, 0, [1.5, 1]],
  openrlhf: [
    [1.5, 0],
    ['mean_reward', 'null_rewards', 'undecided_components'],
  ],
  trl: [[1, 0], [1.5]],
};

describe.skipIf(!existsSync(python))('Python client snippets of docs/server.md against a live server', () => {
  let server: RunningServer;
  let directory: string;
  const apiKey = 'python-client-key-0123456789';
  const snippets = snippetsOfDocs();

  beforeAll(async () => {
    server = await startTestServer({ apiKeys: [apiKey] });
    directory = mkdtempSync(join(tmpdir(), 'rewardkit-python-'));
  });

  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('documents one snippet per framework', () => {
    expect([...snippets.keys()].sort()).toEqual(['openrlhf', 'trl', 'verl']);
  });

  for (const name of Object.keys(harnesses)) {
    it(`runs the ${name} snippet with the framework's call signature`, async () => {
      const snippet = snippets.get(name);
      expect(snippet).toBeDefined();
      writeFileSync(join(directory, `snippet_${name}.py`), snippet!);
      // Frameworks may hand back tensors or numpy values (OpenRLHF with torch installed): printed
      // through .tolist() when they have it, so the test passes whatever Python packages exist.
      const plain =
        'def dumps(value): return json.dumps(value, default=lambda item: item.tolist() if hasattr(item, "tolist") else repr(item))';
      const program = `import json, sys\n${plain}\nsys.path.insert(0, ${JSON.stringify(directory)})\nimport snippet_${name} as snippet\n${harnesses[name]}\n`;
      const { stdout } = await run(python, ['-c', program], {
        env: { PATH: process.env['PATH'] ?? '', REWARDKIT_URL: server.url, REWARDKIT_API_KEY: apiKey },
        timeout: 20_000,
      });
      expect(JSON.parse(stdout)).toEqual(expected[name]);
    });
  }
});
