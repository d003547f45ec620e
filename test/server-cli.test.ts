import { describe, expect, it } from 'vitest';
import { startCli } from './helpers/cli-process.js';

describe('rewardkit serve / worker command lines', () => {
  it('refuses to bind beyond loopback without API keys', async () => {
    const serve = startCli([
      'serve',
      '--spec',
      'test/fixtures/server/answer-format.yaml',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
    ]);
    expect(await serve.exited).toBe(2);
    expect(serve.output()).toMatch(/RK_USAGE: binding 0\.0\.0\.0 .* API keys are required/);
    expect(serve.output()).toMatch(/--api-key/);
  });

  it('refuses an invalid spec before listening', async () => {
    const serve = startCli(['serve', '--spec', 'test/fixtures/server/missing.yaml', '--port', '0']);
    expect(await serve.exited).not.toBe(0);
    expect(serve.output()).toMatch(/RK_SPEC_UNREADABLE/);
    expect(serve.output()).not.toMatch(/listening/);
  });
});
