import type { Spec } from '../../src/core/spec.js';
import { parseSpecText } from '../../src/core/spec.js';
import { InProcessBackend } from '../../src/engine/scoring-backend.js';
import { rewardKinds } from '../../src/rewards/index.js';
import { createServerApp, type ServerApp, type ServerAppOptions } from '../../src/server/app.js';
import { sleepyReward } from '../fixtures/server/slow-kinds.js';

export const testKinds = rewardKinds.extend([sleepyReward]);

export const answerSpec: Spec = parseSpecText(
  [
    'name: answer-format',
    'rewards:',
    '  - {name: tagged, type: format, options: {pattern: "<answer>.*</answer>"}}',
    '  - {name: thinks, type: format, weight: 0.5, options: {tags: [think, answer]}}',
  ].join('\n'),
);

export function sleepySpec(ms: number): Spec {
  return parseSpecText(
    `name: sleepy-${ms}\nrewards:\n  - {name: slow, type: sleepy, options: {ms: ${ms}}}\n`,
  );
}

export interface RunningServer extends ServerApp {
  url: string;
}

/** A server on a free loopback port, scoring in-process with the test kinds. */
export async function startTestServer(options: Partial<ServerAppOptions> = {}): Promise<RunningServer> {
  const server = createServerApp({
    specs: [answerSpec],
    backend: new InProcessBackend({ rewardKinds: testKinds }),
    pipelineOptions: { rewardKinds: testKinds },
    ...options,
  });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...server, url };
}

/** A parsed JSON answer, read field by field by the tests. */
// biome-ignore lint/suspicious/noExplicitAny: tests walk answers of several shapes
export type JsonAnswer = any;

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: JsonAnswer; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: JsonAnswer;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
