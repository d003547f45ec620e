import type { Extraction } from './extraction.js';
import { holdsForeignWord } from './foreign-prose.js';
import { SPAN_JOINER } from './math-span.js';
import { parseNumberWords } from './number-words.js';
import { GLUED_OR } from './or-separator.js';
import { withoutFunctionCalls, withoutGreekNames } from './plain-text-math.js';
import { splitRestatement } from './restatement.js';
import { hasShortProseWords } from './short-prose.js';

/** Longest response read whole as one expression (a bare answer is short). */
const MAX_WHOLE_EXPRESSION_CHARS = 300;
/**
 * Longest response read whole when it is one LaTeX expression (a backslash, no `=`): a product of
 * roots of unity runs to 409 characters (MARIO_EVAL demo.py). The parser's own limit
 * (MAX_LATEX_CHARS). A long derivation (`\sum ... = ... + \cdots = 1`) is left to the fallbacks.
 */
const MAX_WHOLE_LATEX_CHARS = 600;

/** Whether trimmed text may end in `$`, `\]` or `\)` (then a full stop): a cheap test before the regex. */
function mayEndInMathDelimiter(content: string): boolean {
  const body = content.endsWith('.') ? content.slice(0, -1).trimEnd() : content;
  const last = body[body.length - 1];
  return last === '$' || last === ']' || last === ')';
}

/**
 * Whether "and" or "or" may follow a digit or a closing bracket, spaces between (`2 and 3`,
 * `(1) or`): a pre-check, true when unsure (a character beyond ASCII before it), false only when
 * no such word can. An `indexOf` walk over the words: a regex scan stops at every digit.
 */
function mayFollowValue(text: string): boolean {
  for (const word of JOINING_WORDS) {
    for (let index = text.indexOf(word); index >= 0; index = text.indexOf(word, index + 1)) {
      let before = index - 1;
      let code = before >= 0 ? text.charCodeAt(before) : -1;
      while (code === 32 || (code >= 9 && code <= 13)) code = --before >= 0 ? text.charCodeAt(before) : -1;
      if ((code >= 48 && code <= 57) || code === 41 || code === 93 || code === 125 || code >= 128)
        return true;
    }
  }
  return false;
}
const JOINING_WORDS: readonly string[] = ['and', 'or'];

/** The word "the", standing alone (not the start of `theta` or `there`). */
const THE_WORD = /(?<![A-Za-z])[Tt]he(?![A-Za-z])/;

