import { describe, expect, it } from 'vitest';
import { statedChoice } from './stated-choice.js';

describe('statedChoice', () => {
  it.each([
    ['Step 4: So B.\nSolution: Choice_B', 'B'],
    ['...\nSolution: Choice\\_C: $\\frac{\\pi}{6}$.', 'C'],
    ['...\nSolution: Choice_B (7.92)', 'B'],
    ['...\nStep 10: Solution: Choice_A', 'A'],
    ['...\nSolution: Choice D - Abelian', 'D'],
    ['...\nChoice__C__: 12*sqrt(3)', 'C'],
    ['...\nFinal answer: Option B.', 'B'],
    ['Step 5: Therefore, the solution is Choice D.', 'D'],
    ['Therefore, the correct answer choice is D: 2/3.', 'D'],
    ['Solution: Choice_A, 6', 'A'],
    ['Therefore, out of the given options, Choice_C of 25% is the solution.', 'C'],
    ['As 99 is the smallest such k, Choice_D is the correct answer.', 'D'],
    ['The answer is B.\nThat is all.', 'B'],
    ['Solution: Choice_A 29.', 'A'],
    ['Solution: Choice_B\nConfidence: 100%', 'B'],
    ['Choice D: 80 is equal to 80.\nSolution: Choice\\_D.', 'D'],
    ['the correct answer is Choice_D: 5.\nCorrected Choice_B matches.\nSolution: Choice_B', 'B'],
  ])('%j chooses %s', (text, letter) => {
    expect(statedChoice(text)?.letter).toBe(letter);
  });

  it.each([
    'Solution: Choice B is wrong.',
    'Solution: Choice_B or Choice_C',
    'Solution: Choice B and C',
    'Solution: None of the options are correct.',
    'The answer is e.',
    'Choice_A: 5\nChoice_B: 6',
    'Solution: Choice_B\nBut maybe Choice_C.',
    'the solution is not Choice B.',
    'Choice_B is not the correct answer.',
    'Choice_B or Choice_C is the correct answer.',
    'Choice_D: 36/7 days might be the closest approximation.',
    'The closest choice is Choice_D: 0.17.\nSolution: the correct answer is not among the choices.',
  ])('%j states no single choice', (text) => {
    expect(statedChoice(text)).toBeUndefined();
  });
});
