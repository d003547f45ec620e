import { describe, expect, it } from 'vitest';
import { continueSolution, errorProbability, scoreTokens } from './policy-model.js';
import { findProblem, generateProblem } from './problems.js';
import { seededStream } from './seeded-random.js';
import { judgeSteps } from './step-truth.js';
import { tokenize } from './world-tokenizer.js';

describe('world problems', () => {
  it('are deterministic per seed and index and differ across seeds', () => {
    expect(generateProblem(3, 5)).toEqual(generateProblem(3, 5));
    expect(generateProblem(3, 5).question).not.toBe(generateProblem(4, 5).question);
  });

  it('are the same from one version to the next: the seeded stream is pinned', () => {
    const stream = seededStream('problem', 0, 0);
    expect([stream(), stream(), stream()]).toEqual([
      0.03626180370338261, 0.893584085861221, 0.8806029125116765,
    ]);
    expect(generateProblem(0, 3).question).toBe(
      'Cleo has 5 cards. Then Cleo gives away 3. Then Cleo ends up with 2 times as many. Then Cleo ends up with 2 times as many. Then Cleo ends up with 3 times as many. Then Cleo ends up with 3 times as many. How many cards does Cleo have now?',
    );
  });

  it('are rebuilt with their exact truth from the words alone, inside any text', () => {
    for (let index = 0; index < 50; index += 1) {
      const problem = generateProblem(11, index);
      const found = findProblem(`<|im_start|>user\n${problem.question}<|im_end|>\nsome more text`);
      expect(found?.problem.values).toEqual(problem.values);
      expect(found?.problem.answer).toBe(problem.answer);
    }
  });
});

describe('world truth', () => {
  const problem = generateProblem(1, 2);
  const right = continueSolution(problem.question, { skill: 1, temperature: 0, random: () => 0.5 }).split(
    '\n\n',
  );

  it('finds a greedy expert solution right at every step', () => {
    const truth = judgeSteps(problem.question, right);
    expect(truth.stepCorrect.every(Boolean)).toBe(true);
    expect(truth.answerCorrect).toBe(true);
  });

  it('marks the first wrong step and every step after it wrong (errors propagate)', () => {
    const broken = [...right];
    broken[0] = (broken[0] as string).replace(
      /= (-?\d+)\./,
      (_match, value: string) => `= ${Number(value) + 1}.`,
    );
    const truth = judgeSteps(problem.question, broken);
    expect(truth.stepCorrect).toEqual(broken.map(() => false));
  });
});

describe('world policy logprobs', () => {
  it('are a distribution: the options at each result digit sum to one', () => {
    const problem = generateProblem(2, 0);
    const text = `${problem.question}\n\n${continueSolution(problem.question, { skill: 0.7, temperature: 1, random: () => 0.3 })}`;
    const scored = scoreTokens(text, tokenize(text), 0.7);
    const uncertain = scored.filter((token) => token.top.length > 1);
    expect(uncertain.length).toBeGreaterThan(0);
    for (const token of uncertain) {
      const total = token.top.reduce((sum, option) => sum + Math.exp(option.logprob), 0);
      expect(total).toBeCloseTo(1, 9);
    }
  });

  it('give a right result the probability 1 - p of the model, digit by digit', () => {
    const question = 'Ada has 5 apples. Then Ada gets 4 more. How many apples does Ada have now?';
    const text = `${question}\n\nGetting 4 more: 5 + 4 = 9. The answer is \\boxed{9}.`;
    const scored = scoreTokens(text, tokenize(text), 0.8);
    const nine = scored.find((token) => token.text === '9' && token.offset === text.indexOf('= 9') + 2);
    const after = scored.find((token) => token.offset === text.indexOf('= 9') + 3);
    // p = (1 - 0.8) * 1 / 4 = 0.05; "9" is a whole candidate (no other candidate starts with 9).
    expect(errorProbability(1, 0.8)).toBeCloseTo(0.05, 12);
    expect(Math.exp(nine?.logprob ?? 0)).toBeCloseTo(0.95, 12);
    expect(after?.logprob).toBeCloseTo(0, 12);
  });
});
