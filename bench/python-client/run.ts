/**
 * `npm run bench -- python-client`: the Python client's verl entry points against `rewardkit serve`
 * (its own process, examples/gsm8k-grpo.yaml, cache off), driven by /usr/bin/python3 in another
 * process: per-sample calls in sequence (verl's naive manager), one batch (the batch manager) and
 * concurrent coroutines (the reward loop, merged by the client), at 512 and 5,120 rollouts.
 * Prints samples/s, HTTP requests sent, and the ratio of each case to the batched call.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--spec',
      'examples/gsm8k-grpo.yaml',
      '--port',
      '0',
      '--cache',
      'none',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolvePromise({ child, url: match[1]! });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`rewardkit serve exited with ${code}:\n${output}`)));
  });
}

interface CaseResult {
  case: string;
  samples: number;
  seconds: number;
  requests: number;
}

const { child, url } = await startServer();
try {
  const { stdout } = await run('/usr/bin/python3', [join(root, 'bench/python-client/calls.py')], {
    env: { PATH: process.env['PATH'] ?? '', PYTHONPATH: join(root, 'clients/python'), REWARDKIT_URL: url },
    timeout: 600_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const cases = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CaseResult);
  const batchRate = (samples: number) => {
    const batch = cases.find(
      (item) => item.samples === samples && item.case.startsWith('compute_score_batch'),
    );
    return batch === undefined ? Number.NaN : batch.samples / batch.seconds;
  };
  console.log('| case | samples | seconds | samples/s | HTTP requests | vs batched |');
  console.log('|---|---|---|---|---|---|');
  for (const item of cases) {
    const rate = item.samples / item.seconds;
    console.log(
      `| ${item.case} | ${item.samples} | ${item.seconds.toFixed(2)} | ${rate.toFixed(0)} | ${item.requests} | ${(rate / batchRate(item.samples)).toFixed(2)} |`,
    );
  }
} finally {
  child.kill('SIGTERM');
}
