import { describe, expect, it } from 'vitest';
import {
  mayBePlainTextMath,
  plainTextMathAsLatex,
  withoutFunctionCalls,
  withoutGreekNames,
} from './plain-text-math.js';
import { verifyAnswer } from './verify.js';

describe('plainTextMathAsLatex', () => {
  it('writes Python-style names and roots as LaTeX', () => {
    expect(plainTextMathAsLatex('pi/2')).toBe('\\pi /2');
    expect(plainTextMathAsLatex('-1 + exp(16)')).toBe('-1 + \\exp(16)');
    expect(plainTextMathAsLatex('sqrt(2)/2')).toBe('\\sqrt{2}/2');
    expect(plainTextMathAsLatex('4\\sqrt(2)')).toBe('4\\sqrt{2}');
    expect(plainTextMathAsLatex('sqrt((1+2)*3)')).toBe('\\sqrt{(1+2)*3}');
    expect(plainTextMathAsLatex('log(3) + sin(x)')).toBe('\\log(3) + \\sin(x)');
  });

  it('reads floor and ceiling calls, with or without a backslash (latex2sympy, Python)', () => {
    expect(plainTextMathAsLatex('\\floor(\\sqrt{100})')).toBe('\\lfloor \\sqrt{100}\\rfloor ');
    expect(plainTextMathAsLatex('ceil(1.1) + 1')).toBe('\\lceil 1.1\\rceil  + 1');
    expect(verifyAnswer('10', '\\floor(\\sqrt{100})').verdict).toBe('equal');
    expect(verifyAnswer('100', '\\floor(\\sqrt{100})').verdict).toBe('not_equal');
  });

  it('reads a function name before its argument without parentheses (Math-Verify#69)', () => {
    expect(plainTextMathAsLatex('O(log log n)')).toBe('O(\\log \\log n)');
    expect(plainTextMathAsLatex('sin x + cos x')).toBe('\\sin x + \\cos x');
    expect(plainTextMathAsLatex('2 ln 3')).toBe('2 \\ln 3');
    // A word after the name is prose: "a tan dog", "log in".
    expect(plainTextMathAsLatex('a tan dog')).toBe('a tan dog');
    expect(plainTextMathAsLatex('log in')).toBe('log in');
    for (const [pred, gold] of [
      ['O(log log n)', 'O(\\log \\log n)'],
      ['sin x + cos x', '\\sin x + \\cos x'],
      ['2 log n', '2\\log n'],
    ] as const)
      expect(verifyAnswer(gold, pred).verdict, pred).toBe('equal');
  });

  it('raises to a whole parenthesised exponent and reads printed infinities', () => {
    expect(plainTextMathAsLatex('e^(-8*x)*cos(9*x)')).toBe('e^{(-8*x)}*\\cos(9*x)');
    expect(plainTextMathAsLatex('2^((x+1)*2)')).toBe('2^{((x+1)*2)}');
    expect(plainTextMathAsLatex('(-oo, 5)')).toBe('(-\\infty , 5)');
    expect(plainTextMathAsLatex('(-infinity,5)')).toBe('(-\\infty ,5)');
    expect(plainTextMathAsLatex('zoo + 2^(x')).toBe('zoo + 2^(x');
  });

  it('leaves LaTeX commands and longer words alone', () => {
    expect(mayBePlainTextMath('\\pi + \\sqrt{2}')).toBe(false);
    expect(mayBePlainTextMath('pin + expand')).toBe(false);
    expect(plainTextMathAsLatex('\\frac{\\pi}{2}')).toBe('\\frac{\\pi}{2}');
    expect(plainTextMathAsLatex('sqrt(2')).toBe('sqrt(2');
  });

  // maths/moodle-qtype_stack doc/en/Authoring/Answer_Tests/Results/AlgEquiv.md (CAS-printed answers).
  it('writes abs(x) as |x| and does not take function calls for prose words', () => {
    expect(plainTextMathAsLatex('abs(x-1)')).toBe('\\left|x-1\\right|');
    expect(withoutFunctionCalls('cos(x)^2+abs(x)')).toBe(' (x)^2+ (x)');
    expect(withoutFunctionCalls('cosine')).toBe('cosine');
    expect(verifyAnswer('1', 'cos(x)^2+sin(x)^2').verdict).toBe('equal');
    expect(verifyAnswer('abs(x)', 'sqrt(x^2)').verdict).toBe('equal');
    expect(verifyAnswer('x', 'abs(x)').verdict).toBe('not_equal');
  });

  // math_core grading tests (code index file 56204888202): sympy prints the absolute value `Abs(x)`.
  it("reads sympy's Abs(x) as |x|, not A*b*s*x", () => {
    expect(plainTextMathAsLatex('Abs(x)')).toBe('\\left|x\\right|');
    expect(verifyAnswer('Abs(x)', 'sqrt(x**2)').verdict).toBe('equal');
    expect(verifyAnswer('Abs(x)', 'x').verdict).toBe('not_equal');
    expect(verifyAnswer('Abs(x)', 'Abs(x) or x').verdict).not.toBe('equal');
    expect(plainTextMathAsLatex('Absent(x)')).toBe('Absent(x)');
  });
});

