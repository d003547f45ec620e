import { describe, expect, it } from 'vitest';
import type { SandboxRunOutcome } from './sandbox.js';
import { endStatus, fateOf, type ProcessEnd } from './test-status.js';

const crashed: ProcessEnd = {
  exitCode: 1,
  signal: null,
  stderr: 'Traceback ...\nValueError: boom',
  memoryKilled: false,
  killedAtDeadline: false,
  killedForOutput: false,
};

describe('endStatus', () => {
  it('tells a crash from the limits the program ran into', () => {
    expect(endStatus(crashed)).toBe('runtime_error');
    expect(endStatus({ ...crashed, stderr: 'OSError: [Errno 27] File too large' })).toBe('output_limit');
    expect(endStatus({ ...crashed, stderr: 'OSError: [Errno 28] No space left on device' })).toBe(
      'output_limit',
    );
    expect(endStatus({ ...crashed, exitCode: 128 + 25 })).toBe('output_limit');
    expect(endStatus({ ...crashed, exitCode: null, signal: 'SIGXFSZ' })).toBe('output_limit');
    expect(endStatus({ ...crashed, stderr: 'MemoryError' })).toBe('memory_exceeded');
    expect(endStatus({ ...crashed, exitCode: 128 + 24 })).toBe('timeout');
    expect(endStatus({ ...crashed, exitCode: null, signal: 'SIGXCPU' })).toBe('timeout');
  });

  it("puts the cgroup's OOM kill first, then the deadline, then the output caps", () => {
    const everything = { ...crashed, memoryKilled: true, killedAtDeadline: true, killedForOutput: true };
    expect(endStatus(everything)).toBe('memory_exceeded');
    expect(endStatus({ ...everything, memoryKilled: false })).toBe('timeout');
    expect(endStatus({ ...everything, memoryKilled: false, killedAtDeadline: false })).toBe('output_limit');
  });
});

describe('fateOf', () => {
  const run: SandboxRunOutcome = {
    exitCode: 1,
    signal: null,
    stdout: '',
    stderr: 'OSError: [Errno 27] File too large',
    channels: new Map(),
    timedOut: false,
    aborted: false,
    outputExceeded: false,
    wallMs: 10,
    handedOver: true,
    memoryKilled: false,
  };

  it('is a sandbox error when the sandbox never handed over to the program, else the end status', () => {
    expect(fateOf(run)).toBe('output_limit');
    expect(fateOf({ ...run, handedOver: false })).toBe('sandbox_error');
    expect(fateOf({ ...run, stderr: '', aborted: true })).toBe('timeout');
    expect(fateOf({ ...run, stderr: '', outputExceeded: true })).toBe('output_limit');
  });

  it("never takes bwrap's words on stderr for a sandbox error once the program has it", () => {
    const forged = { ...run, stderr: "bwrap: Can't mount proc on /newroot/proc: Operation not permitted\n" };
    expect(fateOf(forged)).toBe('runtime_error');
    expect(fateOf({ ...forged, handedOver: false })).toBe('sandbox_error');
    expect(fateOf({ ...forged, handedOver: false, timedOut: true })).toBe('timeout');
  });
});
