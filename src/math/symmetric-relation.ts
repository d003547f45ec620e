import { equal, notEqual, type Verdict, withMethod } from './verdict.js';

/**
 * Symmetric relations other than `=`: similar (`\sim`, `∼`), not similar (`\nsim`, `≁`),
 * asymptotically equal (`\simeq`, `≃`), congruent (`\cong`, `≅`), not congruent (`\ncong`, `≆`),
 * parallel (`\parallel`, `∥`), not parallel (`\nparallel`, `∦`), perpendicular (`\perp`, `⊥`).
 * `y+z \cong x` states what `x \cong y+z` states: the same relation with its sides in either order
 * (pie-framework's fixtures, graders' round 12, read both as words or as a product before).
 */
const SPELLINGS: Record<string, string> = {
  '\\sim': 'sim',
  '∼': 'sim',
  '\\nsim': 'nsim',
  '≁': 'nsim',
  '\\simeq': 'simeq',
  '≃': 'simeq',
  '\\cong': 'cong',
  '≅': 'cong',
  '\\ncong': 'ncong',
  '≆': 'ncong',
  '\\parallel': 'parallel',
  '∥': 'parallel',
  '\\nparallel': 'nparallel',
  '∦': 'nparallel',
  '\\perp': 'perp',
  '⊥': 'perp',
};
const RELATION = /\\(?:n?sim|simeq|n?cong|n?parallel|perp)(?![A-Za-z])|[∼≁≃≅≆∥∦⊥]/g;
const HAS_RELATION = new RegExp(RELATION.source);

/** A figure named by its points: `\triangle ABC`, `\angle B`, `\overline{AB}`, or two capitals `AB`. */
const NAMED_FIGURE =
  /\\(?:triangle|angle|measuredangle|square|overline|overarc|overrightarrow|vec|odot|bigcirc|parallelogram)(?![A-Za-z])|[A-Z]{2}|[△∠□]/;

/** The text without spaces and LaTeX spacing commands. */
function withoutSpaces(text: string): string {
  return text.replace(/\s+|\\[,;:! ]|[{}]/g, '');
}

/**
 * A side as compared by its text: no spaces, and a segment or line named by two points in either
 * order (`BA` is `AB`, `\overline{DC}` is `\overline{CD}`); three points (`\angle ABC`,
 * `\triangle ABC`) keep their order, which is the correspondence stated.
 */
function figureKey(side: string): string {
  return withoutSpaces(side).replace(
    /(?<![A-Z])([A-Z])([A-Z])(?![A-Z])/g,
    (pair, first: string, second: string) => (first < second ? pair : `${second}${first}`),
  );
}

interface SymmetricRelation {
  relation: string;
  left: string;
  right: string;
}

/** The text as `left relation right` with exactly one symmetric relation and no `=`, `<`, `>`. */
function symmetricRelation(text: string | undefined): SymmetricRelation | undefined {
  if (text === undefined || /[=<>]|\\(?:le|ge|ne|lt|gt)(?![A-Za-z])/.test(text)) return undefined;
  const body = text.trim().replace(/^\$+|\$+$/g, '');
  const matches = [...body.matchAll(RELATION)];
  if (matches.length !== 1) return undefined;
  const match = matches[0] as RegExpMatchArray;
  const at = match.index as number;
  const left = body.slice(0, at).trim();
  const right = body.slice(at + match[0].length).trim();
  if (left === '' || right === '') return undefined;
  return { relation: SPELLINGS[match[0]] as string, left, right };
}

/**
 * A gold symmetric relation against a prediction: the same relation whose sides match the gold's in
 * one order or the other (`compareSides` decides each side, gold first). Undefined when the gold
 * is no such relation.
 */
export function compareSymmetricRelations(
  goldText: string | undefined,
  predText: string | undefined,
  compareSides: (gold: string, pred: string) => Verdict,
): Verdict | undefined {
  if (goldText === undefined || !HAS_RELATION.test(goldText)) return undefined;
  const gold = symmetricRelation(goldText);
  if (gold === undefined) return undefined;
  // A prediction with no one such relation (words, a list of them) is left to the other rules.
  const pred = symmetricRelation(predText);
  if (pred === undefined) return undefined;
  if (pred.relation !== gold.relation)
    return notEqual(
      'relation',
      `the gold states ${gold.relation} between two sides; the prediction ${pred.relation}`,
    );
  const side = (goldSide: string, predSide: string): Verdict => {
    if (figureKey(goldSide) === figureKey(predSide)) return equal('structural', 'the same side');
    // Named figures (`\triangle ABC`, `\angle PQR`, `AB`): their letters and order are the answer,
    // which no reading as a value keeps (a red team of this rule was paid `\triangle \sim \triangle`).
    if (NAMED_FIGURE.test(goldSide) || NAMED_FIGURE.test(predSide))
      return notEqual('relation', 'the named figures differ');
    return compareSides(goldSide, predSide);
  };
  const sidesMatch = (left: string, right: string): Verdict | undefined => {
    const first = side(gold.left, left);
    if (first.verdict !== 'equal') return undefined;
    const second = side(gold.right, right);
    return second.verdict === 'equal' ? second : undefined;
  };
  const same = sidesMatch(pred.left, pred.right) ?? sidesMatch(pred.right, pred.left);
  return same === undefined
    ? notEqual('relation', `the sides of ${gold.relation} differ`)
    : withMethod(
        same,
        `symmetric-relation/${same.method}`,
        `the same ${gold.relation} relation, its sides in either order`,
      );
}
