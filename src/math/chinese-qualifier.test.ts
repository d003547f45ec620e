import { describe, expect, it } from 'vitest';
import { chineseQualifier, chineseQualifierAround } from './chinese-qualifier.js';
import { verifyAnswer } from './verify.js';

describe('chineseQualifier', () => {
  it.each(['结果不是 5', '结果可能是 5', '大约 5', '约为 5', '至少为 5', '5 以上', '不超过 5', '5 左右'])(
    '%j qualifies its value',
    (phrase) => {
      expect(chineseQualifier(phrase)).toBeDefined();
    },
  );

  it.each([
    '不等式的解集为 (1,2)',
    '非负整数的个数为 5',
    '无穷大',
    '约分后为 3/4',
    '平均正点率的估计值为 0.98',
    'the answer is 5',
  ])('%j holds no qualifier (a word that only contains one of its characters, or ASCII text)', (phrase) => {
    expect(chineseQualifier(phrase)).toBeUndefined();
  });
});

describe('chineseQualifierAround', () => {
  it('reads the clause before the value and a bound right after it', () => {
    const text = '先算 3+2=5，所以结果不是5。';
    expect(chineseQualifierAround(text, text.lastIndexOf('5'), text.lastIndexOf('5') + 1)).toBeDefined();
    const bounded = '所以结果是5以上';
    expect(chineseQualifierAround(bounded, 5, 6)).toBeDefined();
  });

  it('leaves a denial after the value to the next value ("B不是 A") and a clause before a comma', () => {
    expect(chineseQualifierAround('B不是 A', 0, 1)).toBeUndefined();
    const text = '不是 6，结果是 5';
    expect(chineseQualifierAround(text, text.length - 1, text.length)).toBeUndefined();
  });
});

describe('Chinese qualifiers through verifyAnswer', () => {
  it.each([
    ['5', '【答案】结果不是 $5$。'],
    ['5', '答案：5 以上'],
    ['5', '【答案】$5$ 左右'],
    ['5', '所以结果大约是 5'],
    ['7', '【答案】最小值为 $5$，最大值为 $7$'],
  ])('%j is not paid by %j', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });

  it.each([
    ['5', '【答案】5'],
    ['(1,2)', '【答案】不等式的解集为 $(1,2)$'],
    ['B', 'B不是 A'],
  ])('%j is paid by %j', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });
});
