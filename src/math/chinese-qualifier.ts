import { beyondAscii } from './ascii-text.js';

/**
 * Chinese words that deny a value (不是, 不为, 并非, 而不是), doubt it (可能是, 也许, 大约, 约为,
 * 左右, 近似), or bound it (至少, 最多, 以上, 以下, 超过, 大于, 小于 ...): the English qualifiers of
 * hedged-answer.ts in the language of Chinese exam answers. Read where a Chinese answer phrase gives
 * its value (after `答案：` or `【答案】`, through its copula 为/是, or as prose around a number);
 * without them "【答案】结果不是 $5$" and "答案：5 以上" scored 1 against 5 (a red team of stop 28).
 * Words that only contain such a character are left out: 不等式 (inequality), 非负 (non-negative),
 * 无穷 (infinity), 约分 (reducing a fraction).
 */
const CHINESE_QUALIFIER =
  /不是|不为|不等于|不可能|不会是|并非|并不|而不是|没有|绝不|可能是|可能为|也许|或许|大概|大约|约为|约等于|约\s*[-\d$\\]|左右|近似|接近|至少|至多|最多|最少|不少于|不多于|不超过|超过|以上|以下|以内|多于|少于|大于|小于|高于|低于/;

/** The qualifier a Chinese answer phrase holds, as a reason, or undefined (always for ASCII text). */
export function chineseQualifier(phrase: string): string | undefined {
  if (!beyondAscii(phrase)) return undefined;
  const found = CHINESE_QUALIFIER.exec(phrase);
  return found === null ? undefined : `the answer is qualified: "${found[0].trim()}"`;
}

/** What ends a clause in Chinese or English text. */
const CLAUSE_BREAKS = '。，；！？,;!?\n';

/**
 * The qualifier in the clause of a value at `start`..`end` of a text, as a reason: in the words from the
 * clause's start (at most 40 characters back) to the value, or a bound right after it (`5以上`). The
 * last-number fallback reads "所以结果不是5。" ("so the result is not 5") as 5 otherwise.
 */
export function chineseQualifierAround(text: string, start: number, end: number): string | undefined {
  // Read in place first (this runs on every decided answer, nearly all of them ASCII): where the
  // clause starts, and whether it or the few characters after the value hold a character beyond ASCII.
  const limit = Math.max(0, start - 40);
  let from = start;
  let wide = false;
  while (from > limit && !CLAUSE_BREAKS.includes(text[from - 1] as string)) {
    from--;
    if (text.charCodeAt(from) > 127) wide = true;
  }
  const afterEnd = Math.min(text.length, end + 4);
  for (let index = end; index < afterEnd && !wide; index++) wide = text.charCodeAt(index) > 127;
  if (!wide) return undefined;
  const bound = TRAILING_BOUND.exec(text.slice(end, afterEnd));
  return (
    chineseQualifier(text.slice(from, start)) ??
    (bound === null ? undefined : `the answer is qualified: "${bound[1]}"`)
  );
}

/** A bound written after its value (`5以上`, "5 or more"); a denial after it denies the next value ("B不是 A"). */
const TRAILING_BOUND = /^\s*(以上|以下|以内|左右)/;
