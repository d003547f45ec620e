import { namesAskedQuantity } from './asked-quantity.js';
import { compareChainSides } from './chain-sides.js';
import { compareClearedDenominators } from './cleared-denominators.js';
import { type CompareValues, compareOrdered } from './compare-collection.js';
import { comparablePoint, evaluateAtPoints, randomPoints, valuesClose } from './compare-expression.js';
import {
  asInterval,
  bareVariable,
  compareIntervals,
  isConstant,
  relationToInterval,
} from './compare-interval.js';
import { computesConstant, constantChainValue } from './constant-chain.js';
import { disjunctionAsEquation, statesAPoint } from './equation-disjunction.js';
import { freeVariables } from './evaluate.js';
import { isLabel, isWordLabel, labelKey } from './label.js';
import { compareChainIntervals } from './linear-chain.js';
import { scalarJson } from './scalar-json.js';
import { describeValue, type MathJson, type MathValue, type RelationValue } from './value.js';
import { type CompareContext, equal, notEqual, undecidable, type Verdict, withMethod } from './verdict.js';

const RATIO_TOLERANCE = 1e-7;
/** |lhs - rhs| below this counts as a root of the relation at that point. */
const ROOT_TOLERANCE = 1e-10;

/** lhs - rhs of a two-sided relation with scalar sides, oriented so that `>`/`>=` become `<`/`<=`. */
function normalForm(relation: RelationValue): { json: MathJson; operator: string } | undefined {
  if (relation.operators.length !== 1) return undefined;
  const [left, right] = relation.sides as [MathValue, MathValue];
  const leftJson = scalarJson(left);
  const rightJson = scalarJson(right);
  if (leftJson === undefined || rightJson === undefined) return undefined;
  const operator = relation.operators[0] as string;
  if (operator === '>' || operator === '>=') {
    return { json: ['Subtract', rightJson, leftJson], operator: operator === '>' ? '<' : '<=' };
  }
  return { json: ['Subtract', leftJson, rightJson], operator };
}

/**
 * Two relations are equal when their normal forms `lhs - rhs` are proportional: pred = c * gold
 * for one constant c != 0 (c > 0 for inequalities, which must also agree in strictness). This
 * keeps `x + 1 = 2` and `x = 3` apart (Math-Verify compares both as 0) while `2x + 4y - 3 = 0`
 * equals `y = -x/2 + 3/4`. Checked at random points of all variables.
 */
export function compareProportional(
  gold: RelationValue,
  pred: RelationValue,
  context: CompareContext,
): Verdict {
  const goldForm = normalForm(gold);
  const predForm = normalForm(pred);
  if (goldForm === undefined || predForm === undefined)
    return undecidable('relation', 'relation sides are not expressions');
  if (goldForm.operator !== predForm.operator) {
    return notEqual('relation', `gold relation is ${goldForm.operator}, prediction is ${predForm.operator}`);
  }
  const variables = freeVariables(goldForm.json, freeVariables(predForm.json));
  const points = randomPoints(variables, context.options.numericPoints);
  context.budget.check();
  const goldValues = evaluateAtPoints(goldForm.json, points, context.budget.deadline);
  const predValues = evaluateAtPoints(predForm.json, points, context.budget.deadline);
  let ratio: { re: number; im: number } | undefined;
  let compared = 0;
  for (let index = 0; index < points.length; index++) {
    const goldValue = goldValues[index];
    const predValue = predValues[index];
    if (goldValue === undefined || predValue === undefined) continue;
    if (!comparablePoint(points[index] ?? new Map(), goldValue, predValue)) continue;
    compared++;
    const goldSize = Math.hypot(goldValue.re, goldValue.im);
    const predSize = Math.hypot(predValue.re, predValue.im);
    if (goldSize < ROOT_TOLERANCE || predSize < ROOT_TOLERANCE) {
      if (goldSize < ROOT_TOLERANCE && predSize < ROOT_TOLERANCE) continue;
      return notEqual('relation-proportional', 'one relation holds at a point where the other does not');
    }
    const denominator = goldValue.re * goldValue.re + goldValue.im * goldValue.im;
    const current = {
      re: (predValue.re * goldValue.re + predValue.im * goldValue.im) / denominator,
      im: (predValue.im * goldValue.re - predValue.re * goldValue.im) / denominator,
    };
    if (ratio === undefined) ratio = current;
    else if (!valuesClose(ratio, current, RATIO_TOLERANCE, 0)) {
      return notEqual('relation-proportional', 'lhs - rhs of the two relations are not proportional');
    }
  }
  if (compared < 2)
    return undecidable('relation-proportional', 'too few points where both relations are defined');
  if (ratio !== undefined && goldForm.operator !== '=' && goldForm.operator !== '!=' && ratio.re <= 0) {
    return notEqual('relation-proportional', 'the inequalities point in opposite directions');
  }
  return equal('relation-proportional', 'lhs - rhs of the two relations are proportional');
}

