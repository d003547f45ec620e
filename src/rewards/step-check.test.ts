import { describe, expect, it } from 'vitest';
import { checkEquations } from './equation-check.js';
import { evaluateExact, rational } from './exact-arithmetic.js';
import { splitFormulas } from './latex-equation.js';
import { stepCheckReward } from './step-check.js';

const context = (steps: string[]) => ({
  steps,
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
});

describe('evaluateExact', () => {
  it('is exact where floating point is not', () => {
    expect(evaluateExact('0.1 + 0.2')).toEqual(rational(3n, 10n));
    expect(evaluateExact('-(2 + 3) * 2^3 / 4')).toEqual(rational(-10n));
    expect(evaluateExact('$1,200 * 50%')).toEqual(rational(600n));
  });

  it('refuses division by zero and garbage', () => {
    expect(() => evaluateExact('1 / 0')).toThrow(/division by zero/);
    expect(() => evaluateExact('2 + ')).toThrow();
  });
});

describe('checkEquations', () => {
  it('checks plain equations, chains and GSM8K annotations', () => {
    const verdicts = checkEquations(
      'She has 16 - 3 - 4 = 9 eggs, so 9 * 2 = <<9*2=18>>18 = 36 / 2 dollars.',
      true,
    );
    expect(verdicts.map((verdict) => verdict.verdict)).toEqual(['correct', 'correct', 'correct']);
  });

  it('finds a wrong equation and says which sides differ', () => {
    const [verdict] = checkEquations('Then 16 - 3 - 4 = 8 eggs remain.', true);
    expect(verdict?.verdict).toBe('wrong');
    expect(verdict?.reason).toMatch(/16 - 3 - 4/);
    expect(checkEquations('<<5*3=16>>', true)[0]?.verdict).toBe('wrong');
  });

  it('accepts a correctly rounded decimal only when rounding is allowed', () => {
    expect(checkEquations('10 / 3 = 3.33', true)[0]?.verdict).toBe('correct');
    expect(checkEquations('10 / 3 = 3.34', true)[0]?.verdict).toBe('wrong');
    expect(checkEquations('10 / 3 = 3.33', false)[0]?.verdict).toBe('wrong');
  });
});

describe('step_check reward', () => {
  const scorer = stepCheckReward.create(
    { allow_rounding: true, unchecked_step_score: 1 },
    {
      concurrency: 1,
      allowUnsandboxed: false,
    },
  );

  it('scores each step and gives the min over steps', async () => {
    const result = await scorer.score(
      { id: 'a', response: '' },
      context(['2 + 2 = 4', 'No math here.', '3 * 3 = 10']),
    );
    expect(result.stepScores).toEqual([1, 1, 0]);
    expect(result.score).toBe(0);
    expect(result.status).toBe('incorrect');
  });

  it('is undecided, not zero, when there are no steps', async () => {
    const result = await scorer.score({ id: 'a', response: '' }, context([]));
    expect(result.score).toBeNull();
    expect(result.status).toBe('unparseable');
  });
});

describe('checkEquations on hostile input', () => {
  it('finishes on a long line of numbers and reports an overlong line as unparseable', () => {
    expect(checkEquations(`${'1 '.repeat(1900)}=`, true)).toEqual([]);
    const overlong = checkEquations(`${'1 + '.repeat(2000)}1 = 2001`, true);
    expect(overlong[0]?.verdict).toBe('unparseable');
  });

  it('does not join equations across lines', () => {
    expect(checkEquations('16 - 3 - 4 = 8\n8 * 2 = 16', true).map((verdict) => verdict.verdict)).toEqual([
      'wrong',
      'correct',
    ]);
  });
});

describe('checkEquations on GSM8K writing habits', () => {
  const verdictsOf = (text: string) => checkEquations(text, true).map((verdict) => verdict.verdict);

  it('reads a lone x between numbers as multiplication', () => {
    expect(verdictsOf('Her rate is $10 x 1.2 = $12.')).toEqual(['correct']);
    expect(verdictsOf('This is 12/20 x 100% = 60% of the students.')).toEqual(['correct']);
  });

  it('does not judge fragments whose sides run into units or variables', () => {
    expect(verdictsOf('200 GB * 40% = 80 GB')).toEqual(['unparseable']);
    expect(verdictsOf('x+x+30=110')).toEqual(['unparseable']);
    expect(verdictsOf('I can eat 60g * 4/5 = 240g/5 = 48 grams')).toEqual(['unparseable', 'unparseable']);
    expect(verdictsOf('Tommy raised 23 slices x $4 = $92.')).toEqual(['unparseable']);
    expect(verdictsOf('shoe size 25 + shoe size 5 = 30')).toEqual(['unparseable']);
  });

  it('reads mixed numbers, splits sentences, and accepts a percent sign used as a unit', () => {
    expect(verdictsOf('He had 5 - 1 - 1/2 = 3 1/2 hours left.')).toEqual(['correct']);
    expect(verdictsOf('It is $120,000. 3/4 * $120,000 = $90,000.')).toEqual(['correct']);
    expect(verdictsOf('It is off by 18 / 450 x 100 = 4%')).toEqual(['correct']);
  });

  it('does not read "200, 200" as two hundred thousand', () => {
    expect(verdictsOf('Out of the 200, 200 x 4/5 = 160 bloomed.')).not.toContain('wrong');
  });

  it('still catches a wrong result written in words around it', () => {
    expect(verdictsOf('So, Suzzane has $32 - $20 = $300 left.')).toEqual(['wrong']);
  });
});

