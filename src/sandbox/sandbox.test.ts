import { describe, expect, it } from 'vitest';
import { sandboxAvailability } from './availability.js';
import { STATUS_FD, sandboxedPid } from './bwrap-status.js';
import { languageNamed } from './languages.js';
import { SandboxLimitsSchema } from './limits.js';
import { runSandboxed } from './sandbox.js';
import { fateOf } from './test-status.js';

const FORGED = "bwrap: Can't mount proc on /newroot/proc: Operation not permitted";
const forger = `import sys\nprint(${JSON.stringify(FORGED)}, file=sys.stderr)\nsys.exit(1)\n`;

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
      handedOver: false,
      memoryKilled: false,
    });
  });

  it('tells a real setup failure after bwrap named its process (a sandbox error) from a program that fakes one', async () => {
    const request = {
      language: languageNamed('python'),
      command: ['/usr/bin/python3', '-I', '-S', 'main.py'],
      stdin: '',
      limits: SandboxLimitsSchema.parse({ timeoutMs: 5000 }),
    };
    // bwrap cannot create a file under a path that is a file: it fails in its setup, after it
    // reported the child's pid, with exit 1 and "bwrap: Can't mkdir parents ..." on stderr.
    const broken = await runSandboxed({ ...request, files: { x: '', 'x/main.py': forger } });
    expect(sandboxedPid(broken.channels.get(STATUS_FD) ?? '')).toEqual(expect.any(Number));
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toMatch(/^bwrap: /m);
    expect(broken.handedOver).toBe(false);
    expect(fateOf(broken)).toBe('sandbox_error');
    // The same exit and the same kind of line from the program is the program's own failure.
    const forged = await runSandboxed({ ...request, files: { 'main.py': forger } });
    expect(forged.exitCode).toBe(1);
    expect(forged.stderr).toContain(FORGED);
    expect(forged.handedOver).toBe(true);
    expect(fateOf(forged)).toBe('runtime_error');
  });
});

describe('runSandboxed without the sandbox', () => {
  it("hands over at the program's start, so a faked bwrap error is the program's failure", async () => {
    const forged = await runSandboxed({
      language: languageNamed('python'),
      command: ['/usr/bin/python3', '-I', '-S', 'main.py'],
      files: { 'main.py': forger },
      stdin: '',
      limits: SandboxLimitsSchema.parse({ timeoutMs: 5000 }),
      unsandboxed: true,
    });
    expect(forged.stderr).toContain(FORGED);
    expect(forged.handedOver).toBe(true);
    expect(fateOf(forged)).toBe('runtime_error');
  });
});
