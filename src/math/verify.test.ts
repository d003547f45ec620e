import { describe, expect, it } from 'vitest';
import { DEFAULT_MATH_VERIFY_OPTIONS } from './options.js';
import { verifyAnswer } from './verify.js';

const verify = (gold: string, response: string, budgetMs = 5_000) =>
  verifyAnswer(gold, response, DEFAULT_MATH_VERIFY_OPTIONS, performance.now() + budgetMs);

/** Model outputs in the style real models give on GSM8K, with the dataset's gold solutions. */
const gsm8k: [string, string, boolean][] = [
  [
    'Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18 every day at the farmer’s market.\n#### 18',
    "Janet's ducks lay 16 eggs per day. She eats 3 and bakes with 4, so she has 16 - 3 - 4 = 9 eggs left. She sells them at $2 each, so she makes 9 × $2 = $18 per day.\n\nThe answer is 18.",
    true,
  ],
  [
    '#### 3',
    'A robe takes 2 bolts of blue fiber and half that much white fiber, which is 2 / 2 = 1 bolt.\nSo the total amount of fabric is 2 + 1 = 3 bolts of fabric.\n#### 3',
    true,
  ],
  [
    '70000',
    'The cost of the house and repairs came out to 80,000+50,000=$130,000\nHe increased the value of the house by 80,000*1.5=120,000\nSo the new value of the house is 120,000+80,000=$200,000\nSo he made a profit of 200,000-130,000=$70,000\n#### 70,000',
    true,
  ],
  [
    '540',
    'James runs 3 sprints 3 times a week, so 3 * 3 = 9 sprints. Each sprint is 60 meters, so 9 * 60 = 540 meters a week.\n\nTherefore, James runs $\\boxed{540}$ meters a week.',
    true,
  ],
  [
    '20',
    'Every day Wendi feeds each chicken 3 cups, so 20 chickens need 3 * 20 = 60 cups. She gives 15 cups in the morning and 25 in the afternoon, so 60 - 15 - 25 = 30 cups remain.\nThe answer is 30.',
    false,
  ],
  ['64', 'Each pair costs $5 + $3 = $8, so 8 pairs cost $64 in total.', true],
  ['260', 'Total = 160 + 100 = 260 dollars.\n\n**Answer: 260**', true],
  ['18', 'So she makes 9 * 2 = $18.00 every day.', true],
  ['366', 'Hence the answer is **366**.', true],
  ['15', 'Kylar pays 16 * 5 = 80... wait, the total is $\\$64$.', false],
  ['16', 'He bought 4 packs of 4 = 16 pencils. The answer is sixteen (16).', true],
  ['18', 'She sells 9 eggs at $2 each.\nThe answer is 18 dollars per day.', true],
  ['-5', 'The temperature change is \u22125.', true],
  ['1000000', 'The population is 1 000 000', true],
];

describe('verifyAnswer on GSM8K-style outputs', () => {
  it.each(gsm8k)('gold %#', (gold, response, expected) => {
    const outcome = verify(gold, response);
    expect(outcome.verdict, JSON.stringify(outcome)).toBe(expected ? 'equal' : 'not_equal');
  });
});