describe('checkEquations on LaTeX', () => {
  const verdictsOf = (text: string) => checkEquations(text, true).map((verdict) => verdict.verdict);

  it('reads each side whole and checks chains pair by pair', () => {
    expect(verdictsOf('$2 \\cdot (3 \\cdot 4) \\cdot (5+1) = 144$')).toEqual(['correct']);
    expect(verdictsOf('$x = 2 \\cdot 3 = 7$')).toEqual(['not_checkable', 'wrong']);
    expect(verdictsOf('$\\frac{10!}{2!\\,8!} = \\binom{10}{2} = 45$')).toEqual(['correct', 'correct']);
  });

  it('calls sides with variables, functions or text not checkable, never a fragment', () => {
    expect(verdictsOf('$f^{-1}(6) = -3$')).toEqual(['not_checkable']);
    expect(verdictsOf('$2 = 3y = -z$')).toEqual(['not_checkable', 'not_checkable']);
    expect(verdictsOf('so f^{-1}(6) = -3 here')).not.toContain('wrong');
  });

  it('reads \\approx as a rounding claim', () => {
    expect(verdictsOf('$\\pi \\approx 3.14$')).toEqual(['correct']);
    expect(verdictsOf('$\\pi \\approx 3.15$')).toEqual(['wrong']);
    expect(verdictsOf('$\\pi \\approx x$')).toEqual(['not_checkable']);
  });

  it('does not take GSM8K prices for formulas', () => {
    expect(splitFormulas('She pays $12 x 5 =$<<12*5=60>>60 and $3 more.').formulas).toEqual([]);
    expect(splitFormulas('He has $5 and $3 left, so $5-$3=$2.').formulas).toEqual([]);
    expect(splitFormulas('So $p=0.29$ and \\(q = 1\\).').formulas.sort()).toEqual(['p=0.29', 'q = 1']);
  });
});