/**
 * A left side that only names the answer (see label.ts): `x`, `x_1`, `f(x)`, `f^{-1}(x)`, `|PQ|`,
 * `AB`, `S_{ABC}`, `(a, b)`, `A:B`. Not `x + 1` or `2x`: those state an equation.
 */
export function namesAnswer(value: MathValue): boolean {
  return isLabel(value);
}

interface SolvedForm {
  /** The label's key (the variable for a bare symbol). */
  variable: string;
  /** A bare symbol (`x`), as opposed to a written name (`|PQ|`, `(a, b)`). */
  bare: boolean;
  label: MathValue;
  value: MathValue;
}

/** `x = 2` style: a label on one side and its value (not mentioning a bare label) on the other. */
function solvedForm(relation: RelationValue): SolvedForm | undefined {
  if (relation.operators.length !== 1 || relation.operators[0] !== '=') return undefined;
  const [left, right] = relation.sides as [MathValue, MathValue];
  const leftVariable = bareVariable(left);
  if (leftVariable !== undefined && !mentions(right, leftVariable)) {
    return { variable: leftVariable, bare: true, label: left, value: right };
  }
  // `\text{height} = 120\sin\theta`: words that name the quantity label it too (pie-framework's
  // fixtures, graders' round 12: "relation sides are not expressions").
  if (leftVariable === undefined && (isLabel(left) || isWordLabel(left)) && !isLabel(right)) {
    return { variable: labelKey(left), bare: false, label: left, value: right };
  }
  const rightVariable = bareVariable(right);
  if (rightVariable !== undefined && isConstant(left))
    return { variable: rightVariable, bare: true, label: right, value: left };
  return undefined;
}

/**
 * `x = 5 + 5 + 1 = 11`: a chain starting with a bare variable states its last side; so does any
 * chain of equalities ending in a constant (`a = b = 0`: the derivation's result is the last side).
 */
function chainValue(relation: RelationValue): SolvedForm | undefined {
  if (relation.sides.length < 3 || !relation.operators.every((operator) => operator === '='))
    return undefined;
  const label = relation.sides[0] as MathValue;
  const variable = bareVariable(label);
  const value = relation.sides[relation.sides.length - 1] as MathValue;
  if (variable !== undefined) return { variable, bare: true, label, value };
  return isConstant(value) ? { variable: labelKey(label), bare: true, label, value } : undefined;
}

/**
 * `a = 3, b = 2` for a gold `(a, b) = (3, 2)`: the values of a list of solved equations, in the
 * order of the gold's labels; undefined unless the labels are exactly the gold's.
 */
function valuesByLabel(labels: readonly MathValue[], pred: MathValue): MathValue[] | undefined {
  if ((pred.kind !== 'list' && pred.kind !== 'tuple') || pred.items.length !== labels.length)
    return undefined;
  const byKey = new Map<string, MathValue>();
  for (const item of pred.items) {
    const solved = item.kind === 'relation' ? solvedForm(item) : undefined;
    if (solved === undefined) return undefined;
    byKey.set(solved.variable, solved.value);
  }
  const values = labels.map((label) => byKey.get(labelKey(label)));
  return values.some((value) => value === undefined) ? undefined : (values as MathValue[]);
}

