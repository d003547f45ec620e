import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `rewardkit world serve` in its own process on a free loopback port (`--port 0`), for the report
 * scripts and benchmarks; resolves with its `/v1` base URL once it listens.
 */
export async function startWorld(args: readonly string[]): Promise<{ baseUrl: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'world', 'serve', '--port', '0', ...args],
    { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+\/v1)/.exec(output);
      if (match !== null) resolve(match[1] as string);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`world exited (${code}): ${output}`)));
  });
  return { baseUrl, stop: () => child.kill('SIGTERM') };
}
