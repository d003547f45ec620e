import { describe, expect, it } from 'vitest';
import { sandboxAvailability } from './availability.js';
import { languageNamed } from './languages.js';
import { SandboxLimitsSchema } from './limits.js';
import { runSandboxed } from './sandbox.js';

describe.skipIf(!sandboxAvailability().available)('runSandboxed', () => {
  it('runs nothing for a request cancelled before a slot was taken, and says so', async () => {
    const outcome = await runSandboxed({
      language: languageNamed('python'),
      command: ['/usr/bin/python3', '-c', 'print(1)'],
      files: {},
      stdin: '',
      limits: SandboxLimitsSchema.parse({}),
      signal: AbortSignal.abort(),
    });
    expect(outcome).toEqual({
      exitCode: null,
      signal: null,
      stdout: '',
      stderr: '',
      channels: new Map(),
      timedOut: false,
      aborted: true,
      outputExceeded: false,
      wallMs: 0,
      started: false,
      memoryKilled: false,
    });
  });
});
