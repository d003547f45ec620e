import { describe, expect, it } from 'vitest';
import {
  RIGHT_STYLE_COUNT,
  splitSolution,
  synthesizeGsm8kPairs,
  withThousands,
} from '../../bench/math/gsm8k-pairs.js';

const problem = {
  question: 'How much profit did he make?',
  answer:
    'The cost came out to 80,000+50,000=$<<80000+50000=130000>>130,000\n' +
    'So he made a profit of 200,000-130,000=$<<200000-130000=70000>>70,000\n#### 70,000',
};

describe('GSM8K pair synthesis (bench/math)', () => {
  it('splits a solution into worked text without calculator notes and a comma-free gold', () => {
    const split = splitSolution(problem.answer);
    expect(split?.gold).toBe('70000');
    expect(split?.work).not.toContain('<<');
    expect(split?.work).not.toContain('####');
  });

  it('skips problems whose gold is not a number', () => {
    expect(splitSolution('no marker here')).toBeUndefined();
    expect(synthesizeGsm8kPairs([{ question: 'q', answer: 'x\n#### seven' }])).toEqual([]);
  });

  it('groups thousands only in the integer part', () => {
    expect(withThousands('1234567')).toBe('1,234,567');
    expect(withThousands('-1234.56')).toBe('-1,234.56');
    expect(withThousands('999')).toBe('999');
  });

  it('makes one right and one wrong output per problem, rotating styles and error kinds', () => {
    const pairs = synthesizeGsm8kPairs(Array.from({ length: 42 }, () => problem));
    expect(pairs).toHaveLength(84);
    expect(pairs.filter((pair) => pair.equal)).toHaveLength(42);
    expect(new Set(pairs.filter((pair) => pair.equal).map((pair) => pair.group)).size).toBe(
      RIGHT_STYLE_COUNT,
    );
    expect(new Set(pairs.filter((pair) => !pair.equal).map((pair) => pair.group))).toEqual(
      new Set(['wrong:off-by-one', 'wrong:other-number', 'wrong:no-answer']),
    );
    const offByOne = pairs.find((pair) => pair.group === 'wrong:off-by-one');
    expect(offByOne?.response).toMatch(/70,?001/);
    const noAnswer = pairs.find((pair) => pair.group === 'wrong:no-answer');
    expect(noAnswer?.response).not.toMatch(/70,?000/);
  });
});
