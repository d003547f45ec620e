/**
 * French number words in a closing answer statement: "La réponse est douze." is 12, "La réponse
 * finale est quatre-vingt-dix-neuf." 99, "Réponse : deux cent trois" 203. Read only by the
 * gold-guided fallback against a number gold when no extractor found an answer, and only when the
 * whole phrase after "est" or ":" is number words (a second examiner's pairs of stop 36). The English
 * words have their own module (number-words.ts): the two grammars share nothing but the addition.
 */

const UNITS: Readonly<Record<string, number>> = {
  zéro: 0,
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
};

/** Multipliers that close a group ("deux mille", "trois millions"). */
const SCALES: Readonly<Record<string, number>> = {
  mille: 1_000,
  million: 1_000_000,
  millions: 1_000_000,
  milliard: 1_000_000_000,
  milliards: 1_000_000_000,
};

/**
 * The value of a phrase made only of French number words, as a decimal string, or undefined:
 * "vingt et un" 21, "soixante-dix" 70, "quatre-vingts" 80, "deux cents" 200, "moins trois" -3.
 */
export function parseFrenchNumberWords(phrase: string): string | undefined {
  const words = phrase
    .toLowerCase()
    .split(/[\s\-‐–]+/)
    .filter((word) => word !== '' && word !== 'et');
  if (words.length === 0 || words.length > 12) return undefined;
  const sign = words[0] === 'moins' ? -1 : 1;
  if (sign < 0) words.shift();
  let total = 0;
  let group = 0;
  let seen = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    const scale = SCALES[word];
    if (word === 'cent' || word === 'cents') group = (seen && group > 0 ? group : 1) * 100;
    else if (scale !== undefined) {
      total += (seen && group > 0 ? group : 1) * scale;
      group = 0;
    } else if (Object.hasOwn(UNITS, word)) {
      // "quatre-vingts": four twenties.
      const twenties = word.startsWith('vingt') && words[index - 1] === 'quatre';
      group += twenties ? 80 - 4 : (UNITS[word] as number);
    } else return undefined;
    seen = true;
  }
  return seen ? String(sign * (total + group)) : undefined;
}

/** "la réponse (finale) est ..." or "réponse : ..." up to the end of the sentence: group 1 the phrase. */
const FRENCH_ANSWER = /\bréponse(?:\s+finale)?\s*(?:est|:)\s*(?:donc\s+)?([^.!?]+?)[\s.!]*$/i;

/** The number a closing French answer statement gives in words, as a decimal string, or undefined. */
export function frenchAnswerInWords(sentence: string): string | undefined {
  if (!sentence.includes('ponse')) return undefined;
  const phrase = FRENCH_ANSWER.exec(sentence)?.[1];
  return phrase === undefined ? undefined : parseFrenchNumberWords(phrase);
}
