import { describe, expect, it } from 'vitest';
import { sandboxAvailability } from './availability.js';
import { languageNamed } from './languages.js';
import { SandboxLimitsSchema } from './limits.js';
import { runAssertTests } from './run-assert-tests.js';
import { testRunnerFor } from './test-runner-pool.js';

const python = languageNamed('python');
const limits = SandboxLimitsSchema.parse({ timeoutMs: 5000 });

describe.skipIf(!sandboxAvailability().available)('runAssertTests', () => {
  it("leaves no hook of a finished sample on the slot's fork server", async () => {
    const run = () =>
      runAssertTests({
        language: python,
        program: 'def one():\n    return 1\n',
        tests: 'assert one() == 1',
        limits,
      });
    expect((await run()).tests.map((test) => test.status)).toEqual(['passed']);
    // Samples run one after another take slot 0 each time, and so its fork server.
    const server = testRunnerFor(python, 0, false);
    for (let sample = 0; sample < 5; sample++) {
      expect((await run()).tests.map((test) => test.status)).toEqual(['passed']);
    }
    expect(testRunnerFor(python, 0, false)).toBe(server);
    expect(server.exitHandlerCount).toBe(0);
  });

  it('fails the waiting test as a sandbox error when the fork server dies mid-sample', async () => {
    const server = testRunnerFor(python, 0, false);
    const report = runAssertTests({
      language: python,
      program: 'def spin():\n    while True:\n        pass\n',
      tests: 'assert spin()',
      limits,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.kill('killed by the test');
    const { tests, error } = await report;
    expect(tests.map((test) => test.status)).toEqual(['sandbox_error']);
    expect(tests[0]?.stderr).toContain('the test runner ended');
    expect(error?.code).toBe('RK_SANDBOX_ERROR');
    expect(testRunnerFor(python, 0, false)).not.toBe(server);
  });

  it('fails a test as output_limit when the program exits over a write past the file size limit', async () => {
    const { tests } = await runAssertTests({
      language: python,
      program: [
        'import os, sys',
        'def write():',
        '    try:',
        '        with open("big", "wb") as f:',
        '            f.write(b"x" * (4 * 1024 * 1024))',
        '    except OSError as error:',
        '        sys.stderr.write(f"{error}\\n")',
        '        sys.stderr.flush()',
        '        os._exit(1)',
        '    return 1',
      ].join('\n'),
      tests: 'assert write() == 1\nassert write() == 1',
      limits: { ...limits, fileSizeMb: 1 },
    });
    expect(tests.map((test) => test.status)).toEqual(['output_limit', 'output_limit']);
    expect(tests[0]?.stderr).toContain('File too large');
  });

  it('is a sandbox error when the candidate sandbox fails before it hands over to the program', async () => {
    // bwrap clones, names the child, then cannot exec the command: "bwrap: execvp ...", exit 1.
    const broken = {
      ...python,
      candidate: () => ({ command: ['/usr/bin/no-such-interpreter'], stdin: '', setsRlimits: true }),
    };
    const { tests, error } = await runAssertTests({
      language: broken,
      program: 'def one():\n    return 1\n',
      tests: 'assert one() == 1',
      limits,
    });
    expect(tests.map((test) => test.status)).toEqual(['sandbox_error']);
    expect(tests[0]?.stderr).toMatch(/bwrap: .*no-such-interpreter/);
    expect(error?.code).toBe('RK_SANDBOX_ERROR');
  });
});
