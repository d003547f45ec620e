import { beyondAscii } from './ascii-text.js';

/**
 * A closing statement of one option in Chinese, as Chinese exam solutions end (GAOKAO-style
 * multiple choice): "故选A．", "故选：C．", "综上，选C。", "正确答案是D. $2$。", "最终答案是A. {1,2,3,4}",
 * "答案是：D. ( 2 )", "**答案** C", "正确答案是 **B**", "选项B是正确的", "选项 A 正确", "对应选项B",
 * "正确的答案是...的选项，即**A. ①③**".
 * Against a letter gold the option is the answer; the math span after it is the option's text.
 * Held-out outputs of seven models on the 2024 Gaokao (open-compass/GAOKAO-Eval@3a532f1c, real
 * outputs round 11) ended this way in 25 of 105 responses; the last-LaTeX fallback read the
 * option's value (`2`, `{1,2,3,4}`) against the letter.
 *
 * Each pattern has stated-choice.ts's groups: an empty marker, the letter, the rest of the line
 * (with indices: the sentence around the letter is checked). A statement holds only when its
 * sentence (up to 。！？；or a line break) names no other option and has no word that negates,
 * supposes, doubts, reports or asks ("不应该选A", "若答案为A", "可能选A", "老师说选A", "选项A正确吗"; a
 * red team of stop 38 was paid for each), and when nothing after it names an option or an answer
 * again ("故选A。\n不对，应该选Ｂ。", "故选A。\n\\boxed{5}").
 */
const AFTER_LETTER = String.raw`(?![A-Za-z])(?=\s*$|\s*[:：.．。，,、;；)）(（$*]|\s+\$?-?\d)`;
const LETTER = String.raw`[*\s]*()(?:选项\s*)?[(（]?([A-E])[)）]?\**`;

export const CHINESE_CHOICE_STATEMENTS: readonly RegExp[] = [
  // "正确答案是D.", "最终答案为 A", "答案是：D.", "**答案** C", "答案应选B".
  new RegExp(
    String.raw`(?:正确|最终|最后)?答案\**\s*(?:应该|应)?(?:是|为|选)?\s*[:：]?${LETTER}${AFTER_LETTER}(.*)$`,
    'dgm',
  ),
  // "正确的答案是包含真命题①和③的选项，即**A. ①③**": the answer named, then the option after 即 ("that is").
  new RegExp(String.raw`答案[^。\n]{0,40}?(?:即|就是)${LETTER}${AFTER_LETTER}(.*)$`, 'dgm'),
  // "故选A", "故选：C", "综上，选C", "应选 B", "选择D".
  new RegExp(
    String.raw`(?<!不|不应|若|如果|假设|假如)选(?:择)?\s*[:：]?${LETTER}${AFTER_LETTER}(.*)$`,
    'dgm',
  ),
  // "选项B是正确的", "选项 D 是正确答案", "选项 A 正确" (对 as "correct", not the 对 of 对应).
  /选项\s*[(（]?()([A-E])[)）]?\s*(?:是|为)?\s*(?:正确|对(?!应))(.*)$/dgm,
  // "B选项正确", "D 选项是对的".
  /(?<![A-Za-z])()([A-E])\s*选项\s*(?:是|为)?\s*(?:正确|对(?!应))(.*)$/dgm,
  // "对应选项B", "对应的选项是 C".
  new RegExp(String.raw`对应(?:的)?选项\s*(?:是|为)?${LETTER}${AFTER_LETTER}(.*)$`, 'dgm'),
];

/** Where a sentence of Chinese prose ends: 。！？；, a line break (not `.`: "D. $2$" is one sentence). */
const SENTENCE_BREAK = /[。！？；\n!?]/;
/** Words of supposition, doubt, report, question or mistake: no option is chosen in their sentence. */
const UNSURE =
  /错|误|排除|若|如果|假设|假如|要是|即使|可能|猜|似乎|估计|大概|也许|或|待定|暂且|把握|说|认为|吗|亦可|也可|也行|也对|都可|\?|？/;
/** UNSURE, and negation: a statement's own sentence holds neither. */
const NOT_STATED = new RegExp(`不|没|非|${UNSURE.source}`);
/** Words of a later sentence that correct the choice or answer again. */
const CORRECTION = /更正|应选|应为|有误|不对|答案|改选/;
/**
 * Whether a sentence in Chinese, its negated clauses and denied options already taken out ("B不是 A"
 * is B; `original` keeps the negations, for "我不确定，但答案是A"), chooses no
 * single option: it supposes, doubts, reports, asks or calls a choice a mistake (UNSURE: "可能选A",
 * "老师说选A，但我认为不对", "若答案为A，则矛盾", "学生容易误选A"), or names two options ("选A，选B也行",
 * "答案是A，但B也成立").
 */