/** Whether the text holds the word "the" and a digit after it (see wholeExpression). */
function isWorkedProse(content: string): boolean {
  const the = THE_WORD.exec(content);
  if (the === null) return false;
  for (let index = the.index + 3; index < content.length; index++) {
    const code = content.charCodeAt(index);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** A closing `\)` or `\]`, the text up to the next opening `\(` or `\[`, and that opening. */
const NEXT_SPAN = /\\[)\]]([\s\S]*?)\\[([]/;

/** Whether the text holds two math spans joined by SPAN_JOINER (not side by side). */
function joinsSpans(content: string): boolean {
  const gap = NEXT_SPAN.exec(content)?.[1];
  return gap !== undefined && gap.trim() !== '' && SPAN_JOINER.test(gap);
}

/**
 * The whole response when it is itself one mathematical expression (`\dfrac{1}{3}`,
 * `-\frac{10}{9}`, `x = 5`, `(1, 2)`): no prose words outside `\text{}`, no sentence, no
 * paragraph. Tried before the last-number fallback, which would read `\frac{10}{9}` as 9.
 */
export function wholeExpression(text: string): Extraction | undefined {
  if (text.length > 2 * MAX_WHOLE_LATEX_CHARS) return undefined;
  let content = text.trim();
  if (
    content === '' ||
    (content.length > MAX_WHOLE_EXPRESSION_CHARS &&
      (content.length > MAX_WHOLE_LATEX_CHARS || !content.includes('\\') || content.includes('='))) ||
    content.includes('\n\n')
  )
    return undefined;
  content = content.replace(/^(?:\$\$?|\\\[|\\\()\s*/, '');
  if (mayEndInMathDelimiter(content)) content = content.replace(/\s*(?:\$\$?|\\\]|\\\))\s*\.?$/, '');
  content = content.trim();
  // A closing delimiter, a joining word and an opening one: several spans (`\(x=2\) or \(x =
  // 3\)`), which lastLatex joins into a list. (Spans side by side, `\(5\) \(6\)`, stay one text
  // that names several values.)
  const hasCommand = content.includes('\\');
  if (content === '' || content.includes('$') || (hasCommand && joinsSpans(content))) return undefined;
  // "x ≡ 3 (mod 7), or equivalently x ≡ 10 (mod 7)": one answer and its restatement (restatement.ts).
  const restatement = splitRestatement(content);
  if (restatement !== undefined) {
    const answer = wholeExpression(restatement.answer);
    const restated = wholeExpression(restatement.restated);
    if (answer === undefined || restated === undefined) return undefined;
    return { text: answer.text, extractor: 'whole_expression', end: text.length, alternative: restated.text };
  }
  // Worked prose, known before the replacements below: "the" outlives each of them (no command to
  // strip, not a function or Greek name), so the text is prose; a digit after it means no number in
  // words or with a scale word (each all letters, or digits then one word) reads it whole either.
  if (!hasCommand && isWorkedProse(content)) return undefined;
  // Each replacement only where its pattern can match (a command needs `\`, a call `(`): the
  // function-name scan alone cost about 1.5 µs on a prose response.
  let bare = content;
  if (bare.includes('\\'))
    bare = bare
      .replace(/\\(?:text|begin|end|mathrm|mathbf|operatorname)\s*\{[^{}]*\}/g, ' ')
      // A subscript names (`S_{\triangle ABC}`, `a_{max}`): its letters are no prose word.
      .replace(/_\{[^{}]*\}/g, ' ')
      .replace(/\\[A-Za-z]+/g, ' ');
  // `x ≡ 3 (mod 7)`: "mod" is notation, not a prose word; so are `infinity` and `infty` in plain
  // text (`-infty`, `(-infinity, 2]`: graders' round 13, PrairieLearn's sympy tests).
  if (bare.includes('mod')) bare = bare.replace(/\bmod\b/g, ' ');
  if (bare.includes('nf')) bare = bare.replace(/(?<![A-Za-z])(?:infinity|infty)(?![A-Za-z])/gi, ' ');
  // Python-style function calls (`exp(16)`, `sqrt(2)`) are mathematics, not prose.
  // The first word of three letters, found once: the function-name scan runs only when it is a
  // function name, and the prose test below reuses it while the text is unchanged.
  const firstWord = /[A-Za-z]{3,}/.exec(bare)?.[0];
  const uncalled = withoutFunctionCalls(bare, firstWord);
  // `x+zeta`, `beta+gamma`: Greek letters by name are symbols, not prose words.
  const called = withoutGreekNames(uncalled, uncalled === bare ? firstWord : undefined);
  let hasWord = called === bare ? firstWord !== undefined : /[A-Za-z]{3,}/.test(called);
  bare = called;
  // A sentence break or a question makes the text prose whatever words join its values (the
  // replacement below never makes or breaks either): tested first, so that prose skips the walk
  // over every "and" and "or" it holds.
  const sentence = /\.\s+[A-Za-z]{2}/.test(bare) || bare.includes('?');
  // Answers joined by words (`1728 and 1331`, `x = 2 or x = 3`) are still one list of answers.
  // The word first, then the lookbehind (the same matches; a lookbehind with `\s*` tried at every
  // position cost about a microsecond a response).
  const joinedByWord = !sentence && mayFollowValue(bare);
  if (joinedByWord) {
    bare = bare.replace(/(?:and|or)(?<=[\d)}\]]\s*(?:and|or))(?=\s*[-\d(\\A-Za-z])/g, ' ');
    hasWord = /[A-Za-z]{3,}/.test(bare);
  }
  if (
    (hasWord &&
      !(joinedByWord && /\d(?:or|and)/.test(bare) && !/[A-Za-z]{3,}/.test(bare.replace(GLUED_OR, ' ')))) ||
    sentence ||
    hasShortProseWords(bare) ||
    holdsForeignWord(bare)
  ) {
    // A response that is only a number in words ("six", "twenty-one") or with a scale word
    // ("1 million", "2.5 billion") is that number.
    // A closing `.` or `!` read by hand: an unanchored `/[.!]$/` is tried at every position.
    const lastCode = content.charCodeAt(content.length - 1);
    const phrase = (lastCode === 46 || lastCode === 33 ? content.slice(0, -1) : content).trim();
    if (/^-?\d[\d,.]*\s+(?:hundred|thousand|million|billion|trillion|dozen)$/i.test(phrase))
      return { text: phrase, extractor: 'whole_expression', end: text.length };
    return parseNumberWords(phrase) === undefined
      ? undefined
      : { text: phrase, extractor: 'whole_expression', end: text.length };
  }
  return { text: content, extractor: 'whole_expression', end: text.length };
}
