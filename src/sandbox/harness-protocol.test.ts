import { describe, expect, it } from 'vitest';
import { parseHarnessEvents, unescapeField } from './harness-protocol.js';

describe('parseHarnessEvents', () => {
  it('reads plan, start, end and done lines with escaped fields', () => {
    const channel = [
      'N1\tplan\tassert f(1) == 1\tcheck(f)',
      'N1\tstart\t0',
      'N1\tend\t0\tfailed\t1.5\tTraceback\\n  line 1\\tx\\\\y',
      'N1\tdone',
      '',
    ].join('\n');
    expect(parseHarnessEvents(channel, 'N1')).toEqual([
      { event: 'plan', tests: ['assert f(1) == 1', 'check(f)'] },
      { event: 'start', index: 0 },
      { event: 'end', index: 0, status: 'failed', ms: 1.5, error: 'Traceback\n  line 1\tx\\y' },
      { event: 'done' },
    ]);
  });

  it('skips a truncated last line and unknown events', () => {
    const events = parseHarnessEvents('N\tplan\ta\nN\tbogus\t1\nN\tend\t0\tpas', 'N');
    expect(events).toEqual([{ event: 'plan', tests: ['a'] }]);
  });

  it('keeps program-level errors with their status', () => {
    expect(parseHarnessEvents('N\tprogram_error\tmemory_exceeded\tMemoryError', 'N')).toEqual([
      { event: 'program_error', status: 'memory_exceeded', error: 'MemoryError' },
    ]);
  });
});

describe('parseHarnessEvents against forgery', () => {
  it("ignores lines without this run's nonce", () => {
    const channel = 'N1\tplan\tt\nend\t0\tpassed\t1\t\nX\tend\t0\tpassed\t1\t\nN1\tdone';
    expect(parseHarnessEvents(channel, 'N1')).toEqual([{ event: 'plan', tests: ['t'] }, { event: 'done' }]);
  });
});

describe('unescapeField', () => {
  it('undoes backslash, newline, carriage return and tab escapes', () => {
    expect(unescapeField('a\\\\n\\nb\\r\\t')).toBe('a\\n\nb\r\t');
  });
});