/**
 * A gold list of labelled values, `p = 5, q = 2` or `x_1 = 2, x_2 = -3` (two or more distinct
 * labels), against a tuple of values: the tuple gives the values in the gold's order of labels
 * (`(5, 2)` is equal, `(2, 5)` is not). Undefined for other shapes (a list of values or of
 * restated labels is compared item by item, labels matched by name).
 */
export function compareLabelledTuple(
  gold: MathValue & { kind: 'list' },
  pred: MathValue,
  context: CompareContext,
  compareValues: CompareValues,
): Verdict | undefined {
  if (pred.kind !== 'tuple' || gold.items.length < 2 || pred.items.some((item) => item.kind === 'relation'))
    return undefined;
  const solved = gold.items.map((item) => (item.kind === 'relation' ? solvedForm(item) : undefined));
  if (solved.some((form) => form === undefined)) return undefined;
  const forms = solved as SolvedForm[];
  if (new Set(forms.map((form) => form.variable)).size !== forms.length) return undefined;
  const verdict = compareOrdered(
    forms.map((form) => form.value),
    pred.items,
    context,
    compareValues,
    'tuple',
  );
  const names = forms.map((form) => form.variable).join(', ');
  return withMethod(
    verdict,
    `label-value/${verdict.method}`,
    `the gold labels values (${names}): the tuple is read in that order; ${verdict.reason}`,
  );
}

/**
 * A flat list of labelled values whose labels repeat in a cycle, `p = 5, q = 2, p = 7, q = 2`
 * (two solutions written one after the other, joined by `\quad \text{and} \quad`), as its groups:
 * `[p = 5, q = 2], [p = 7, q = 2]`. Undefined when the labels do not repeat that way.
 */
export function groupRepeatedLabels(list: MathValue & { kind: 'list' }): MathValue | undefined {
  const count = list.items.length;
  if (count < 4 || list.items.some((item) => item.kind !== 'relation')) return undefined;
  const labels: string[] = [];
  for (const item of list.items) {
    const form = solvedForm(item as RelationValue);
    if (form === undefined) return undefined;
    labels.push(form.variable);
  }
  for (let period = 2; period <= count / 2; period++) {
    if (count % period !== 0 || new Set(labels.slice(0, period)).size !== period) continue;
    if (!labels.every((label, index) => label === labels[index % period])) continue;
    const groups: MathValue[] = [];
    for (let start = 0; start < count; start += period) {
      groups.push({ kind: 'list', items: list.items.slice(start, start + period) });
    }
    return { kind: 'list', items: groups };
  }
  return undefined;
}

function mentions(value: MathValue, variable: string): boolean {
  const json = scalarJson(value);
  return json !== undefined && freeVariables(json).has(variable);
}

/**
 * The value a prediction relation states, when a gold value is expected: `x = 5` -> 5,
 * `3 \times 6 = 18` -> 18, `\text{Total} = 42` -> 42, `x \in [1, 2]` -> [1, 2]. A relation with variables on the value side
 * (`2x = 4`) restates the question and states no value.
 */
export function statedValue(pred: RelationValue): MathValue | undefined {
  const first = pred.sides[0] as MathValue;
  const last = pred.sides[pred.sides.length - 1] as MathValue;
  if (pred.operators.every((operator) => operator === '=')) {
    // A word label names the value; in a chain ("Oil = 2x = 2(2) = 4 ounces") the constant it ends
    // in, unless the chain states another number on the way ("Oil = 2x = 4 = 5").
    if (
      namesAnswer(first) ||
      (isWordLabel(first) && (pred.sides.length === 2 || (isConstant(last) && oneNumberInChain(pred))))
    )
      return last;
    if (pred.sides.length === 2 && isConstant(last) && namesAskedQuantity(first)) return last;
    if (bareVariable(first) !== undefined && pred.sides.length > 2) return last;
    if (pred.sides.slice(0, -1).every(computesConstant)) return last;
    if (constantChainValue(pred) !== undefined) return last;
    if (bareVariable(last) !== undefined && isConstant(first)) return first;
    return undefined;
  }
  if (pred.operators.length === 1 && pred.operators[0] === 'in' && bareVariable(first) !== undefined)
    return membershipSet(last);
  return undefined;
}

