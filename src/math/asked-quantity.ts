import { namesAskedSum } from './asked-sum.js';
import { bareVariable } from './compare-interval.js';
import { freeVariables } from './evaluate.js';
import type { MathJson, MathValue } from './value.js';

/** How the parser writes a vector: `\vec{a}`, `\overrightarrow{AB}`. */
const VECTOR_HEADS: ReadonlySet<string> = new Set(['OverVector', 'OverRightArrow']);

/**
 * A quantity a question asks for, written as the left side of a stated answer whose right side is
 * a constant: the value is the answer (read by statedValue, compare-relation.ts, against a gold
 * value only). Three forms:
 * - a sum of named quantities, `m + n = 7` (asked-sum.ts);
 * - a ratio of two named quantities, `\frac{S_{10}}{S_{5}} = 4`, `\frac{a}{b} = 12`, `a/b = 3`
 *   ("find the ratio"): two distinct bare symbols (`S_5` counts as one), no coefficient;
 * - an expression of vectors only, `\vec{a} \cdot \vec{b} = 11`, `(2\vec{a} + \vec{b}) \cdot
 *   \vec{b} = 11`, `|\vec{a} + \vec{b}| = \sqrt{3}`, `\overrightarrow{AB} \cdot
 *   \overrightarrow{AC} = 3`: every symbol in it is inside a vector, so there is no unknown to
 *   solve for and the scalar on the right is the asked value.
 * Anything else with a free symbol (`x + 1 = 2`, `2a/b = 3`, `\frac{x}{3} = 4`) states an equation of
 * the question and gives no value. Found on GAOKAO-Bench's exam answers (`【答案】$\frac{S_{10}}{S_{5}}=4$`,
 * `$(2 \vec{a}+\vec{b}) \cdot \vec{b}=11$`), which teachers marked right and the verifier read as
 * restated relations.
 */
export function namesAskedQuantity(value: MathValue): boolean {
  if (value.kind !== 'expression') return false;
  return namesAskedSum(value) || isRatioOfNames(value.json) || isVectorExpression(value.json);
}

function isRatioOfNames(json: MathJson): boolean {
  if (!Array.isArray(json) || json[0] !== 'Divide' || json.length !== 3) return false;
  const names = json
    .slice(1)
    .map((side) => bareVariable({ kind: 'expression', json: side as MathJson, text: '' }));
  return names[0] !== undefined && names[1] !== undefined && names[0] !== names[1];
}

/** At least one vector, and no free symbol outside the vectors. */
function isVectorExpression(json: MathJson): boolean {
  let vectors = 0;
  const scalarsOnly = (node: MathJson): boolean => {
    if (!Array.isArray(node)) return freeVariables(node).size === 0;
    if (VECTOR_HEADS.has(node[0] as string)) {
      vectors++;
      return true;
    }
    for (let index = 1; index < node.length; index++) {
      if (!scalarsOnly(node[index] as MathJson)) return false;
    }
    return true;
  };
  return scalarsOnly(json) && vectors > 0;
}
