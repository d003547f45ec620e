/**
 * The stated number at the start of a match of the rules that read a value, then something said
 * of another one after it (ruled-out-value.ts: "40, not 50"; offered-value.ts: "17 (or 19)"): its
 * percent sign and the bracket of its tuple that closes after it ("(2, 3), not (3, 2)").
 */
const STATED_VALUE = /^-?\d[\d,]*(?:\.\d+)?(?:\s*(?:\\?%|percent))?(?:\s*[)\]])?/i;

/**
 * Where the stated value at the start of `matched` ends in the text (`matchedAt`: where `matched`
 * starts), without a trailing thousands comma; undefined when `matched` does not open with one.
 */
export function statedValueEnd(matched: string, matchedAt: number): number | undefined {
  const number = STATED_VALUE.exec(matched);
  return number === null ? undefined : matchedAt + number[0].replace(/,+$/, '').length;
}
