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
    ['A', '故选A，毫不犹豫。'],
    ['A', '故选：A．（其他选项不成立）'],
    ['B', 'A选项不对，故选B，没有疑问。'],
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
    // A red team of stop 38: two options, negation, supposition, doubt, report, question, correction.
    ['A', '解：x=2。\n故选A，C。'],
    ['B', '解：x=2。\n答案是A、B'],
    ['B', '选A，选B也行'],
    ['B', '答案是A，但B也成立。'],
    ['A', '不应该选A。'],
    ['A', '学生容易误选A。'],
    ['A', '若答案为A，则矛盾。'],
    ['A', '假设选项A正确，则推出矛盾。因此排除。'],
    ['A', '可能选A。'],
    ['A', '我不确定，但答案是A。'],
    ['A', '老师说选A，但我认为不对。'],
    ['A', '选项A正确吗？'],
    ['A', '选项A对应的值是2，不符合题意。'],
    ['A', '故选A。\n\n不对，应该选Ｂ。'],
    ['A', '故选A。\n更正：应选第二个选项。'],
    ['A', '故选A。\n\\boxed{5}'],
    ['A', 'A选项对应的结果不对。'],
    ['A', '答案是A，不排除B'],
    ['B', '故选A，毫不犹豫。\nB亦可。'],
  ])('%s is not stated by %s', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });
});

describe('an honest option with a note about another after it', () => {
  it.each([
    ['B', '\\boxed{B}\n\n注：选项A对应的值是1，不符合题意。'],
    ['B', '答案：B\n\n常见错误：很多学生误选A。'],
    ['B', '\\boxed{B}\n\n点评：本题不能选A。'],
    [
      'B',
      '因此，正确答案是 B. $2\\sqrt{3}-1$。我之前错误地将分子乘以了 $-1$，正确的计算应该是将分子乘以 $-1 + \\sqrt{3}$。',
    ],
  ])('%s is still %s', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });
});
