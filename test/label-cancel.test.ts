import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './helpers/cli-process.js';
import { settledCount, untilCount } from './helpers/request-count.js';
import {
  chainScript,
  chainSteps,
  type ScriptedEndpoint,
  startScriptedEndpoint,
} from './helpers/scripted-endpoint.js';

/*
 * `rewardkit label` interrupted by SIGINT: the problem being labelled stops calling the policy (at
 * most the request on its way), the problems queued behind it send nothing, each is an error line
 * with the reason, the process exits 130, and `--resume` labels them. Against the
 * scripted OpenAI-compatible endpoint in its own process (test/fixtures/search/scripted-endpoint.ts),
 * 200 ms per policy request; each problem's 12-step solution takes one rollout request per step.
 */

let endpoint: ScriptedEndpoint;
const directory = mkdtempSync(join(tmpdir(), 'rk-label-cancel-'));

const STEPS = chainSteps();

beforeAll(async () => {
  endpoint = await startScriptedEndpoint({ problems: { chain: chainScript() }, latency_ms: 200 });
}, 60_000);

afterAll(async () => {
  await endpoint?.stop();
  rmSync(directory, { recursive: true, force: true });
});

function readLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('rewardkit label: SIGINT', () => {
  it('stops the problem in flight and the queued ones (error lines with the reason), exits 130; --resume labels them', async () => {
    const input = join(directory, 'problems.jsonl');
    const problems = ['p1', 'p2', 'p3'].map((id) =>
      JSON.stringify({ id, prompt: 'chain', reference: { answer: '12' }, steps: STEPS }),
    );
    writeFileSync(input, `${problems.join('\n')}\n`);
    const out = join(directory, 'labels.jsonl');
    const args = [
      ...['label', '--method', 'math_shepherd', '--options', '{"rollouts": 2}', '--concurrency', '1'],
      ...['--policy', endpoint.baseUrl, '--in', input, '--out', out],
    ];
    const before = await endpoint.received();
    const cli = startCli(args);
    await untilCount(() => endpoint.received(), before + 2, 'policy requests');
    expect(await cli.stop('SIGINT')).toBe(130);
    const at = await endpoint.received();
    expect((await settledCount(() => endpoint.received())) - at).toBeLessThanOrEqual(1);
    // p1 was being labelled; p2 and p3 were queued behind it and end without calling the policy.
    const lines = readLines(out);
    expect(lines.map((line) => line['id'])).toEqual(['p1', 'p2', 'p3']);
    for (const line of lines) {
      expect(line).toMatchObject({
        status: 'error',
        error: { code: 'RK_UNAVAILABLE', message: 'the run was interrupted (SIGINT)' },
      });
    }
    expect(
      lines.slice(1).map((line) => (line['compute'] as { generatorCalls: number }).generatorCalls),
    ).toEqual([0, 0]);

    const resumed = startCli([...args, '--resume']);
    expect(await resumed.exited).toBe(0);
    const after = readLines(out).filter((line) => line['status'] === 'ok');
    expect(after.map((line) => line['id']).sort()).toEqual(['p1', 'p2', 'p3']);
  }, 120_000);
});
