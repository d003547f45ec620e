/**
 * Congruences as answers: `x \equiv 3 \pmod 7`, `n \equiv 4 \pmod{9}`, `3 \pmod{7}`,
 * `x \equiv 3 \ (\mathrm{mod}\ 7)`, `x ≡ 3 (mod 7)`, `x \equiv 3 \bmod 7` (`7 \bmod 3` alone is the
 * remainder operation, a number). Number theory answers written
 * this way name a residue class: two congruences are equal when their moduli are equal and their
 * residues agree modulo it (`x \equiv 10 \pmod 7` is `x \equiv 3 \pmod 7`); the name on the left
 * (`x`, `n`) only labels the unknown. Against a plain number, a congruence on an unknown whose
 * residue is the least one answers with it (`x \equiv 3 \pmod 7` for a gold 3); a bare `40
 * \pmod{50}` or an unreduced `x \equiv 10 \pmod 7` names a class of numbers, not the number (not
 * equal: it offers many values). A gold congruence accepts its stated
 * residue or the least non-negative one, never another member of the class (`10` states one
 * solution, not the class).
 */
import { equal, notEqual, type Verdict } from './verdict.js';

export interface Congruence {
  residue: bigint;
  modulus: bigint;
  /** Written as a statement about an unknown (`x \equiv 3 \pmod 7`), not a bare `3 \pmod 7`. */
  aboutUnknown: boolean;
}

/**
 * An optional unknown (`x`, `n`, `a_1`), `≡`, then the residue and the modulus in one of the usual
 * spellings. Read after `bare`, which turns every run of spacing into one space: each space here is
 * one ` ?`, never two quantifiers side by side (those backtrack catastrophically on a long run of
 * spaces).
 */
const CONGRUENCE =
  /^(?:[A-Za-z](?:_\{?\w+\}?)? ?(?:\\equiv|≡) ?)?(-?\d+) ?(?:\\pmod ?\{? ?(\d+) ?\}?|\\?\( ?(?:\\(?:mathrm|text|operatorname|rm) ?\{ ?mod ?\}|\\bmod|\\mod|mod) ?\{?(\d+)\}? ?\\?\)|(?:\\bmod|\\mod|\\text\{ ?mod ?\}|\\mathrm\{ ?mod ?\}|mod) ?\{? ?(\d+) ?\}?)$/;

/** Longer answers are no congruence (one is a few dozen characters): the regex never sees them. */
const MAX_CONGRUENCE_CHARS = 200;

/**
 * Without math delimiters, `\left`/`\right` and a closing full stop; every run of spacing (spaces,
 * `\ `, `\,`, `~`, `\quad`) one space.
 */
function bare(text: string): string {
  const spaced = text
    .replace(/\\(?:left|right)(?![A-Za-z])/g, '')
    .replace(/\\(?:quad|qquad)(?![A-Za-z])|\\[ ,;:!]|~/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return spaced
    .replace(/^(?:\$\$?|\\\[|\\\() ?/, '')
    .replace(/ ?(?:\$\$?|\\\]|\\\))? ?\.?$/, '')
    .trim();
}

/** The congruence an answer states, if it is one. Cheap for everything else (one `indexOf`). */
export function parseCongruence(text: string | undefined): Congruence | undefined {
  if (text === undefined || text.length > MAX_CONGRUENCE_CHARS || !text.includes('mod')) return undefined;
  const match = CONGRUENCE.exec(bare(text));
  // `7 \bmod 3` alone is the operation (the remainder 1); only after `\equiv` is it the modulus.
  if (match === null || (match[4] !== undefined && !/\\equiv|≡/.test(text))) return undefined;
  const modulus = BigInt(match[2] ?? match[3] ?? match[4] ?? '0');
  if (modulus === 0n) return undefined;
  return { residue: BigInt(match[1] as string), modulus, aboutUnknown: /\\equiv|≡/.test(text) };
}

function leastResidue({ residue, modulus }: Congruence): bigint {
  return ((residue % modulus) + modulus) % modulus;
}

function show({ residue, modulus }: Congruence): string {
  return `${residue} (mod ${modulus})`;
}

/**
 * The verdict when either side is a congruence (undefined otherwise, or when the other side is
 * neither a congruence nor an integer: then the usual comparison decides).
 */
export function compareCongruences(
  goldText: string | undefined,
  predText: string | undefined,
): Verdict | undefined {
  const gold = parseCongruence(goldText);
  const pred = parseCongruence(predText);
  if (gold === undefined && pred === undefined) return undefined;
  if (gold !== undefined && pred !== undefined) {
    if (gold.modulus !== pred.modulus)
      return notEqual('congruence', `modulus ${pred.modulus}, gold modulus ${gold.modulus}`);
    return leastResidue(gold) === leastResidue(pred)
      ? equal('congruence', `${show(pred)} is the residue class of ${show(gold)}`)
      : notEqual('congruence', `${show(pred)} is another residue class than ${show(gold)}`);
  }
  const number = (gold === undefined ? goldText : predText)?.trim().replace(/^\$|\$$/g, '') ?? '';
  if (!/^-?\d+$/.test(number)) return undefined;
  const value = BigInt(number);
  if (pred !== undefined) {
    // Only `x \equiv r \pmod m` with r its least residue says "x is r"; `40 \pmod{10}` and a bare
    // `40 \pmod{50}` name a class of numbers (offering many values: not equal to 40).
    // Modulo 1 every integer is congruent to 0: `x \equiv 0 \pmod 1` says nothing about x.
    if (!pred.aboutUnknown || pred.residue !== leastResidue(pred) || pred.modulus === 1n)
      return notEqual('congruence', `${show(pred)} names a class of numbers, not the number ${value}`);
    return pred.residue === value
      ? equal('congruence', `the congruence ${show(pred)} states the residue ${value}`)
      : notEqual('congruence', `the congruence ${show(pred)} states ${pred.residue}, gold ${value}`);
  }
  const stated = gold as Congruence;
  return value === stated.residue || value === leastResidue(stated)
    ? equal('congruence', `${value} is the residue of ${show(stated)}`)
    : notEqual('congruence', `${value} is not the residue of ${show(stated)}`);
}
