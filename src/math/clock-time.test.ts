import { describe, expect, it } from 'vitest';
import { compareClockTimes } from './clock-time.js';
import { verifyAnswer } from './verify.js';

describe('compareClockTimes', () => {
  it('equates one time of day written with seconds, am/pm or a 24-hour clock', () => {
    expect(compareClockTimes('20:34', '20:34:00')?.verdict).toBe('equal');
    expect(compareClockTimes('20:34', '08:34 P.M.')?.verdict).toBe('equal');
    expect(compareClockTimes('12:00 am', '0:00:00')?.verdict).toBe('equal');
    expect(compareClockTimes('8:34', '8:34 pm')?.verdict).toBe('equal');
  });

  it('reads a prediction without am/pm on the 24-hour clock: it does not pay both halves of the day', () => {
    expect(compareClockTimes('8:34 PM', '8:34')?.verdict).toBe('not_equal');
    expect(compareClockTimes('8:34 AM', '8:34')?.verdict).toBe('equal');
    expect(compareClockTimes('20:34:00', '8:34')?.verdict).toBe('not_equal');
  });

  it('tells different times apart', () => {
    expect(compareClockTimes('20:34', '8:34 am')?.verdict).toBe('not_equal');
    expect(compareClockTimes('20:34', '20:35:00')?.verdict).toBe('not_equal');
  });

  it('does not decide when neither side is certainly a time, or one is no time', () => {
    expect(compareClockTimes('7:32', '14:64')).toBeUndefined();
    expect(compareClockTimes('20:34', '8:34')).toBeUndefined();
    expect(compareClockTimes('13:30 pm', '1:30 pm')).toBeUndefined();
    expect(compareClockTimes('5', '5:00 pm')).toBeUndefined();
  });

  // MARIO-Math-Reasoning/MARIO_EVAL math_evaluation/tests/test_is_equiv.py (test_is_equiv_units).
  it('scores times of day through verifyAnswer, ratios stay ratios', () => {
    expect(verifyAnswer('20:34', '20:34:00').verdict).toBe('equal');
    expect(verifyAnswer('20:34', '08:34 \\text{P.M.}').verdict).toBe('equal');
    expect(verifyAnswer('20:34', '08:34 \\text{A.M.}').verdict).toBe('not_equal');
    expect(verifyAnswer('7:32', '14:64').verdict).toBe('equal');
  });
});
