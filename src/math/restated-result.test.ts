import { describe, expect, it } from 'vitest';
import { lastNumberAnswer } from './last-number.js';
import { verifyAnswer } from './verify.js';

const BALLOONS =
  'Each balloon now costs $65.\nTotal cost for 170 balloons = 170 \\times \\$65 = \\$11,050\n\nTherefore, Bentley paid \\$11,050 to fill 170 balloons after the price increase.';

describe('restatedResultBeforeGivens (through the last-number fallback)', () => {
  // Real outputs round 22 (StrictPRMBench's GSM8K pools) and 24 (Gemini Pro on MAWPS).
  it('reads the result the closing sentence restates, not the given it repeats after it', () => {
    expect(lastNumberAnswer(BALLOONS)?.text).toBe('11,050');
    expect(verifyAnswer('11050', BALLOONS).verdict).toBe('equal');
    expect(verifyAnswer('170', BALLOONS).verdict).toBe('not_equal');
    const tables =
      '= 6 people / 3 people per table\n= 2 tables\n\nTherefore, the company needs 2 tables to accommodate the 6 people who showed up.';
    expect(verifyAnswer('2', tables).verdict).toBe('equal');
    const beds =
      '= 8 + 15 = 23 pounds\n\nTherefore, Mark needs a total of 23 pounds of stuffing to make 4 chihuahua beds and 3 collie beds.';
    expect(verifyAnswer('23', `He makes 4 chihuahua beds and 3 collie beds.\n${beds}`).verdict).toBe('equal');
  });

  it('keeps the last number when it was the result, or new, or the sentence lists or doubts', () => {
    // The question asked for the count: 170 was computed last.
    const count = 'She has $11,050.\nBalloons = 11,050 / 65 = 170\nSo she paid $11,050 to fill 170 balloons.';
    expect(lastNumberAnswer(count)?.text).toBe('170');
    // A number the working never wrote is no given repeated.
    expect(lastNumberAnswer('Cost = 5 \\times 3 = 15\nSo it costs 15 dollars for 7 apples.')?.text).toBe('7');
    // Two values listed, or one doubted.
    expect(lastNumberAnswer('He has 5 pens.\nTotal = 3 + 15 = 18\nSo 18 and 5.')?.text).toBe('18, 5');
    expect(lastNumberAnswer('He has 5 pens.\nTotal = 3 + 15 = 18\nSo 18 pens, or maybe 5 pens.')?.text).toBe(
      '18, 5',
    );
    // No working above the closing line.
    expect(lastNumberAnswer('Bentley paid $11,050 to fill 170 balloons.')?.text).toBe('170');
    // The right side goes on: no result.
    expect(lastNumberAnswer('He has 4 days.\nRate = 24 / 4\nSo 6 pages a day for 4 days.')?.text).toBe('4');
  });
});
