/**
 * French number words in a closing answer statement: "La réponse est douze." is 12, "La réponse
 * finale est quatre-vingt-dix-neuf." 99, "Réponse : deux cent trois" 203. Read only by the
 * gold-guided fallback against a number gold when no extractor found an answer, and only when the
 * whole phrase after "est" or ":" is number words (a second examiner's pairs of stop 36). The English
 * words have their own module (number-words.ts): the two grammars share nothing but the addition.
 */

/** Words below 17, each a number alone. */
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
};

/** The tens that take a unit after them ("vingt-deux", "vingt et un"). */
const TENS: Readonly<Record<string, number>> = {
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
};

/** Multipliers that close a group ("deux mille", "trois millions"), from the largest. */
const SCALES: readonly (readonly [words: readonly string[], value: number])[] = [
  [['milliard', 'milliards'], 1_000_000_000],
  [['million', 'millions'], 1_000_000],
  [['mille'], 1_000],
];

/** A reader over the words of a phrase: each rule takes words from `at` or leaves it. */
class Words {
  at = 0;
  constructor(readonly words: readonly string[]) {}
  peek(offset = 0): string | undefined {
    return this.words[this.at + offset];
  }
  take(...choices: string[]): string | undefined {
    const word = this.peek();
    if (word === undefined || !choices.includes(word)) return undefined;
    this.at++;
    return word;
  }
}

/** 1 to 19 after "dix" or alone: "sept", "dix-sept", "dix-neuf" ("dix-sept" but never "dix un"). */
function belowTwenty(words: Words, least: number): number | undefined {
  const word = words.peek();
  if (word === 'dix' && ['sept', 'huit', 'neuf'].includes(words.peek(1) ?? '')) {
    words.at += 2;
    return 10 + (UNITS[words.words[words.at - 1] as string] as number);
  }
  const unit = word === undefined || !Object.hasOwn(UNITS, word) ? undefined : (UNITS[word] as number);
  if (unit === undefined || unit < least) return undefined;
  words.at++;
  return unit;
}

/**
 * 0 to 99 as French writes it: a unit, a teen, a ten with its unit ("vingt-deux", "vingt et un",
 * "soixante et onze", "soixante-dix-neuf"), "quatre-vingts", "quatre-vingt-onze". Words side by
 * side that no number is written as ("cinq six", "dix vingt", "cinq et six") are none.
 */
function belowHundred(words: Words): number | undefined {
  if (words.peek() === 'quatre' && (words.peek(1) === 'vingt' || words.peek(1) === 'vingts')) {
    words.at += 2;
    if (words.words[words.at - 1] === 'vingts') return 80;
    return 80 + (belowTwenty(words, 1) ?? 0);
  }
  const ten = TENS[words.peek() ?? ''];
  if (ten === undefined) return belowTwenty(words, 0);
  words.at++;
  if (words.take('et') !== undefined) {
    const joined = ten === 60 ? words.take('un', 'une', 'onze') : words.take('un', 'une');
    return joined === undefined ? undefined : ten + (UNITS[joined] as number);
  }
  // Soixante takes 1 to 19 ("soixante-dix-sept"); the other tens 1 to 9.
  const before = words.at;
  const unit = belowTwenty(words, 2);
  if (unit !== undefined && ten !== 60 && unit > 9) {
    words.at = before;
    return ten;
  }
  return ten + (unit ?? 0);
}

/** 0 to 999: "deux cents", "cent trois", "deux cent trois", or below a hundred. */
function belowThousand(words: Words): number | undefined {
  const hundreds =
    words.peek() === 'cent' || words.peek() === 'cents'
      ? 1
      : words.peek(1) === 'cent' || words.peek(1) === 'cents'
        ? belowTwenty(words, 2)
        : undefined;
  if (hundreds === undefined || hundreds > 9) return belowHundred(words);
  const cent = words.take('cent', 'cents');
  if (cent === undefined) return undefined;
  // "cents" only closes a round number of hundreds ("deux cents", never "deux cents trois").
  if (cent === 'cents' || words.peek() === undefined || isScale(words.peek() as string))
    return hundreds * 100;
  return hundreds * 100 + (belowHundred(words) ?? Number.NaN);
}

function isScale(word: string): boolean {
  return SCALES.some(([names]) => names.includes(word));
}

/**
 * The value of a phrase made only of French number words, as a decimal string, or undefined:
 * "vingt et un" 21, "soixante-dix" 70, "quatre-vingts" 80, "deux cents" 200, "moins trois" -3.
 * The words must be a number as French writes it (each scale once, from the largest).
 */
export function parseFrenchNumberWords(phrase: string): string | undefined {
  const list = phrase
    .toLowerCase()
    .split(/[\s\-‐–]+/)
    .filter((word) => word !== '');
  if (list.length === 0 || list.length > 16) return undefined;
  const sign = list[0] === 'moins' ? -1 : 1;
  const words = new Words(sign < 0 ? list.slice(1) : list);
  if (words.words.length === 0) return undefined;
  let total = 0;
  for (const [names, value] of SCALES) {
    const before = words.at;
    // "mille" alone is a thousand; "un million", "deux milliards" need their count.
    const count = names[0] === 'mille' && words.peek() === 'mille' ? 1 : belowThousand(words);
    if (count !== undefined && words.take(...names) !== undefined && count > 0) total += count * value;
    else words.at = before;
  }
  const rest = words.at < words.words.length ? belowThousand(words) : 0;
  if (rest === undefined || Number.isNaN(rest) || words.at !== words.words.length) return undefined;
  return String(sign * (total + rest));
}

/** "la réponse (finale) est ..." or "réponse : ..." up to the end of the sentence: group 1 the phrase. */
const FRENCH_ANSWER = /\bréponse(?:\s+finale)?\s*(?:est|:)\s*(?:donc\s+)?([^.!?]+?)[\s.!]*$/i;

/** The number a closing French answer statement gives in words, as a decimal string, or undefined. */
export function frenchAnswerInWords(sentence: string): string | undefined {
  if (!sentence.includes('ponse')) return undefined;
  const phrase = FRENCH_ANSWER.exec(sentence)?.[1];
  return phrase === undefined ? undefined : parseFrenchNumberWords(phrase);
}
