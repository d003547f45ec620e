/**
 * The option letters of a multiple-choice question: A-E (MMLU, GPQA, AQuA, the AMC), or A-J when the
 * gold's letter lies beyond E (MMLU-Pro and SuperGPQA ask with ten options; real outputs rounds 12
 * and 14 answered "H: 7.5" and "The answer is (H)" and were read as values). The range follows the
 * gold: against a gold of A-E a capital F-J stays what it was before (a point, a variable, the
 * pronoun "I"), so answers to five-option questions read exactly as they did.
 */
export type OptionRange = 'A-E' | 'A-J';

/** The range a gold's option letter implies. */
export function optionRangeOf(goldLetter: string | undefined): OptionRange {
  return goldLetter !== undefined && goldLetter >= 'F' && goldLetter <= 'J' ? 'A-J' : 'A-E';
}

/**
 * A capital option letter standing alone, as a pattern: any of A-E; up to J, "I" only where it
 * cannot be the pronoun or a Roman numeral ("I think", "I'm", "I and II only", "I only"): at the
 * end, or before `.`, `)` or `:` that ends a label (a red team of stop 40 was paid "H. I am fairly
 * sure." against a gold I).
 */
const CAPITAL: Readonly<Record<OptionRange, string>> = {
  'A-E': '[A-E]',
  'A-J': String.raw`(?:[A-HJ]|I(?=\s*(?:[.):](?:\s|$)|$)))`,
};

/**
 * A value built once for each range from its letters (`A-E`, `A-J`, to sit inside `[...]`), its
 * small letters, and the pattern of a capital option letter standing alone (CAPITAL).
 */
export function byRange<T>(
  build: (letters: string, small: string, capital: string) => T,
): Readonly<Record<OptionRange, T>> {
  return { 'A-E': build('A-E', 'a-e', CAPITAL['A-E']), 'A-J': build('A-J', 'a-j', CAPITAL['A-J']) };
}