describe('plain-text names of stop 36', () => {
  it('reads Python inverse functions, Greek letter names and an unparenthesised root', () => {
    expect(plainTextMathAsLatex('2*asin(1)')).toBe('2*\\arcsin(1)');
    expect(plainTextMathAsLatex('atan 1')).toBe('\\arctan 1');
    expect(plainTextMathAsLatex('beta+gamma')).toBe('\\beta +\\gamma ');
    expect(plainTextMathAsLatex('sqrt 4')).toBe('\\sqrt{4}');
    expect(mayBePlainTextMath('arctan(1)')).toBe(true);
    expect(mayBePlainTextMath('zeta+x')).toBe(true);
  });
  it('leaves words that hold the names, and commands', () => {
    expect(plainTextMathAsLatex('betas + alphabet')).toBe('betas + alphabet');
    expect(plainTextMathAsLatex('\\beta + x')).toBe('\\beta + x');
  });
  it('strips Greek names from the prose test only when the first word is one', () => {
    expect(withoutGreekNames('zeta+x')).toBe(' +x');
    expect(withoutGreekNames('The beta version')).toBe('The beta version');
  });
  it("reads a power written between a function name and its argument (Doenet's spec)", () => {
    expect(plainTextMathAsLatex('tan^2(x)')).toBe('\\tan^{2}(x)');
    expect(plainTextMathAsLatex('sin^(-1)(x)')).toBe('\\sin^{-1}(x)');
    expect(plainTextMathAsLatex('sin^2 x')).toBe('\\sin^{2} x');
    // mathjs's and mathsteps' nthRoot(x, n) (graders' round 15 read the index, 2, as the answer).
    expect(plainTextMathAsLatex('nthRoot(4x, 2)')).toBe('\\sqrt[2]{4x}');
    expect(verifyAnswer('x^3', 'x * nthRoot(x^4, 2)').verdict).toBe('equal');
    expect(verifyAnswer('2', 'nthRoot(8, 3)').verdict).toBe('equal');
    expect(verifyAnswer('3', 'nthRoot(4, 3)').verdict).toBe('not_equal');
    // sympy's sign and sgn (graders' round 13), compared where the sign changes far out too (red team of stop 40).
    expect(
      verifyAnswer('\\left|{n}\\right| \\operatorname{sign}{\\left(n \\right)}', 'abs(n) * sgn(n)').verdict,
    ).toBe('equal');
    // A sign function on one side only is undecided: points cannot rule out a change of sign.
    expect(verifyAnswer('n', 'abs(n) * sgn(n)').verdict).toBe('undecidable');
    expect(verifyAnswer('|n|', 'abs(n) * sgn(n)').verdict).toBe('not_equal');
    for (const response of ['sgn(x+1000)', 'sgn(1000-x)', 'sgn(x^2-0.0001)', 'sgn(x+100000)'])
      expect(verifyAnswer('1', response).verdict, response).not.toBe('equal');
    // Python's `**` for the power (graders' round 13 read `sin**2(m)` as 2 and paid a gold of 2).
    expect(plainTextMathAsLatex('sin**2(m)')).toBe('\\sin^{2}(m)');
    expect(verifyAnswer('2', 'sin**2(m)').verdict).toBe('not_equal');
    expect(verifyAnswer('3', 'sin**3 x').verdict).toBe('not_equal');
    expect(verifyAnswer('\\sin^{2}{\\left(m \\right)}', 'sin**2 (m)').verdict).toBe('equal');
    expect(verifyAnswer('tan(x)^2', 'tan^2(x)').verdict).toBe('equal');
    expect(verifyAnswer('asin(x)', 'sin^(-1)(x)').verdict).toBe('equal');
    expect(verifyAnswer('arctan(x)', 'tan^(-1)(x)').verdict).toBe('equal');
    expect(verifyAnswer('e^(-10x)+1', 'e^(-10x)+sin^2(x)+cos^2(x)').verdict).toBe('equal');
    expect(verifyAnswer('tan(x)^2', 'tan^3(x)').verdict).toBe('not_equal');
  });
});

