import { beyondAscii } from './ascii-text.js';

/** A letter of a script other than Latin and Greek (Cyrillic, Arabic, Thai, Devanagari, Han, Hangul ...). */
const OTHER_SCRIPT_LETTER = /(?=\p{L})[^\p{Script=Latin}\p{Script=Greek}]/u;

/**
 * Whether an answer phrase holds a word in a script other than Latin and Greek: prose, not
 * mathematics ("18 долларов", "18ドルです", "18 บาท"), which the parser would read as a product of
 * single-letter variables. Mathematics names its variables in Latin and Greek letters.
 */
export function holdsOtherScriptWord(text: string): boolean {
  return beyondAscii(text) && OTHER_SCRIPT_LETTER.test(text);
}

/**
 * A word of two Latin letters or more with a precomposed accented one: prose in Vietnamese,
 * French, Spanish ("Vậy quãng đường là 120 km.", "51 đô la", "dólares"), whose words have no run of
 * three ASCII letters for the English test to find. Mathematics writes no such words (a bar or a dot
 * over a variable is a combining mark or a command).
 */
const ACCENTED_LATIN_WORD =
  /(?<!\p{Script=Latin})(?=\p{Script=Latin}{2})\p{Script=Latin}*(?=[^\x00-\x7f])\p{Script=Latin}/u;

/**
 * Whether a text holds a word of another language that the parser would read as variables: a word
 * of another script, or a Latin word with an accented letter ("18 đô la"). Also what makes a whole
 * response prose rather than one expression (whole-expression.ts).
 */
export function holdsForeignWord(text: string): boolean {
  return beyondAscii(text) && (OTHER_SCRIPT_LETTER.test(text) || ACCENTED_LATIN_WORD.test(text));
}

/**
 * Words of languages written in other scripts that deny a value, doubt it, bound it or offer
 * another: the English qualifiers of hedged-answer.ts (and the Chinese ones of
 * chinese-qualifier.ts) where an answer is stated in Russian, Ukrainian, Japanese, Korean, Thai,
 * Hindi, Bengali, Telugu or Arabic ("Ответ: не 18", "Ответ: около 18 долларов", "答えは約18です",
 * "คำตอบคือประมาณ 18"). A phrase holding one is no plain answer. Words in scripts with spaces must
 * stand alone (Russian "не" is no qualifier inside "неделя").
 */
const SPACED_QUALIFIERS = [
  // Russian, Ukrainian: not, about, nearly, more or less than, at least or most, or, maybe.
  'не',
  'нет',
  'ни',
  'около',
  'примерно',
  'приблизительно',
  'почти',
  'минимум',
  'максимум',
  'или',
  'либо',
  'возможно',
  'наверное',
  'може',
  'можливо',
  'близько',
  'приблизно',
  'майже',
  'або',
  // Hindi, Bengali, Telugu: not, about, or, maybe.
  'नहीं',
  'लगभग',
  'या',
  'शायद',
  'না',
  'নয়',
  'প্রায়',
  'বা',
  'অথবা',
  'হয়তো',
  'కాదు',
  'సుమారు',
  'లేదా',
  'బహుశా',
  'దాదాపు',
  // Arabic: not, about, or, maybe, at least.
  'لا',
  'ليس',
  'ليست',
  'حوالي',
  'تقريبا',
  'أو',
  'ربما',
].join('|');
/** The same in scripts written without spaces (Japanese, Korean, Thai), found anywhere in the phrase. */
const UNSPACED_QUALIFIERS = [
  'ではない',
  'じゃない',
  'ではありません',
  'じゃありません',
  '約(?!数)',
  'およそ',
  'くらい',
  'ぐらい',
  '程度',
  '以上',
  '以下',
  '少なくとも',
  'または',
  'かもしれ',
  '多分',
  'たぶん',
  '아니',
  '않',
  '약(?!수)',
  '정도',
  '이상(?!한)',
  '이하',
  '또는',
  '아마',
  'ไม่',
  'ประมาณ',
  'หรือ',
  'อาจ(?!ารย์)',
  'เกือบ',
  'อย่างน้อย',
].join('|');
/**
 * "More" and "less" bound a value only before it ("более 18", "больше чем 18"); after it they count
 * a difference ("на 18 яблок больше", the answer to "how many more": a red team of stop 41).
 */
const COMPARATIVES_BEFORE_VALUE = String.raw`(?:более|больше|менее|меньше|більше|менше|มากกว่า|น้อยกว่า)(?=[^\d]{0,12}\d)`;
const FOREIGN_QUALIFIER = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${SPACED_QUALIFIERS})(?![\\p{L}\\p{M}])|${COMPARATIVES_BEFORE_VALUE}|${UNSPACED_QUALIFIERS}`,
  'iu',
);

/** The qualifier an answer phrase in another script holds, as a reason, or undefined. */
export function foreignQualifier(phrase: string): string | undefined {
  if (!holdsOtherScriptWord(phrase)) return undefined;
  const found = FOREIGN_QUALIFIER.exec(phrase);
  return found === null ? undefined : `the answer is qualified: "${found[0]}"`;
}
