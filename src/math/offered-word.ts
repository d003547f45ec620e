import { ALTERNATIVE_WORDS, REJECTION_WORDS } from './hedged-answer.js';

/**
 * Hedges between answers that are words, not numbers (red team round 3), read in the text after
 * the answer like the numeric offers of `hedged-answer.ts`:
 *
 * - **the other of yes and no** stated after a yes/no answer: "Yes and no.", `\boxed{\text{Yes}}
 *   (or no)`, "Yes. Hmm, actually no.", "yes if n is even, no otherwise". Only "yes"/"no" standing
 *   as an answer count (before punctuation, the end, or "if/otherwise/when ..."), never "no
 *   matter", "no solution", "no other";
 * - **another choice letter** in a sentence of alternative after a choice answer: "B. C is also
 *   possible.", `\boxed{B}\n\nActually, C.`. A sentence that rejects ("not C") offers nothing; the
 *   article "A" is a letter only in parentheses or before punctuation.
 */

/** "yes" or "no" standing as an answer. */
const ANSWER_WORD =
  /\b(yes|no)\b(?=\s*(?:[,.;:!?)}\]]|$|\s+(?:otherwise|if|when|else|for\s+(?:some|other|odd|even)|in\s+(?:general|other)|and|or|but)\b))/gi;

/** The yes or no after a yes/no answer that contradicts it, or undefined. */
export function opposedYesNo(answer: string, tail: string): string | undefined {
  const said = /\b(yes|no)\b/i.exec(answer)?.[1]?.toLowerCase();
  if (said === undefined || !/\b(?:yes|no)\b/i.test(tail)) return undefined;
  for (const match of tail.matchAll(ANSWER_WORD)) {
    const word = (match[1] as string).toLowerCase();
    if (word !== said) return word;
  }
  return undefined;
}

/** A choice letter standing alone: `(C)`, `C.`, `C,`, `C` at the end; `A` only in parentheses or before punctuation. */
const LETTER = /(?:^|[\s(*:])\(?([A-J])\)?(?=[.,;:!?)*]|\s*$)|(?:^|[\s:])([B-J])(?=\s)/g;

/** The last choice letter offered after a choice answer `letter` in a sentence of alternative, or undefined. */
export function offeredChoice(letter: string, tail: string): string | undefined {
  if (!ALTERNATIVE_WORDS.test(tail)) return undefined;
  let offered: string | undefined;
  let opened = false;
  for (const sentence of tail.split(/(?<=[.!?;])\s+|\n+/)) {
    opened ||= ALTERNATIVE_WORDS.test(sentence);
    if (!opened || REJECTION_WORDS.test(sentence)) continue;
    for (const match of sentence.matchAll(LETTER)) {
      const found = match[1] ?? match[2];
      if (found !== undefined && found !== letter) offered = found;
    }
  }
  return offered;
}

/**
 * Why an answer equal to a yes/no or choice gold is a hedge between words, or undefined. `answer`
 * is the extracted answer, `tail` the text after it.
 */
export function wordHedge(
  goldText: string,
  goldChoice: string | undefined,
  answer: string,
  tail: string,
): string | undefined {
  if (goldChoice !== undefined) {
    const letter = offeredChoice(goldChoice, tail);
    return letter === undefined ? undefined : `the answer offers another choice: ${letter}`;
  }
  if (!/^\s*(?:\\text\{)?\s*(?:yes|no)\b/i.test(goldText)) return undefined;
  const other = opposedYesNo(answer, tail);
  return other === undefined ? undefined : `the answer also says "${other}"`;
}