describe('sympy notation of graders round 11 (isaacphysics/equality-checker tests)', () => {
  it("reads reciprocal, inverse and hyperbolic names, Max and min calls, and a digit glued to a name (graders' round 13)", () => {
    expect(plainTextMathAsLatex('arccsc(x)')).toBe('\\arccsc(x)');
    expect(plainTextMathAsLatex('csch x')).toBe('\\csch x');
    expect(plainTextMathAsLatex('atanh(m)')).toBe('\\artanh(m)');
    expect(plainTextMathAsLatex('Max(m,n)')).toBe('\\max(m,n)');
    expect(plainTextMathAsLatex('24+6cos4')).toBe('24+6\\cos 4');
    // Minutes are no minimum: only a parenthesis makes min a call.
    expect(plainTextMathAsLatex('5 min 30 s')).toBe('5 min 30 s');
  });

  it('reads factorial(n) as (n)!', () => {
    expect(plainTextMathAsLatex('factorial(n)/factorial(n + 1)')).toBe(
      '\\left(n\\right)!/\\left(n + 1\\right)!',
    );
    expect(verifyAnswer('1/(n + 1)', 'factorial(n)/factorial(n + 1)').verdict).toBe('equal');
    expect(verifyAnswer('1/n', 'factorial(n)/factorial(n + 1)').verdict).toBe('not_equal');
    expect(verifyAnswer('120', 'factorial(5)').verdict).toBe('equal');
  });
  it('braces a root written as an exponent', () => {
    expect(verifyAnswer('1', 'sin(exp(sqrt(2*x)))**2 + cos(exp(sqrt(x))**sqrt(2))**2').verdict).toBe('equal');
    expect(verifyAnswer('e^{\\sqrt{2}x}', 'exp(x)**sqrt(2)').verdict).toBe('equal');
    expect(verifyAnswer('e^{\\sqrt{3}x}', 'exp(x)**sqrt(2)').verdict).toBe('not_equal');
  });
});

describe('cbrt, the cube root (graders round 18)', () => {
  it('is the cube root, not prose around its argument', () => {
    expect(plainTextMathAsLatex('cbrt(8)')).toBe('\\sqrt[3]{8}');
    expect(verifyAnswer('2', 'cbrt(8)').verdict).toBe('equal');
    expect(verifyAnswer('8', 'cbrt(8)').verdict).toBe('not_equal');
    expect(verifyAnswer('x', 'cbrt(x^3)').verdict).toBe('equal');
  });
});
