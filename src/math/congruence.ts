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

/** An optional unknown (`x`, `n`, `a_1`), `≡`, then the residue and the modulus in one of the usual spellings. */
const CONGRUENCE =
  /^(?:[A-Za-z](?:_\{?\w+\}?)?\s*(?:\\equiv|≡)\s*)?(-?\d+)(?:\\[ ,;:!]|~|\s)*(?:\\pmod\s*\{?\s*(\d+)\s*\}?|\\?\(\s*(?:\\(?:mathrm|text|operatorname|rm)\s*\{\s*mod\s*\}|\\bmod|\\mod|mod)\s*(?:\\[ ,;:!]|~|\s)*\{?(\d+)\}?\s*\\?\)|(?:\\bmod|\\mod|\\text\{\s*mod\s*\}|\\mathrm\{\s*mod\s*\}|mod)\s*\{?\s*(\d+)\s*\}?)$/;

/** Math delimiters, `\left`/`\right`, spacing commands and a closing full stop around the answer. */
function bare(text: string): string {
  return text
    .replace(/^\s*(?:\$\$?|\\\[|\\\()\s*|\s*(?:\$\$?|\\\]|\\\))?\s*\.?\s*$/g, '')
    .replace(/\\(?:left|right)(?![A-Za-z])/g, '')
    .replace(/\\(?:quad|qquad)(?![A-Za-z])/g, ' ')
    .trim();
}

/** The congruence an answer states, if it is one. Cheap for everything else (one `indexOf`). */
export function parseCongruence(text: string | undefined): Congruence | undefined {
  if (text === undefined || !text.includes('mod')) return undefined;
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
    if (!pred.aboutUnknown || pred.residue !== leastResidue(pred))
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
