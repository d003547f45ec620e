/**
 * A vector written with the unit vectors, `3\mathbf{i} - \mathbf{j} + 2\mathbf{k}` (also `\hat{i}`,
 * `\vec{j}`, `\hat{\imath}`, `\boldsymbol{k}`), against a gold vector (a column or row of two or
 * three entries, or a tuple `(3, -1, 2)`): the tuple of its components, `(3, -1, 2)`. Read only
 * when the gold is such a vector and every term of the answer is one coefficient times one unit
 * vector; plain letters (`3i - j`) stay what they were (`i` may be the imaginary unit). Normalization
 * drops `\mathbf`, so the rule reads the extracted text (a second examiner's pairs of stop 36).
 */
import type { MathValue } from './value.js';

/** A unit vector: group 1 `i`, `j` or `k` (`\imath` and `\jmath` are i and j). */
const UNIT_VECTOR =
  /\\(?:mathbf|hat|vec|boldsymbol|bm)\s*(?:\{\s*(?:\\([ij])math|([ijk]))\s*\}|\\([ij])math(?![A-Za-z])|([ijk])(?![A-Za-z]))/g;
/** A unit vector anywhere (UNIT_VECTOR without its global flag). */
const UNIT_VECTOR_AT = new RegExp(UNIT_VECTOR.source);
const UNIT_COMMAND = /\\(?:mathbf|hat|vec|boldsymbol|bm)\b/;
/** Between a coefficient and its unit vector: a product sign or spacing. */
const PRODUCT_AT_END = /(?:\s|\\cdot|\\times|\*|\\[,;:!]|~)+$/;
const AXES = ['i', 'j', 'k'] as const;

/** The number of entries of a gold vector (2 or 3), or undefined for any other gold. */
function vectorLength(gold: MathValue | undefined): number | undefined {
  let length: number | undefined;
  if (gold?.kind === 'tuple') length = gold.items.length;
  else if (gold?.kind === 'matrix' && (gold.rows.length === 1 || gold.rows.every((row) => row.length === 1)))
    length = gold.rows.flat().length;
  return length === 2 || length === 3 ? length : undefined;
}

/** The signed terms of `text` split at its top-level `+` and `-` (none inside braces or brackets). */
function signedTerms(text: string): { negative: boolean; term: string }[] {
  const terms: { negative: boolean; term: string }[] = [];
  let depth = 0;
  let negative = false;
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    const character = text[index];
    if (character === '{' || character === '(' || character === '[') depth++;
    else if (character === '}' || character === ')' || character === ']') depth--;
    else if (index === text.length || (depth === 0 && (character === '+' || character === '-'))) {
      const term = text.slice(start, index).trim();
      if (term !== '') {
        terms.push({ negative, term });
        negative = false;
      }
      if (character === '-') negative = !negative;
      start = index + 1;
    }
  }
  return terms;
}

/**
 * The components of a unit-vector answer as a tuple (`(3, -1, 2)`) when the gold is a vector of
 * two or three entries, or undefined (see the module comment).
 */
export function unitVectorComponents(gold: MathValue | undefined, answer: string): string | undefined {
  const length = vectorLength(gold);
  if (length === undefined || !UNIT_COMMAND.test(answer)) return undefined;
  // `\vec{v} = 3\mathbf{i} + ...`: the value after the vector's name (not a chain of values).
  const equals = answer.indexOf('=');
  if (equals >= 0 && (answer.includes('=', equals + 1) || UNIT_VECTOR_AT.test(answer.slice(0, equals))))
    return undefined;
  const value = answer.slice(equals + 1);
  const components: (string | undefined)[] = [undefined, undefined, undefined];
  for (const { negative, term } of signedTerms(value)) {
    const units = [...term.matchAll(UNIT_VECTOR)];
    const unit = units[0];
    if (units.length !== 1 || unit === undefined || unit.index + unit[0].length !== term.length)
      return undefined;
    const axis = AXES.indexOf((unit[1] ?? unit[2] ?? unit[3] ?? unit[4]) as (typeof AXES)[number]);
    const coefficient = term.slice(0, unit.index).replace(PRODUCT_AT_END, '') || '1';
    if (components[axis] !== undefined || coefficient.includes(',') || UNIT_COMMAND.test(coefficient))
      return undefined;
    components[axis] = negative
      ? /^\d+(?:\.\d+)?$/.test(coefficient)
        ? `-${coefficient}`
        : `-(${coefficient})`
      : coefficient;
  }
  if (components.every((component) => component === undefined)) return undefined;
  // A `\mathbf{k}` term against a pair gold keeps the third component (the comparison refuses it).
  const used = components[2] !== undefined ? 3 : 2;
  return `(${components
    .slice(0, Math.max(used, length))
    .map((component) => component ?? '0')
    .join(', ')})`;
}
