import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from './cli-process.js';

/** What test/fixtures/search/scripted-endpoint.ts serves (see its header). */
export interface ProblemScript {
  steps: Record<string, { text: string; end?: boolean; logprob?: number }[]>;
  scores?: Record<string, number>;
  drop?: string[];
  default_score?: number;
}

export interface EndpointScript {
  problems: Record<string, ProblemScript>;
  fail_requests?: number[];
  hang_requests?: number[];
  latency_ms?: number;
  prm_latency_ms?: number;
}

export interface ScriptedRequest {
  problem: string;
  prefix: string;
  n: number;
  stop: boolean;
  max_tokens: number | null;
}

export interface ScriptedEndpoint {
  /** With the /v1 prefix. */
  baseUrl: string;
  /** The policy requests served so far, in arrival order. */
  requests(): Promise<ScriptedRequest[]>;
  /** How many policy requests arrived so far, answered or not (hung, failed, given up by the client). */
  received(): Promise<number>;
  /** How many PRM (`/pooling`) requests arrived so far, answered or not. */
  receivedPooling(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the scripted endpoint in its own process on a free loopback port. */
export async function startScriptedEndpoint(script: EndpointScript): Promise<ScriptedEndpoint> {
  const file = join(mkdtempSync(join(tmpdir(), 'rk-scripted-')), 'script.json');
  writeFileSync(file, JSON.stringify(script));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/fixtures/search/scripted-endpoint.ts', file],
    { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const root = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) resolve(match[1] as string);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`scripted endpoint exited (${code}): ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    baseUrl: `${root}/v1`,
    async requests() {
      return (await (await fetch(`${root}/_script/requests`)).json()) as ScriptedRequest[];
    },
    async received() {
      return ((await (await fetch(`${root}/_script/received`)).json()) as { count: number }).count;
    },
    async receivedPooling() {
      return ((await (await fetch(`${root}/_script/received`)).json()) as { pooling: number }).pooling;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The steps of the chain script's one solution: `Step 1.` ... `Step 11.`, then the boxed 12. */
export function chainSteps(): string[] {
  return [...Array.from({ length: 11 }, (_, index) => `Step ${index + 1}.`), 'The answer is \\boxed{12}.'];
}

/** A 12-step chain, one option per step: beam search makes one policy request per step. */

export function chainScript(): ProblemScript {
  const steps: ProblemScript['steps'] = {};
  let prefix = '';
  for (let index = 1; index <= 12; index++) {
    const text = index === 12 ? 'The answer is \\boxed{12}.' : `Step ${index}.`;
    steps[prefix] = [{ text, end: index === 12 }];
    prefix += `${text}\n\n`;
  }
  return { steps, default_score: 0.5 };
}
