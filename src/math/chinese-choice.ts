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
 * Each pattern has stated-choice.ts's groups: an empty marker, the letter, the rest of the line.
 * Not a statement: a negated one ("不选A", "答案不是A", "选项B不正确": the words must follow
 * directly), a supposition ("若选B，则", "如果选B"), one whose rest doubts or names another option
 * ("答案是A或B", "可能是C").
 */
const AFTER_LETTER = String.raw`(?![A-Za-z])(?=\s*$|\s*[:：.．。，,、;；)）(（$*]|\s+\$?-?\d)`;
const LETTER = String.raw`[*\s]*()(?:选项\s*)?[(（]?([A-E])[)）]?\**`;

export const CHINESE_CHOICE_STATEMENTS: readonly RegExp[] = [
  // "正确答案是D.", "最终答案为 A", "答案是：D.", "**答案** C", "答案应选B".
  new RegExp(
    String.raw`(?:正确|最终|最后)?答案\**\s*(?:应该|应)?(?:是|为|选)?\s*[:：]?${LETTER}${AFTER_LETTER}(.*)$`,
    'gm',
  ),
  // "正确的答案是包含真命题①和③的选项，即**A. ①③**": the answer named, then the option after 即 ("that is").
  new RegExp(String.raw`答案[^。\n]{0,40}?(?:即|就是)${LETTER}${AFTER_LETTER}(.*)$`, 'gm'),
  // "故选A", "故选：C", "综上，选C", "应选 B", "选择D".
  new RegExp(String.raw`(?<!不|不应|若|如果|假设|假如)选(?:择)?\s*[:：]?${LETTER}${AFTER_LETTER}(.*)$`, 'gm'),
  // "选项B是正确的", "选项 D 是正确答案", "选项 A 正确".
  /选项\s*[(（]?()([A-E])[)）]?\s*(?:是|为)?\s*(?:正确|对)(.*)$/gm,
  // "B选项正确", "D 选项是对的".
  /(?<![A-Za-z])()([A-E])\s*选项\s*(?:是|为)?\s*(?:正确|对)(.*)$/gm,
  // "对应选项B", "对应的选项是 C".
  new RegExp(String.raw`对应(?:的)?选项\s*(?:是|为)?${LETTER}${AFTER_LETTER}(.*)$`, 'gm'),
];

/** Doubt or a second option in a Chinese statement's rest: "或B", "可能", "也许", "还是". */
export const CHINESE_DOUBT = /或|可能|也许|大概|还是|不确定/;
