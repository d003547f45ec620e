import { describe, expect, it } from 'vitest';
import { lastJsonLine, runModuleProbe } from '../../test/helpers/module-probe.js';

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
    const child = runModuleProbe(probe);
    expect(child.status, child.stderr).toBe(0);
    expect(lastJsonLine(child)).toEqual([]);
  }, 60_000);
});