/**
 * The set after `\in`: a bracketed pair there is an interval (`x \in [0, 5]`), never the list of
 * its two ends, which a bare `[0, 5]` may be (a red team of stop 29: `$x \in [0,5]$` scored 1
 * against a gold `0, 5`).
 */
function membershipSet(set: MathValue): MathValue {
  if (set.kind !== 'tuple' || set.items.length !== 2) return set;
  if ((set.open !== '[' && set.open !== '(') || (set.close !== ']' && set.close !== ')')) return set;
  const [lower, upper] = set.items as [MathValue, MathValue];
  return {
    kind: 'interval',
    pieces: [{ lower, upper, lowerClosed: set.open === '[', upperClosed: set.close === ']' }],
  };
}

/** Whether every number written as a side of the chain after its label is the last side's. */
function oneNumberInChain(relation: RelationValue): boolean {
  const last = relation.sides[relation.sides.length - 1] as MathValue;
  return relation.sides
    .slice(1, -1)
    .every((side) => side.kind !== 'number' || (last.kind === 'number' && side.approx === last.approx));
}

/** A function of one variable, `f(x)`, `g(t)`, `h_1(x)`, an inverse `f^{-1}(x)` (stop 36's examiner pairs). */
const FUNCTION_LABEL =
  /^[A-Za-z](?:_\{?\w+\}?)?(?:\s*\^\s*\{\s*-\s*1\s*\}|\s*\^\s*-\s*1)?\s*\(\s*[a-z]\s*\)$/;

/** `f(x) = x^2` and `y = x^2` name one graph: y is the conventional name of a function's value. */
function namesOneGraph(gold: SolvedForm, pred: SolvedForm): boolean {
  const isFunction = (form: SolvedForm) => !form.bare && FUNCTION_LABEL.test(describeValue(form.label));
  return (isFunction(gold) && pred.variable === 'y') || (gold.variable === 'y' && isFunction(pred));
}

/** Gold is a relation: equations, inequalities, membership. Asymmetric: the gold decides. */
/**
 * `a - b = 1.732` against `a - b = \sqrt{3}`: two equations with the same left side, whose right
 * sides are constants, compared as values (a rounded decimal counts as a value does: MARIO_EVAL's
 * system `a-b=1.732` against `a-b=\sqrt3`). Equal or undefined; the proportional check's reason
 * stands otherwise.
 */
function sameLeftSide(
  gold: RelationValue,
  pred: RelationValue,
  context: CompareContext,
  compareValues: CompareValues,
): Verdict | undefined {
  if (gold.operators[0] !== '=' || pred.operators[0] !== '=') return undefined;
  const [goldLeft, goldRight] = gold.sides as [MathValue, MathValue];
  const [predLeft, predRight] = pred.sides as [MathValue, MathValue];
  if (!isConstant(goldRight) || !isConstant(predRight)) return undefined;
  if (describeValue(goldLeft).replace(/\s+/g, '') !== describeValue(predLeft).replace(/\s+/g, ''))
    return undefined;
  const verdict = compareValues(goldRight, predRight, context);
  return verdict.verdict === 'equal' ? withMethod(verdict, `same-left/${verdict.method}`) : undefined;
}

/** Two equations compared once their variable denominators are cleared (cleared-denominators.ts). */
function equationsWithoutDenominators(
  gold: RelationValue,
  pred: RelationValue,
  context: CompareContext,
): Verdict | undefined {
  if (gold.operators[0] !== '=' || pred.operators[0] !== '=') return undefined;
  const goldForm = normalForm(gold);
  const predForm = normalForm(pred);
  if (goldForm === undefined || predForm === undefined) return undefined;
  return compareClearedDenominators(goldForm.json, predForm.json, context);
}

