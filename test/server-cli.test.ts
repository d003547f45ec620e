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

  it('refuses an API key shorter than 16 characters, from the flag or the environment, with exit 2', async () => {
    const fromFlag = startCli([
      'serve',
      '--spec',
      'test/fixtures/server/answer-format.yaml',
      '--port',
      '0',
      '--api-key',
      'short',
    ]);
    expect(await fromFlag.exited).toBe(2);
    expect(fromFlag.output()).toMatch(
      /RK_USAGE: the API key from --api-key is refused: .*at least 16 characters/,
    );
    expect(fromFlag.output()).not.toMatch(/listening/);
    const fromEnvironment = startCli(
      ['serve', '--spec', 'test/fixtures/server/answer-format.yaml', '--port', '0'],
      { REWARDKIT_API_KEYS: `${'k'.repeat(20)},tiny` },
    );
    expect(await fromEnvironment.exited).toBe(2);
    expect(fromEnvironment.output()).toMatch(/API key 2 from REWARDKIT_API_KEYS is refused/);
    expect(fromEnvironment.output()).not.toMatch(/tiny/);
  }, 90_000);
});
