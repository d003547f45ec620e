import { afterEach, describe, expect, it, vi } from 'vitest';
import { RewardKitError } from '../core/errors.js';

// Pretend this machine cannot isolate programs.
vi.mock('../sandbox/availability.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../sandbox/availability.js')>();
  const unavailable = { available: false as const, reason: 'missing /usr/bin/bwrap' };
  return {
    ...original,
    sandboxAvailability: () => unavailable,
    assertSandboxAvailable: () => {
      throw new RewardKitError('RK_SANDBOX_UNAVAILABLE', `cannot run untrusted code: ${unavailable.reason}`, {
        hint: 'install bubblewrap',
      });
    },
  };
});

const { codeReward } = await import('./code.js');

describe('type: code without a sandbox', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses to start with RK_SANDBOX_UNAVAILABLE', () => {
    expect(() => codeReward.create({}, { concurrency: 1, allowUnsandboxed: false })).toThrow(
      expect.objectContaining({ code: 'RK_SANDBOX_UNAVAILABLE' }),
    );
  });

  it('runs unsandboxed only when explicitly allowed, with a loud warning', async () => {
    const warnings: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      warnings.push(String(chunk));
      return true;
    });
    const options = codeReward.optionsSchema.parse({});
    const scorer = codeReward.create(options, { concurrency: 1, allowUnsandboxed: true });
    const result = await scorer.score(
      {
        id: 'u',
        response: 'def f():\n    return 1\n',
        reference: { language: 'python', tests: 'assert f() == 1' },
      },
      { steps: [], deadline: performance.now() + 10_000, signal: new AbortController().signal },
    );
    expect(result.score).toBe(1);
    expect(warnings.join('')).toContain('WITHOUT A SANDBOX');
  });
});