export function choosesNoneInChinese(sentence: string, original = sentence): boolean {
  if (!beyondAscii(sentence)) return false;
  const whole = withoutDeniedOptions(original);
  return (
    UNSURE.test(sentence) ||
    NOT_SURE.test(whole) ||
    letters(sentence).size > 1 ||
    negatedAfterLastOption(whole)
  );
}

/** The sentence without options denied after they are named ("A选项不对，故选B" chooses B alone). */
export function withoutDeniedOptions(sentence: string): string {
  return beyondAscii(sentence) ? sentence.replace(DENIED_OPTION, ' ') : sentence;
}
/** An option letter followed by its denial: "A选项不对", "B是错误的", "C不成立". */
const DENIED_OPTION =
  /(?<![A-Za-z])[A-EＡ-Ｅ]\s*(?:选项)?\s*(?:是|为)?\s*(?:不对|不正确|错误|错的|错|不成立|不符合题意|不符合)/g;

/**
 * A negation after the sentence's last option letter with no option after it: "A选项对应的结果不对"
 * denies A ("B不是 A" denies A, the letter after the negation, and keeps B).
 */
function negatedAfterLastOption(sentence: string): boolean {
  const plain = sentence.replace(MATH_SPAN, ' ');
  let lastAt = -1;
  for (const match of plain.matchAll(OPTION_LETTER)) lastAt = (match.index ?? 0) + match[0].length;
  if (lastAt < 0) return false;
  // Clauses about the other options ("（其他选项不成立）") and idioms that confirm ("毫不犹豫", "没问题").
  const rest = plain
    .slice(lastAt)
    .split(/[，,；;（(]/)
    .filter((clause) => !OTHER_OPTIONS.test(clause))
    .join(' ')
    .replace(CONFIRMING_IDIOMS, ' ');
  return /不|没/.test(rest);
}
/** A clause about the options not chosen. */
const OTHER_OPTIONS = /其他|其余|别的|另外/;
/** Idioms with 不 or 没 that confirm a choice ("without hesitation", "no problem", "no need"). */
const CONFIRMING_IDIOMS = /毫不犹豫|毫无疑问|没问题|没有问题|没有疑问|不用|不必|不需要|无需/g;
/** Doubt said with a negation, which the negated-clause removal takes out: "我不确定，但答案是A". */
const NOT_SURE = /不确定|不一定|不太确定|没把握|不敢肯定|不清楚|不排除/;

/** A sentence in Chinese after the chosen one that corrects it or answers again ("更正：应选第二个选项"). */
export function correctsInChinese(sentence: string): boolean {
  return beyondAscii(sentence) && CORRECTION.test(sentence);
}

/** An option letter standing alone, ASCII or full-width (`A`, `Ａ`). */
const OPTION_LETTER = /(?<![A-Za-z])[A-E](?![A-Za-z])|[Ａ-Ｅ]/g;
/** Math spans, whose capitals are points and sets (`$\triangle ABC$`, `$A=2$`), not options. */
const MATH_SPAN = /\$[^$]*\$|\\\((?:(?!\\\)).)*\\\)/g;
/**
 * Words after a statement that choose, state, correct or box an answer again ("不对，应该选Ｂ",
 * "更正：", "原答案有误，应为...的选项", "应该是b"); an explanation of an earlier slip ("我错误地将分子...
 * 正确的计算应该是将...", a held-out Gaokao output) is none of them.
 */
const ANSWERS_AGAIN = /选|答案|更正|应为|\\boxed|应(?:该)?(?:是|为)\s*[(（]?[A-Ea-eＡ-Ｅ](?![A-Za-z])/;

function letters(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.replace(MATH_SPAN, ' ').matchAll(OPTION_LETTER)) {
    const code = match[0].charCodeAt(0);
    found.add(code >= 0xff21 ? String.fromCharCode(code - 0xff21 + 65) : match[0]);
  }
  return found;
}

/**
 * Where the sentence of a statement whose letter is at `letterAt` ends, when it states that one
 * option plainly; undefined when the sentence names another option or negates, supposes, doubts,
 * reports or asks.
 */
export function statementSentenceEnd(tail: string, letterAt: number, letter: string): number | undefined {
  let start = letterAt;
  while (start > 0 && !SENTENCE_BREAK.test(tail[start - 1] as string)) start--;
  let end = letterAt + 1;
  while (end < tail.length && !SENTENCE_BREAK.test(tail[end] as string)) end++;
  const sentence = tail.slice(start, end);
  if (NOT_STATED.test(sentence)) return undefined;
  const named = letters(sentence);
  return named.size === 1 && named.has(letter) ? end : undefined;
}

/** Whether the text after a statement names an option or states, corrects or boxes an answer again. */
export function answersAgain(after: string): boolean {
  return ANSWERS_AGAIN.test(after) || letters(after).size > 0;
}
