import { beyondAscii } from './ascii-text.js';
import { answersAgain, CHINESE_CHOICE_STATEMENTS, statementSentenceEnd } from './chinese-choice.js';

/**
 * A response that ends by stating one option, `Solution: Choice_B`, `Choice B (7.92)`, "the
 * solution is Choice D.", "The correct choice is Choice_B: $\frac{5}{24}$", "the correct answer
 * choice is D: 2/3", has chosen that option: against a gold that is a choice letter it is the
 * answer, even when an earlier sentence named another ("the correct answer is Choice_D ...
 * Corrected Choice_B ... Solution: Choice_B" chose B), and even when a note follows it that names
 * no option ("Confidence: 100%", "Note: ..."). Models prompted to end with their choice write it
 * this way (Mr-Ben's math outputs of Claude 2, GPT-3.5 and Mistral Medium,
 * dvlab-research/Mr-Ben data/math.json); the last-number fallback read the step number of the
 * line before (`Step 5:` as 5).
 *
 * A statement is a line that starts with the option (after at most two short labels ending in a
 * colon, as `Step 10: Solution: Choice_A`), a "Solution:" / "Answer:" / "Correct choice:" label
 * followed by the option, "... (solution|answer|choice|option) is (Choice) X", or "Choice X (...) is
 * the (correct) answer|solution". After the letter
 * only its content may follow (`: ...`, `(...)`, `, 6`, `.`). No statement is read when it doubts
 * ("might be", "or"), names two options ("Choice_B or Choice_C", "Choice B and C"), when a later line names an option
 * letter or gives another answer ("Solution: none of the choices matches"), or when the line is the last item of a list of options (`Choice_A: 5\nChoice_B: 6`).
 */
const OPTION = String.raw`(?:Choice|Option)[\s_\\]*\(?([A-E])\)?(?:_|\\_)*\**`;
const AFTER_LETTER = String.raw`(?=\s*$|\s*[:.)(,]|\s+-\s|\s+\$?-?\d)`;
const STATEMENTS: readonly RegExp[] = [
  // A line that starts with the option, after at most two short labels.
  new RegExp(
    String.raw`^(?:[*#>\s]*[A-Za-z][A-Za-z0-9 ]{0,30}[:：]\s*){0,2}[*\s]*()${OPTION}${AFTER_LETTER}(.*)$`,
    'gim',
  ),
  // A labelled statement anywhere on a line: "... decide. Solution: Choice\_A: $90$".
  new RegExp(
    String.raw`\b(?:Solution|(?:Final |Correct )?Answer|(?:Correct |Final )(?:Choice|Option))\s*[:：]\s*[*\s]*()${OPTION}${AFTER_LETTER}(.*)$`,
    'gim',
  ),
  // "the solution is Choice D", "the correct answer choice is D: 2/3".
  new RegExp(
    String.raw`\b(?:solution|answer|choice|option)\s+is\s+[*\s]*()(?:(?:Choice|Option)[\s_\\]*)?\(?([A-E])\)?(?:_|\\_)*\**${AFTER_LETTER}(.*)$`,
    'gim',
  ),
  // "Choice_D is the correct answer.", "Choice_C of 25% is the solution."
  new RegExp(
    String.raw`()${OPTION}(?=[\s:,])([^.\n]{0,40}?\bis\s+(?:the\s+)?(?:(?:correct|right|best|final)\s+)?(?:answer|solution|choice|option)\b.*)$`,
    'gim',
  ),
];
/** STATEMENTS, then the Chinese ones (built once, not per response). */
const WITH_CHINESE_STATEMENTS: readonly RegExp[] = [...STATEMENTS, ...CHINESE_CHOICE_STATEMENTS];
/** Another option named in the rest of the statement ("or Choice_C", "and C"). */
const ANOTHER_CHOICE =
  /\b(?:Choice|Option)[\s_\\]*\(?[A-E]\)?(?![A-Za-z])|\b(?:or|and)\s+\(?[A-E]\)?(?![A-Za-z])/i;
/** Doubt in the statement itself ("Choice_D: 36/7 might be the closest", "Choice_B: 3 or 4"). */
const DOUBT = /\b(?:might|maybe|perhaps|possibly|could|would|if|unless|or)\b/i;
/** An option letter named after the statement: a later choice, a doubt, a list. */
const LATER_CHOICE =
  /\b(?:Choice|Option)[\s_\\]*\(?[A-E]\)?(?![A-Za-z])|(?<![A-Za-z])\(?[A-E]\)?(?![A-Za-z'’])/;
/** A later answer line that names no option ("Solution: none of the choices is right"). */
const LATER_ANSWER_LINE = /\b(?:Solution|(?:Final )?Answer)\s*[:：]/i;
/** An item of a list of options (`Choice_A: 5`), as the line before the last may be. */
const OPTION_ITEM = /^[*\s]*(?:Choice|Option)[\s_\\]*\(?[A-E]\)?(?:_|\\_)*\s*[:.)]/i;
/** How far back the statement is looked for. */
const TAIL_CHARS = 600;

/** The option the closing statement of the text names, with where it starts, or undefined. */
export function statedChoice(text: string): { letter: string; start: number } | undefined {
  const from = Math.max(0, text.length - TAIL_CHARS);
  const tail = text.slice(from);
  let best: { letter: string; start: number; end: number; labelled: boolean; chinese: boolean } | undefined;
  // Chinese statements only where the tail holds a character beyond ASCII (chinese-choice.ts).
  const chinese = beyondAscii(tail);
  const patterns = chinese ? WITH_CHINESE_STATEMENTS : STATEMENTS;
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index] as RegExp;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(tail); match !== null; match = pattern.exec(tail)) {
      if (match[0] === '') pattern.lastIndex++;
      // A capital letter only: "the answer is e." names Euler's number, not option E.
      const rest = match[3] ?? '';
      if (ANOTHER_CHOICE.test(rest) || DOUBT.test(rest) || !/^[A-E]$/.test(match[2] ?? '')) continue;
      if (best !== undefined && match.index <= best.start) continue;
      // A Chinese statement: its sentence must state the one option plainly (chinese-choice.ts).
      const sentenceEnd =
        index < STATEMENTS.length
          ? undefined
          : statementSentenceEnd(tail, match.indices?.[2]?.[0] ?? match.index, match[2] as string);
      if (index >= STATEMENTS.length && sentenceEnd === undefined) continue;
      const lead = match[0].split(/Choice|Option/i)[0] ?? '';
      best = {
        letter: match[2] as string,
        start: match.index,
        end: sentenceEnd ?? match.index + match[0].length,
        labelled: index > 0 || /[:：]/.test(lead),
        chinese: sentenceEnd !== undefined,
      };
    }
  }
  const after = best === undefined ? '' : tail.slice(best.end);
  if (best === undefined || LATER_CHOICE.test(after) || LATER_ANSWER_LINE.test(after)) return undefined;
  if (best.chinese && answersAgain(after)) return undefined;
  if (!best.labelled) {
    // The last item of a list of options (`Choice_A: 5\nChoice_B: 6`) chooses nothing.
    const before = tail.slice(0, Math.max(0, best.start - 1)).trimEnd();
    if (OPTION_ITEM.test(before.slice(before.lastIndexOf('\n') + 1))) return undefined;
  }
  return { letter: best.letter, start: from + best.start };
}
