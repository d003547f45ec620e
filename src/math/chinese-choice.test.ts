import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';

describe('a closing statement of an option in Chinese', () => {
  it.each([
    // Endings of held-out Gaokao outputs (open-compass/GAOKAO-Eval, real outputs round 11).
    ['D', '因此，$z=2$。正确答案是D. $2$。'],
    ['D', '因此，$z \\cdot \\overline z = 2$，选项 D 是正确答案。'],
    ['A', '故选A．'],
    ['C', '故选：C．'],
    ['B', '首项的值是$\\frac{7}{3}$，选项B是正确的。'],
    ['A', '所以选项 A 正确。'],
    ['B', '体积是 $3\\sqrt{3}\\pi$，对应选项B'],
    ['B', '正确答案是 **B**'],
    ['C', '综上，选C。**答案** C'],
    ['D', '答案是：D. ( 2 )'],
    ['A', '若选B，则矛盾。故选A．'],
    ['A', '因此，正确的答案是包含真命题①和③的选项，即**A. ①③**。'],
  ])('%s is stated by %s', (gold, response) => {
    const outcome = verifyAnswer(gold, response);
    expect(outcome.verdict).toBe('equal');
    expect(outcome.method).toBe('choice');
  });

  it.each([
    ['A', '正确答案是D. $2$。'],
    ['B', '选项B不正确，故答案是 $2$。'],
    ['A', '不选A，因为 $x=2$。'],
    ['A', '答案是A或B。'],
  ])('%s is not stated by %s', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });
});
