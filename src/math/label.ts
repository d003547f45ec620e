import { bareVariable } from './compare-interval.js';
import { describeValue, type MathValue } from './value.js';
import { namesQuantity } from './word-label.js';

/**
 * Written forms of a left side that only names the answer: segment and polygon names (`AB`,
 * `ABC`, `\overline{AB}`, an area `[ABC]`), lengths `|PQ|`, angles `\angle ABC`, `m\angle A`,
 * ratios of lengths `\frac{NO}{BO}`, and function values `f(2)`, `f(x)`, `f^{-1}(x)`, `g'(1)`,
 * `P(A)`, `y(-1)`, `T(n+1)` (not the product `x(x-1)`, whose argument holds its letter), and a
 * change of a quantity `\Delta p`, `\Delta E_k`, `\Delta\theta` (physics golds such as
 * OlympiadBench's `\Delta p \approx -\frac{\hbar \omega_L}{c}`); vectors `\overrightarrow{AB}`,
 * `\vec{a}` (a gold `\overrightarrow{AB} = (1, 2)`); an operator applied to an expression
 * (`\frac{d}{dx}(x^2)`, `\int 2x\,dx`, `\sum_{k=1}^n k`); and a plain `e` on the left of a
 * relation, a conic's eccentricity (`e = \frac{\sqrt{3}}{2}`, `e \in (0, 1)`): as Euler's
 * number the gold would state a false equation. `\mathrm{e}` stays the constant.
 */
