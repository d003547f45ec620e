import { z } from 'zod';
import { readArgument } from './braces.js';

/**
 * Answer extraction from free-form model output. Each extractor finds at most one candidate;
 * `extractAnswer` tries them in priority order. The two weak extractors (`latex`, `last_number`)
 * compete by position when both are enabled and reached: the one that ends later in the text
 * wins, so "... $3 \times 6 = 18$ ... so 20 in total." yields 20.
 * All scans are linear (indexOf loops or regexes without nested quantifiers).
 */
export const ExtractorNameSchema = z.enum([
  'boxed',
  'answer_tag',
  'gsm8k',
  'final_answer',
  'answer_colon',
  'latex',
  'last_number',
]);
export type ExtractorName = z.infer<typeof ExtractorNameSchema>;

export const DEFAULT_EXTRACTION_PRIORITY: readonly ExtractorName[] = [
  'boxed',
  'answer_tag',
  'gsm8k',
  'final_answer',
  'answer_colon',
  'latex',
  'last_number',
];

const WEAK_EXTRACTORS: ReadonlySet<ExtractorName> = new Set(['latex', 'last_number']);

export interface Extraction {
  text: string;
  extractor: ExtractorName;
  /** Where the candidate ends in the (possibly truncated) text. */
  end: number;
}

/** Only the tail of very long responses is searched: answers sit at the end. */
export const MAX_SCANNED_CHARS = 32_000;
/** Boxed answers separated by at most this much text form one list (`\boxed{2}, \boxed{3}`). */
const BOXED_GROUP_GAP = 24;

function boxed(text: string): Extraction | undefined {
  const found: { content: string; start: number; end: number }[] = [];
  for (const command of ['\\boxed', '\\fbox']) {
    let index = text.indexOf(command);
    while (index >= 0) {
      const argument = readArgument(text, index + command.length);
      if (argument !== undefined && argument.content.trim() !== '') {
        found.push({ content: argument.content.trim(), start: index, end: argument.end });
        index = text.indexOf(command, argument.end);
      } else {
        index = text.indexOf(command, index + command.length);
      }
    }
  }
  if (found.length === 0) return undefined;
  found.sort((left, right) => left.start - right.start);
  const last = found[found.length - 1] as (typeof found)[number];
  const group = [last];
  for (let index = found.length - 2; index >= 0; index--) {
    const previous = found[index] as (typeof found)[number];
    const gap = text.slice(previous.end, (group[0] as (typeof found)[number]).start);
    if (previous.end > (group[0] as (typeof found)[number]).start) break;
    if (gap.length > BOXED_GROUP_GAP || gap.includes('\n\n') || /[.!?](\s|$)/.test(gap)) break;
    group.unshift(previous);
  }
  return { text: group.map((item) => item.content).join(', '), extractor: 'boxed', end: last.end };
}

function answerTag(text: string): Extraction | undefined {
  const close = text.lastIndexOf('</answer>');
  if (close < 0) return undefined;
  const open = text.lastIndexOf('<answer>', close);
  if (open < 0) return undefined;
  const content = text.slice(open + '<answer>'.length, close).trim();
  return content === '' ? undefined : { text: content, extractor: 'answer_tag', end: close };
}

/** The rest of the line after `index`, or the next non-empty line when that rest is empty. */
function restOfLine(text: string, index: number): { content: string; end: number } {
  let start = index;
  let newline = text.indexOf('\n', start);
  let content = text.slice(start, newline < 0 ? text.length : newline).trim();
  while (content.replace(/[*_:\s]/g, '') === '' && newline >= 0) {
    start = newline + 1;
    newline = text.indexOf('\n', start);
    content = text.slice(start, newline < 0 ? text.length : newline).trim();
  }
  return { content, end: newline < 0 ? text.length : newline };
}

/** Cleans a phrase that follows "answer is": markdown, one math span, a closing period. */
function cleanPhrase(phrase: string): string {
  let content = phrase.replace(/^[*_\s:]+/, '').replace(/[*_\s.;,]+$/, '');
  const math = lastLatex(content);
  if (math !== undefined && content.replace(/\s/g, '').length - math.text.length <= 4) content = math.text;
  content = content.replace(/\s*[.;]\s*$/, '');
  return content.trim();
}

function gsm8k(text: string): Extraction | undefined {
  const index = text.lastIndexOf('####');
  if (index < 0) return undefined;
  const line = restOfLine(text, index + 4);
  const content = cleanPhrase(line.content);
  return content === '' ? undefined : { text: content, extractor: 'gsm8k', end: line.end };
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    last = match;
    if (match[0] === '') pattern.lastIndex++;
  }
  return last;
}

function phraseAfter(text: string, pattern: RegExp, extractor: ExtractorName): Extraction | undefined {
  const match = lastMatch(text, pattern);
  if (match === undefined) return undefined;
  const line = restOfLine(text, match.index + match[0].length);
  // Stop at the end of the sentence: "The answer is 5. Next we ..." keeps "5".
  const sentence = line.content.split(/(?<!\\)\.\s+(?=[A-Z])/)[0] ?? '';
  // "The largest $n$ is 34" keeps what follows the last "is".
  const verb = lastMatch(sentence, /\s(?:is|are|was|equals)\s+(?=\S)/gi);
  const lead = verb === undefined ? '' : sentence.slice(0, verb.index);
  const content = cleanPhrase(
    verb !== undefined && /[A-Za-z]{3,}/.test(lead) ? sentence.slice(verb.index + verb[0].length) : sentence,
  );
  return content === '' ? undefined : { text: content, extractor, end: line.end };
}