describe('checkEquations reads as a careful grader does', () => {
  const verdictsOf = (text: string) => checkEquations(text, true).map((verdict) => verdict.verdict);

  it('reads a repeating decimal as the exact fraction it is', () => {
    expect(verdictsOf('$0.\\overline{7} = \\frac{7}{9}$')).toEqual(['correct']);
    expect(verdictsOf('$1.2\\overline{34} = \\frac{611}{495}$')).toEqual(['correct']);
    expect(verdictsOf('$0.\\overline{7} = \\frac{7}{8}$')).toEqual(['wrong']);
  });

  it('judges a / b = q in a step about remainders as a Euclidean quotient, remainder included', () => {
    expect(verdictsOf('I get $100 \\div 60 = 1$ with a remainder of $40.$')).toEqual(['correct']);
    expect(verdictsOf('166 ÷ 6 = 27 with a remainder of 4.')).toEqual(['correct']);
    expect(verdictsOf('166 ÷ 6 = 27 with a remainder of 5.')).toEqual(['wrong']);
    expect(verdictsOf('166 ÷ 6 = 28 with a remainder of 4.')).toEqual(['wrong']);
    // Without a remainder in sight, the division is exact arithmetic.
    expect(verdictsOf('So 166 ÷ 6 = 27.')).toEqual(['wrong']);
  });

  it('reads a / b = q in a step that counts multiples as the whole quotient', () => {
    expect(verdictsOf('$100/60 = 1$ gives us 1 as the multiple.')).toEqual(['correct']);
    expect(verdictsOf('There are $100/7 = 14$ multiples of 7 up to 100.')).toEqual(['correct']);
    expect(verdictsOf('There are $100/7 = 15$ multiples of 7 up to 100.')).toEqual(['wrong']);
  });

  it('reads degrees, bare multi-digit exponents and floors at an integer', () => {
    expect(verdictsOf('$30^\\circ = \\frac{\\pi}{6}$')).toEqual(['correct']);
    expect(verdictsOf('$2^13 = 8192$')).toEqual(['correct']);
    expect(verdictsOf('$\\lfloor 8^{2/3} \\rfloor = 4$')).toEqual(['not_checkable']);
    expect(verdictsOf('$\\lfloor 8.5 \\rfloor = 9$')).toEqual(['wrong']);
  });

  it('does not call a quantity with a dropped unit or variable wrong', () => {
    expect(verdictsOf('\\[ \\frac{2}{3} s = 834 \\]')).toEqual(['not_checkable']);
    expect(verdictsOf('$5 \\text{ cm} = 5$')).toEqual(['correct']);
  });

  it('reads a running computation in a chain, and still checks its next link', () => {
    expect(verdictsOf('It costs $3/2 = $1.50+$3.00=$4.50 in all.')).toEqual(['correct']);
    expect(verdictsOf('It costs $3/2 = $1.50+$3.00=$4.60 in all.')).toEqual(['wrong']);
    // Without a next link there is nothing it runs into: a plain false equation.
    expect(verdictsOf('It costs 3/2 = 1.50+3.00 in all.')).toEqual(['wrong']);
  });

  it('checks a prose chain whose first link defines a name, and reads a slashed fraction as a number', () => {
    expect(verdictsOf('So I get n = (99 - 3)/3 + 1 = 31 + 1 = 32.')).toEqual(['wrong']);
    expect(verdictsOf('So I get n = (99 - 3)/3 + 1 = 32 + 1 = 33.')).toEqual(['correct']);
    expect(verdictsOf('So I get n = 360/24 = 15.')).toEqual(['correct']);
    expect(verdictsOf('Then 2x = 6 = 3')).toEqual(['unparseable']);
    expect(verdictsOf('Thus, W = 1 1/2 / 1/2 = 3 episodes')).toEqual(['correct']);
    expect(verdictsOf('Thus, W = 1 1/2 / 1/2 = 4 episodes')).toEqual(['wrong']);
  });

  it('checks a value the step claims against an equation in that variable the step states', () => {
    const wrongOf = (text: string) =>
      checkEquations(text, true).filter((verdict) => verdict.verdict === 'wrong');
    expect(wrongOf('This simplifies to $2p=0.58$. So $p=0.58$.')[0]?.reason).toMatch(
      /claims p = 0.58, which does not satisfy/,
    );
    expect(wrongOf('I get \\[ -\\frac{a}{8} = 32 \\implies a = -256. \\]')).toEqual([]);
    expect(wrongOf('I get \\[ -\\frac{a}{8} = 32 \\implies a = 256. \\]')).toHaveLength(1);
    expect(wrongOf('So $3x + 5 = 17$, hence $x = \\frac{12}{3} = 4$.')).toEqual([]);
    // A value written rounded may solve the equation only to its last place.
    expect(wrongOf('So $3t = 2$, and $t = 0.67$.')).toEqual([]);
    expect(wrongOf('So $3t = 2$, and $t = 0.76$.')).toHaveLength(1);
    // Alternatives, goals, values taken back, and two unknowns are not claims to check.
    expect(wrongOf('That factors as $x(x+2)=0$, so either $x=0$ or $x+2=0$.')).toEqual([]);
    expect(wrongOf('We need to solve the equations $x = 2001$ and $\\frac{2001}{x} = 2001$.')).toEqual([]);
    expect(wrongOf('Now $3f = 26$, yet rounding falsely confirms $f = 9$.')).toEqual([]);
    expect(wrongOf('So $x + y = 10$ and $x = 3$.')).toEqual([]);
    expect(wrongOf('With $a = 2$, $b = 9$, $c = 3$: $100a+10b+c = 320$.')).toHaveLength(1);
    expect(wrongOf('With $a = 2$, $b = 9$, $c = 3$: $100a+10b+c = 293$.')).toEqual([]);
    // Letters side by side are the digits of a number, not a product.
    expect(wrongOf('Since $a = 8$ and $b = 5$, the number is $ab = 85$.')).toEqual([]);
    expect(wrongOf('The side is $s = 5$ and $s^2 = 25 \\text{ cm}^2$.')).toEqual([]);
  });

  it('leaves fragments of longer writing alone', () => {
    expect(verdictsOf('- 8^2 = 64, units digit is 4')).toEqual(['correct']);
    expect(verdictsOf('F(1) = 1 → 1 mod 4 = 1')).not.toContain('wrong');
    expect(verdictsOf('which gives me 5 $\\times$ 3 = 15.')).toEqual(['correct']);
    expect(verdictsOf('Simplifying, 7 = 14 sin(θ).')).not.toContain('wrong');
    expect(verdictsOf('So we showed that 4@7 = 14')).not.toContain('wrong');
    expect(verdictsOf('So 7\\,\\S\\, 2 = 41.')).not.toContain('wrong');
    expect(verdictsOf("So, $30025=13689$? I don't think so!")).not.toContain('wrong');
  });
});
