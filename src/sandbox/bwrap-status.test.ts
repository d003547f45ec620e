import { describe, expect, it } from 'vitest';
import { sandboxedPid } from './bwrap-status.js';

describe("bwrap's JSON status", () => {
  it('names the sandboxed pid once bwrap has written it, never pid 0 or 1', () => {
    expect(sandboxedPid('')).toBeUndefined();
    expect(sandboxedPid('{ "child-pid"')).toBeUndefined();
    expect(sandboxedPid('{ "child-pid": 4242 }\n{ "exit-code": 0 }\n')).toBe(4242);
    expect(sandboxedPid('{ "child-pid": 1 }')).toBeUndefined();
    expect(sandboxedPid('{ "child-pid": 0 }')).toBeUndefined();
  });
});