const FINAL_ANSWER = /(?:final answer|the answer|answer is)(?:\s*(?:is|:|=|would be|will be))?\s*(?:[:=])?/gi;
const ANSWER_COLON = /\banswer\s*\**\s*[:：]/gi;

function finalAnswer(text: string): Extraction | undefined {
  return phraseAfter(text, FINAL_ANSWER, 'final_answer');
}

function answerColon(text: string): Extraction | undefined {
  return phraseAfter(text, ANSWER_COLON, 'answer_colon');
}

/** Inline `$...$` follows pandoc's rule: no space inside either dollar, no digit right after the closing one. */
function isInlineMath(text: string, open: number, close: number): boolean {
  const inner = text.slice(open + 1, close);
  if (inner.trim() === '') return false;
  // Currency: "$5 and then $" opens on a digit and closes after a space.
  if (/^\s*\d/.test(inner) && /\s$/.test(inner)) return false;
  if (/^\s/.test(inner) && !/[\\^_=]/.test(inner)) return false;
  if (/\d/.test(text[close + 1] ?? '')) return false;
  // Prose between two currency signs is not math: "costs $5 and then $".
  return !/\b[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(inner.replace(/\\[A-Za-z]+(\{[^{}]*\})?/g, ''));
}

function lastLatex(text: string): Extraction | undefined {
  let best: Extraction | undefined;
  const consider = (content: string, end: number) => {
    if (content.trim() !== '' && (best === undefined || end > best.end)) {
      best = { text: content.trim(), extractor: 'latex', end };
    }
  };
  for (const [open, close] of [
    ['\\(', '\\)'],
    ['\\[', '\\]'],
    ['$$', '$$'],
  ] as const) {
    const closeIndex = text.lastIndexOf(close);
    if (closeIndex < 0) continue;
    const openIndex = text.lastIndexOf(open, closeIndex - 1);
    if (openIndex >= 0 && openIndex + open.length <= closeIndex) {
      consider(text.slice(openIndex + open.length, closeIndex), closeIndex + close.length);
    }
  }
  // Single dollars: pair them from the left, skipping escaped `\$` and `$$`.
  let open = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char !== '$') continue;
    if (text[index + 1] === '$') {
      index++;
      open = -1;
      continue;
    }
    if (open < 0) {
      open = index;
    } else if (isInlineMath(text, open, index)) {
      consider(text.slice(open + 1, index), index + 1);
      open = -1;
    } else {
      open = index;
    }
  }
  return best;
}

const NUMBER =
  /-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d\w-])|√?-?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?(?:\s*(?:\\?%|percent)|\s?π)?|-?\.\d+/g;

/** A number that joins the last one: "x = 2 or x = 5", "-3 or 2" (not "between 3 and 5"). */
const JOINED_NUMBER = /(?:([A-Za-z])\s*=\s*)?(-?\d+(?:\.\d+)?)\s*,?\s*(or|and|,)\s*(?:([A-Za-z])\s*=\s*)?$/;

function lastNumber(text: string): Extraction | undefined {
  const match = lastMatch(text, NUMBER);
  if (match === undefined) return undefined;
  const numbers = [match[0].replace(/,+$/, '')];
  let start = match.index;
  for (let count = 0; count < 8; count++) {
    const window = text.slice(Math.max(0, start - 60), start);
    const joined = JOINED_NUMBER.exec(window);
    if (joined === null || (joined[3] !== 'or' && (joined[1] === undefined || joined[4] === undefined)))
      break;
    numbers.unshift(joined[2] ?? '');
    start -= window.length - joined.index;
  }
  return { text: numbers.join(', '), extractor: 'last_number', end: match.index + match[0].length };
}

const EXTRACTORS: Record<ExtractorName, (text: string) => Extraction | undefined> = {
  boxed,
  answer_tag: answerTag,
  gsm8k,
  final_answer: finalAnswer,
  answer_colon: answerColon,
  latex: lastLatex,
  last_number: lastNumber,
};

/** The first candidate found by the extractors in `priority` order (see the module comment). */
export function extractAnswer(response: string, priority: readonly ExtractorName[]): Extraction | undefined {
  const tail = response.length > MAX_SCANNED_CHARS ? response.slice(-MAX_SCANNED_CHARS) : response;
  // A unicode minus (U+2212) is a minus sign; same length, so positions stay comparable.
  const text = tail.replace(/\u2212/g, '-');
  for (let index = 0; index < priority.length; index++) {
    const name = priority[index] as ExtractorName;
    const found = EXTRACTORS[name](text);
    if (found === undefined) continue;
    const next = priority[index + 1];
    if (WEAK_EXTRACTORS.has(name) && next !== undefined && WEAK_EXTRACTORS.has(next)) {
      const rival = EXTRACTORS[next](text);
      if (rival !== undefined && rival.end > found.end) return rival;
    }
    return found;
  }
  return undefined;
}

/** Runs one extractor alone (for tests and for callers with their own policy). */
export function runExtractor(name: ExtractorName, text: string): Extraction | undefined {
  return EXTRACTORS[name](text);
}
