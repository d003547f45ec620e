import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { repositoryRoot } from './cli-process.js';

/**
 * Runs `script` as an ES module (`node --import tsx --input-type=module -e`) in a process of its
 * own from the repository's root, so that it imports the sources (`./src/...ts`) as a fresh process
 * does: for what only a new process shows (modules loaded, node flags, workers it starts).
 */
export function runModuleProbe(
  script: string,
  options: { nodeFlags?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: repositoryRoot, encoding: 'utf8', env: { ...process.env, ...options.env } },
  );
}

/** What a probe printed last, parsed as JSON. */
export function lastJsonLine(child: SpawnSyncReturns<string>): unknown {
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? 'null');
}