export function compareRelationGold(
  gold: RelationValue,
  pred: MathValue,
  context: CompareContext,
  compareValues: CompareValues,
): Verdict {
  const isEquation = gold.operators.every((operator) => operator === '=');
  if (!isEquation) {
    const goldInterval = relationToInterval(gold);
    const predInterval = asInterval(pred);
    if (goldInterval !== undefined && predInterval !== undefined) {
      return compareIntervals(goldInterval, predInterval, context, compareValues);
    }
    if (pred.kind === 'relation') {
      // `-5 < 3x + 7 \le 22` against `-4 < x \le 5`: chains compared by the interval each states.
      return (
        compareChainIntervals(gold, pred) ??
        compareChainSides(gold, pred, context) ??
        compareProportional(gold, pred, context)
      );
    }
    return notEqual('relation', `gold is an inequality, prediction is a ${pred.kind}`);
  }
  // `z = 1 + 1 = 2`: a chain from a label states its last side.
  const goldSolved = solvedForm(gold) ?? chainValue(gold);
  if (goldSolved !== undefined) {
    // The gold gives a label's value: the prediction must give that value, bare or restating a
    // label (`x = value`, `|PQ| = value`, `a = 3, b = 2` for `(a, b) = (3, 2)`).
    const labels = goldSolved.label.kind === 'tuple' ? goldSolved.label.items : undefined;
    const restated = labels === undefined ? undefined : valuesByLabel(labels, pred);
    if (restated !== undefined && goldSolved.value.kind === 'tuple') {
      const verdict = compareValues(goldSolved.value, { ...goldSolved.value, items: restated }, context);
      return withMethod(verdict, `label-value/${verdict.method}`);
    }
    const method = goldSolved.bare ? 'equation-value' : 'label-value';
    if (pred.kind !== 'relation') {
      const verdict = compareValues(goldSolved.value, pred, context);
      return withMethod(verdict, `${method}/${verdict.method}`);
    }
    const predSolved = solvedForm(pred) ?? chainValue(pred);
    // Different names (`x = 2` vs `y = 2`, `AB = 4` vs `CD = 4`) answer different questions; a
    // written name may be restated in another spelling (`|PQ| = 1` vs `PQ = 1`, see labelKey).
    if (
      predSolved !== undefined &&
      (predSolved.variable === goldSolved.variable || namesOneGraph(goldSolved, predSolved))
    ) {
      const verdict = compareValues(goldSolved.value, predSolved.value, context);
      return withMethod(verdict, `${method}/${verdict.method}`);
    }
    if (isConstant(goldSolved.value)) {
      return notEqual(method, `the prediction does not state the value of ${goldSolved.variable}`);
    }
  }
  if (pred.kind === 'relation' && gold.operators.length === 1 && pred.operators.length === 1) {
    const proportional = compareProportional(gold, pred, context);
    if (proportional.verdict !== 'not_equal') return proportional;
    return (
      sameLeftSide(gold, pred, context, compareValues) ??
      equationsWithoutDenominators(gold, pred, context) ??
      proportional
    );
  }
  // `ab = 0` against `a = 0 or b = 0`: the same solution set (equation-disjunction.ts).
  const disjunction = gold.operators.length === 1 ? disjunctionAsEquation(pred) : undefined;
  if (disjunction !== undefined && statesAPoint(pred, context.predText ?? '')) {
    return notEqual(
      'equation-disjunction',
      'the equations give each unknown one value (a point, both hold), not alternatives joined by "or" as the gold equation\'s solutions are',
    );
  }
  if (disjunction !== undefined) {
    const verdict = compareProportional(gold, disjunction, context);
    if (verdict.verdict === 'equal')
      return withMethod(
        verdict,
        'equation-disjunction',
        'the equations joined by "or" hold exactly where the gold equation does (their product is proportional to it)',
      );
  }
  return notEqual('relation', 'gold is an equation, the prediction is not an equivalent equation');
}
