import { describe, expect, it } from 'vitest';
import { endOfStatedFirstSentence } from './answer-first.js';
import { extractAnswer } from './extract.js';
import { DEFAULT_EXTRACTION_PRIORITY } from './extraction.js';

const extract = (text: string) => extractAnswer(text, DEFAULT_EXTRACTION_PRIORITY)?.text;

describe('an answer stated first, then its working (StarsfieldAI/R1-V#38)', () => {
  it('reads the first sentence when the announced working does not conclude', () => {
    const counted =
      'There are 10 objects in the image. Here is the detailed process to count them:\n\n1. **Cylinders (1):** one.\n2. **Metallic objects (5):** There are 2 purple spheres and a matte cube.';
    expect(endOfStatedFirstSentence(counted)).toBe(counted.indexOf('.'));
    expect(extract(counted)).toBe('10');
    expect(extract('The total is 7. Breakdown:\n- 3 cubes\n- 4 spheres')).toBe('7');
  });

  it('keeps the last number for a restated problem, a hedge, a retraction, or working that is no list (red team of stop 24)', () => {
    expect(extract('It costs 2.5 dollars. Breakdown: 1 + 1.5')).toBe('1.5');
    expect(extract("It's 12. Here is the breakdown: no, 15")).toBe('15');
    expect(extract('The answer could be 12. Here is the breakdown: 15')).toBe('15');
    expect(extract('There are 12 apples. Here is the breakdown:\n1. 5 red\n2. wait, I recount: 15')).toBe(
      '15',
    );
    expect(
      extract(
        'Maria bought 4 boxes. Here is the step-by-step solution:\n1. Each box holds 31 cookies, so 4 boxes hold 124.\n2. Maria gives away 18, so 106 remain.\nMaria now has 106 cookies.',
      ),
    ).toBe('106');
  });

  it('keeps the last number when the working concludes, offers another, or is not announced', () => {
    expect(
      extract('We start with 5 apples. Here is the breakdown: 5 + 7 = 12. So she has 12 in total.'),
    ).toBe('12');
    expect(extract('There are 10 objects. Here is the breakdown: 1 green or teal cylinder, 2 cubes.')).toBe(
      '2',
    );
    expect(extract('There are 10 objects. The cubes are 2 and the spheres 8 of them')).toBe('8');
  });
});
