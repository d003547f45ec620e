import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('command modules', () => {
  it('loads no Redis client (ioredis, bullmq) with the commands that run without --redis', () => {
    const probe = [
      "import { createRequire } from 'node:module';",
      ...['score', 'serve', 'search', 'eval', 'label'].map(
        (command) => `await import('./src/cli/${command}.ts');`,
      ),
      'const loaded = Object.keys(createRequire(import.meta.url).cache);',
      'console.log(JSON.stringify(loaded.filter((path) => /node_modules\\/(ioredis|bullmq)\\//.test(path))));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? 'null')).toEqual([]);
  }, 60_000);
});