describe('verifyAnswer', () => {
  it('reports extracted, normalized and parsed forms of both sides', () => {
    const outcome = verify('\\frac{1}{2}', 'So the probability is $\\boxed{\\dfrac{1}{2}}$.');
    expect(outcome).toMatchObject({
      verdict: 'equal',
      pred: { extracted: '\\dfrac{1}{2}', extractor: 'boxed', normalized: '\\frac{1}{2}' },
      gold: { extracted: '\\frac{1}{2}', extractor: 'whole' },
    });
  });

  it('is undecidable with failure no_answer when nothing can be extracted', () => {
    expect(verify('5', 'I do not know.')).toMatchObject({ verdict: 'undecidable', failure: 'no_answer' });
  });

  it('is undecidable with failure timeout when the deadline has passed', () => {
    expect(verify('(x+1)^2', '\\boxed{x^2+2x+1}', -1)).toMatchObject({
      verdict: 'undecidable',
      failure: 'timeout',
    });
  });

  it('reads a gold `9\\text{ min}` as minutes (a MATH gold against a GRPO rollout, real outputs round 18)', () => {
    expect(verify('9\\text{ min}', '<answer>9</answer>').verdict).toBe('equal');
    expect(verify('9\\text{ min}', 'It takes 9 minutes.').verdict).toBe('equal');
    expect(verify('9\\text{ min}', '<answer>8</answer>').verdict).toBe('not_equal');
    expect(verify('9\\text{ min}', 'The answer is 9 seconds.').verdict).toBe('not_equal');
    // After a response's value "min" may still be a bound ("40 min", at least 40: unit-words.ts).
    expect(verify('40', 'The answer is 40 min.').verdict).not.toBe('equal');
  });

  it('is undecidable, never a thrown error, when the deadline passes in a rule before the values', () => {
    // A symmetric relation's sides and a gold option's text are compared by rules that ran outside
    // the timeout's catch: the deadline escaped verifyAnswer as an exception.
    for (const [gold, response] of [
      ['y+z \\cong x', 'x \\cong y+z'],
      ['(C) 12', 'The answer is 12.'],
    ]) {
      expect(verify(gold as string, response as string, -1)).toMatchObject({
        verdict: 'undecidable',
        failure: 'timeout',
      });
    }
  });

  it('matches choice letters case-blind and refuses several choices', () => {
    expect(verify('\\text{(B)}', 'The answer is (B) 12').verdict).toBe('equal');
    expect(verify('\\text{A}', '\\boxed{a}').verdict).toBe('equal');
    expect(verify('\\text{(A)}', '\\boxed{\\text{(A) and (B)}}').verdict).toBe('not_equal');
    expect(verify('B', 'The correct option is B.').verdict).toBe('equal');
  });

  it('reads choices written with their option text, and letters that are expressions as no choice', () => {
    expect(verify('C. x = 42', 'C').verdict).toBe('equal');
    expect(verify('(D) Alina', 'D').verdict).toBe('equal');
    expect(verify('C', 'C. x = 42').verdict).toBe('equal');
    expect(verify('E', '\\mathrm{E}*2').verdict).toBe('not_equal');
    expect(verify('D', 'The answer is for sure D, it cannot be A or B').verdict).toBe('equal');
    expect(verify('D', 'D. It cannot be A or B').verdict).toBe('equal');
    expect(verify('B', 'A or B').verdict).toBe('not_equal');
    expect(verify('B', 'B。不是 A').verdict).toBe('equal');
    expect(verify('B', 'The answer is not A but B').verdict).toBe('equal');
    expect(verify('A', 'The answer is not A but B').verdict).toBe('not_equal');
    expect(verify('E', '\\boxed{E: A polygenic risk score}').verdict).toBe('equal');
    expect(verify('A', '\\boxed{E: A polygenic risk score}').verdict).toBe('not_equal');
  });

  it('reads a gold chain of equalities as the value it arrives at, and an unclosed gold box', () => {
    expect(verify('$1 = \\zzz = x = 0$', '$0$').verdict).toBe('equal');
    expect(verify('z = 1+1 = 2', '3').verdict).toBe('not_equal');
    expect(verify('\\boxed{W(n) = 1 \\text{ and } W(n) = -1', 'W(x)=1orW(x)=-1').verdict).toBe('equal');
    expect(verify('\\boxed{W(n) = 1 \\text{ and } W(n) = -1', 'W(x)=1orW(x)=1').verdict).toBe('not_equal');
  });

  it('reads a gold whose #### is a markdown heading over its answer (round 7 of stop 35)', () => {
    expect(verifyAnswer('#### Final Answer\n42', 'So it is 42.\n#### 42').verdict).toBe('equal');
    expect(verifyAnswer('#### Answer: 42', 'The final answer is $42$.').verdict).toBe('equal');
    expect(verifyAnswer('#### Answer: 42', '#### 41').verdict).toBe('not_equal');
  });

  it('answers undecidable, never throws, for relation sides it cannot evaluate (red team of stop 35)', () => {
    for (const response of ['Answer: x>2 (x=3 works)', '\\boxed{18 \\lor x>2}', '\\boxed{A \\equiv x>2}']) {
      expect(verifyAnswer('x > 2', response).verdict).toBe('undecidable');
    }
  });

  it('reads a decimal comma against a decimal gold only', () => {
    expect(verify('3.5', '\\boxed{3,5}').verdict).toBe('equal');
    expect(verify('-2, 1', '\\boxed{-2,1}').verdict).toBe('equal');
  });

  it('stays bounded on adversarial responses of 100 KB', () => {
    const responses = [
      `\\boxed{${'{'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      '9'.repeat(100_000),
      '$a '.repeat(33_000),
      `\\boxed{${'x='.repeat(1_000)}1}`,
      `\\boxed{${'1\\pm'.repeat(50)}1}`,
      `\\boxed{${'('.repeat(5_000)}x${')'.repeat(5_000)}}`,
      '\\boxed{2^{2^{2^{2^{2^{20}}}}}}',
      '\\boxed{100000!}',
    ];
    for (const response of responses) {
      const outcome = verify('x^2+1', response);
      expect(['equal', 'not_equal', 'undecidable']).toContain(outcome.verdict);
      expect(outcome.reason.length).toBeGreaterThan(0);
    }
  });
});

describe('gold-guided answers', () => {
  it('report the rule that found them, not the last-number extractor', () => {
    const cases: [string, string, string][] = [
      ['\\text{Monday}', 'So the meeting falls on Monday', 'gold_guided_words'],
      ['B', 'Comparing the four graphs, the second one fits, so I pick B', 'gold_guided_choice'],
      ['\\emptyset', 'Both cases fail, so there are no solutions', 'gold_guided_no_solution'],
      ['\\varnothing', 'Checking both cases, neither works.\n\nNone.', 'gold_guided_no_solution'],
      [
        '\\text{infinitely many}',
        'The two equations agree, so there are infinitely many solutions',
        'gold_guided_infinitely_many',
      ],
      ['(-\\infty, \\infty)', 'Any x works, so the domain is all real numbers', 'gold_guided_all_reals'],
      ['3', 'Counting the crossings, there are three solutions', 'gold_guided_number_words'],
      ['\\text{Yes}', 'Yes, it is possible', 'gold_guided_yes_no'],
      ['AC', 'Checking each statement in turn: the correct options are A and C', 'gold_guided_options'],
    ];
    for (const [gold, response, rule] of cases) {
      const outcome = verify(gold, response);
      expect(outcome.verdict, response).toBe('equal');
      expect(outcome.pred.extractor, response).toBe(rule);
    }
    // A number found by the ordinary fallback keeps its extractor's name.
    expect(verify('3', 'There are 3 solutions').pred.extractor).toBe('last_number');
  });
});