const LABEL_TEXT = [
  /^[A-Z]{2,4}$/,
  /^\|(?:[A-Z]{1,4}|[A-Za-z](?:_\{?\w{1,4}\}?)?)\|$/,
  /^(?:m)?\\angle\{?[A-Z]{1,3}\}?$/,
  /^\\overline\{[A-Z]{2,3}\}$/,
  /^\\frac\{[A-Z]{1,3}\}\{[A-Z]{1,3}\}$|^[A-Z]{1,3}\/[A-Z]{1,3}$/,
  /^\\?[A-Za-z]+(?:\^\{?-1\}?|_\{?\w+\}?|'{1,3})?\([A-Za-z0-9,.]{1,20}\)$/,
  // An argument with a sign: after a name of letters (`\sin(x-1)`), or after a letter the argument
  // does not hold (`f(x+1)`, `y(-1)`, `T(n+1)`); `x(x-1)` is a product (graders' round 16:
  // a gold `x(x-1) = 0` paid 0; the red team of stop 46 kept `y(-1) = 3` a value).
  /^\\?[A-Za-z]{2,}(?:\^\{?-1\}?|_\{?\w+\}?|'{1,3})?\([A-Za-z0-9,.+-]{1,20}\)$/,
  /^([A-Za-z])(?:\^\{?-1\}?|_\{?\w+\}?|'{1,3})?\((?![^)]*(?<![A-Za-z])\1(?![A-Za-z]))[A-Za-z0-9,.+-]{1,20}\)$/,
  /^\\Delta(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\\?\w{1,6}\}?)?$/,
  // An operator applied to the question's expression names its result: `\frac{d}{dx}(x^2)`,
  // `\frac{dy}{dx}`, `\frac{\partial f}{\partial x}`, `\int 2x\,dx`, `\lim_{n \to \infty} a_n`, `\sum_{k=1}^n k`
  // (graders' round 17: `\frac{d}{dx}(x^2) = 2x` against `2x` was a restated relation).
  /^\\[dt]?frac\{(?:d|\\partial)(?:\^\{?\d\}?)?(?:[A-Za-z]|\\[A-Za-z]+)?\}\{(?:d|\\partial)[A-Za-z](?:\^\{?\d\}?)?\}/,
  /^\\(?:int|iint|iiint|oint|lim|sum|prod)(?![A-Za-z])/,
  // An expectation or a probability: `\mathbb E T`, `\mathbb{P}(A)` (real outputs round 28).
  /^\\mathbb\{?[EP]\}?/,
  /^\\(?:vec|overrightarrow)(?:\{[A-Za-z]{1,3}\}|[A-Za-z])$/,
  /^e$/,
];

/**
 * True when a relation side is a label (a name for the answer) rather than an expression to
 * solve: a symbol (`x`, `v_0`, `S_{ABC}`), a written name (see LABEL_TEXT), or a tuple or ratio of
 * labels (`(a, b)`, `A:B`). `x + 1`, `2x` and `xy` are not labels: `x + 1 = 2` states an equation.
 */
export function isLabel(value: MathValue): boolean {
  if (bareVariable(value) !== undefined) return true;
  if (value.kind === 'tuple' || value.kind === 'ratio')
    return value.items.length > 1 && value.items.every(isLabel);
  // `\angle A`, `[ABC]` (area) read as words: names all the same.
  if (value.kind !== 'expression' && value.kind !== 'text') return false;
  const text = value.text.replace(/\s+/g, '');
  return LABEL_TEXT.some((pattern) => pattern.test(text)) || isValueAtConstant(text);
}

/**
 * A function's usual letter (f, g, h, p, q, in either case) at an argument in LaTeX
 * (`f(\dfrac{2\pi}{3})`, `g'(\sqrt{2})`): its argument. Other letters are unknowns:
 * `x(\frac{1}{2}) = 3` is a product (stop 47's second red team).
 */
const FUNCTION_AT = /^[fghpqFGHPQ](?:\^\{?-1\}?|'{1,3})?\((.{1,60})\)$/;
/** What a constant argument is made of: numbers, operators, fractions, roots and π (nothing left after removing these). */
const CONSTANT_PARTS = /\\(?:[dt]?frac|sqrt|pi|cdot|times)(?![A-Za-z])|[{}\d.,+\-*/^()]/g;

/**
 * A function's value at a constant written in LaTeX: `f(\dfrac{2\pi}{3}) = 1` names the value 1, as
 * `f(2) = 1` does (real outputs round 30: frontier models on the 2026 NCEE wrote
 * `$f(\dfrac{2\pi}{3})=1$`, refused as a restated relation). The argument holds no letter but
 * those of its commands, so the left side is no product with a variable.
 */
function isValueAtConstant(text: string): boolean {
  const argument = FUNCTION_AT.exec(text)?.[1];
  return argument?.includes('\\') === true && argument.replace(CONSTANT_PARTS, '') === '';
}

/**
 * True when a relation side is words that name the answer (`\text{Total} = 42`,
 * `\text{Number of ways} = 42`): its other side is the value (a red team of stop 26 found these
 * boxed by real models scoring 0 as a restated relation).
 */
export function isWordLabel(value: MathValue): boolean {
  return value.kind === 'text' && namesQuantity(value.text);
}

/**
 * A comparable key for a label: the symbol for variables, else the written form with only its
 * letters, digits and subscripts kept, so spellings of one name meet (`|PQ|` and `PQ`, `S_{ABC}`
 * and `S_ABC`) and different names (`AB`, `CD`) do not.
 */
export function labelKey(value: MathValue): string {
  // A function of one bare variable names the function, whatever its variable: `W(n)` is `W(x)`.
  return (
    bareVariable(value) ??
    describeValue(value)
      .replace(/\(\s*[a-z]\s*\)$/, '(_)')
      .replace(/\\angle|\\vec|\\overrightarrow|[^A-Za-z0-9_,:']/g, '')
  );
}

/** A subscripted name `x_1`, `x_{2}`: its base letter. */
const INDEXED_NAME = /^([A-Za-z])_\{?\w{1,3}\}?$/;

/** The left side's written name of a two-sided equation, or undefined for anything else. */
function equationLabel(value: MathValue): string | undefined {
  if (value.kind !== 'relation' || value.sides.length !== 2 || value.operators[0] !== '=') return undefined;
  return describeValue(value.sides[0] as MathValue).replace(/\s+/g, '');
}

/**
 * `x = 2, x = -3` (or `x = 2 \text{ or } x = -3`) against a gold `x_1 = 2, x_2 = -3`: the gold's
 * labels index the roots of one unknown `x`, and the prediction names that unknown for each root.
 * Its values are the answer (compared with the gold as values are, order-free). Undefined unless
 * every gold label is the same letter with an index and every prediction label is that letter.
 */
export function rootsOfIndexedUnknown(gold: MathValue, pred: MathValue): MathValue | undefined {
  if (gold.kind !== 'list' || pred.kind !== 'list' || gold.items.length !== pred.items.length)
    return undefined;
  let base: string | undefined;
  for (const item of gold.items) {
    const letter = INDEXED_NAME.exec(equationLabel(item) ?? '')?.[1];
    if (letter === undefined || (base !== undefined && letter !== base)) return undefined;
    base = letter;
  }
  if (base === undefined || !pred.items.every((item) => equationLabel(item) === base)) return undefined;
  return {
    kind: 'list',
    items: pred.items.map((item) => (item.kind === 'relation' ? (item.sides[1] as MathValue) : item)),
  };
}
