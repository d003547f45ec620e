/**
 * A response that ends in code whose result it never shows: fenced blocks of code (```` ```python
 * ... ``` ````), perhaps with output blocks that printed no number, and nothing after them. Models
 * trained to check their work by code (tool-integrated reasoning, common in RL rollouts of
 * Qwen2.5-Math) state a result in prose, then write code to verify it, and are cut off or get
 * text back from their tool. The code's numbers are its inputs and constants (`eggs_per_day / 12`,
 * `if i % 2 == 0`), not the answer: the last-number fallback reads the result the prose computed
 * before the code (a real-outputs round of GRPO rollouts read 12 and 0 against results of 294 and
 * 64 stated before). Only when all hold (a red team of stop 43 was paid a question's data, a
 * doubted value and a step number before code, and refused results shown inside the code):
 * - the blocks name a language whose code does not show its own output (Python, JavaScript ...;
 *   not a shell, a REPL or a notebook), and no block shows a result: an output block or a block
 *   without a language holding a digit, a prompt line (`>>>`, `Out[1]:`), a comment with a digit
 *   (`# Output: 18`), a line that is only a number, a print of a number, a last line that assigns
 *   one;
 * - the prose's last number is the result of a computation (`42 \times 7 = 294`, `$40 + $24 = $64`),
 *   not of an equation in a variable (`2x + 3 = 13`, `n = 16`);
 * - nothing between that number and the code doubts or asks ("Hmm, that seems off", "Is it 18?").
 */

/**
 * The info string of a block of code: a language. A block without one, or marked as output
 * (```` ```output ````), shows a result: a number in it is read as before.
 */
const CODE_INFO =
  /^(?:python3?|py|sympy|javascript|js|typescript|ts|java|c|cpp|c\+\+|csharp|go|rust|ruby|r|matlab|octave|julia|sage)$/i;
/** A line of code that shows a result: a prompt, a number alone, a print of one (comments: showsResult). */
const RESULT_LINE =
  /^[ \t]*(?:>>>|In\s*\[|Out\s*\[|-?\d[\d.,]*[ \t]*\r?$)|print\s*\(\s*-?\d[\d.,]*\s*\)|console\.log\s*\(\s*-?\d/;
/** Where a line's comment starts. */
const COMMENT = /#|\/\//;

/** Whether code shows its result: a line of RESULT_LINE, or a comment with a digit (`# Output: 18`). */
function showsResult(body: string): boolean {
  for (const line of body.split('\n')) {
    const comment = line.search(COMMENT);
    if ((comment >= 0 && /\d/.test(line.slice(comment))) || RESULT_LINE.test(line)) return true;
  }
  return false;
}
/** A last line of code that assigns a number (`result = 18`). */
const ASSIGNS_NUMBER_LAST = /^[ \t]*[A-Za-z_]\w*\s*=\s*-?\d[\d.,]*\s*;?\s*$/;
/** Right before the prose's last number: `=`, perhaps a currency sign (`= 294`, `= $64`). */
const COMPUTED_BEFORE = /=\s*(?:\\?\$)?\s*$/;
/**
 * The arithmetic right before an `=`: numbers, operators (`x` between numbers too), brackets,
 * currency and percent signs, units in a text command (`42 \text{ dollars/day} \times 7`).
 */
const ARITHMETIC_BEFORE =
  /(?:[\d.,\s$%()+\-*/×÷^·]|\\(?:times|cdot|div)(?![A-Za-z])|\\text\s*\{[^{}]*\}|(?<=\d\s?)x(?=\s?\d))+$/;
/** An operator of that arithmetic. */
const OPERATOR = /[+\-*/×÷^·]|\\(?:times|cdot|div)|\dx|\d\sx\s\d/;
/** Between the prose's result and the code: a question or a doubt. */
const DOUBTED =
  /\?|\b(?:wait|hmm+|oops|mistake|wrong|incorrect|off|not\s+sure|unsure|doubt\w*|re-?(?:compute|calculate|check|do)|instead|actually|however|but|guess|maybe|perhaps|assum\w*|suppos\w*)\b/i;
/** The most trailing blocks looked at. */
const MAX_TRAILING_BLOCKS = 6;

/** The fences (```` ``` ````) of a text, by position. */
function fencePositions(text: string): number[] {
  const positions: number[] = [];
  for (let at = text.indexOf('```'); at >= 0; at = text.indexOf('```', at + 3)) positions.push(at);
  return positions;
}

/** A fenced block: its opening fence, and where its body ends (its closing fence, or the text's end). */
interface Block {
  open: number;
  bodyEnd: number;
}

/** The blocks that end the text, last first: each followed by nothing but spaces (at most MAX_TRAILING_BLOCKS). */
function trailingBlocks(text: string): Block[] {
  const fences = fencePositions(text);
  const end = text.trimEnd().length;
  const blocks: Block[] = [];
  let index = fences.length - 1;
  // An odd count: the last block is still open (cut off inside it); its body runs to the end.
  if (fences.length % 2 === 1) {
    blocks.push({ open: fences[index] as number, bodyEnd: end });
    index -= 1;
  }
  let after = blocks[0]?.open ?? end;
  while (index >= 1 && blocks.length < MAX_TRAILING_BLOCKS) {
    const close = fences[index] as number;
    if (text.slice(close + 3, after).trim() !== '') break;
    const open = fences[index - 1] as number;
    blocks.push({ open, bodyEnd: close });
    after = open;
    index -= 2;
  }
  return blocks;
}

/**
 * Where the trailing code starts (the opening fence of its first block), or undefined when the
 * response does not end in such code (see above; the prose before it is checked by
 * statesComputedResult).
 */
export function trailingCodeStart(text: string): number | undefined {
  if (!text.includes('```')) return undefined;
  const blocks = trailingBlocks(text);
  let sawCode = false;
  for (const { open, bodyEnd } of blocks) {
    const newline = text.indexOf('\n', open);
    const info = newline < 0 || newline > bodyEnd ? '' : text.slice(open + 3, newline).trim();
    const body = text.slice(newline < 0 ? open + 3 : newline + 1, bodyEnd);
    if (CODE_INFO.test(info)) {
      const lastLine = body.trimEnd().split('\n').pop() ?? '';
      if (showsResult(body) || ASSIGNS_NUMBER_LAST.test(lastLine)) return undefined;
      sawCode = true;
    } else if (/\d/.test(text.slice(open + 3, bodyEnd))) return undefined;
  }
  const start = blocks[blocks.length - 1]?.open;
  if (start === undefined || !sawCode) return undefined;
  return start;
}

/**
 * Whether the prose before the code (`prose`, its last number ending at `numberEnd`) states that
 * number as a computed result and stands by it up to the code.
 */
export function statesComputedResult(prose: string, numberEnd: number, numberText: string): boolean {
  const numberStart = prose.lastIndexOf(numberText, numberEnd);
  if (numberStart < 0) return false;
  const before = prose.slice(Math.max(0, numberStart - 12), numberStart);
  if (!COMPUTED_BEFORE.test(before)) return false;
  // The side the value is computed from: numbers and operators from a number on, no variable
  // (`42 \text{ dollars/day} \times 7 = 294` is a computation; in `2x + 3 = 13` the arithmetic
  // starts at an operator, after the variable).
  const equals = prose.lastIndexOf('=', numberStart);
  const side = ARITHMETIC_BEFORE.exec(prose.slice(Math.max(0, equals - 80), equals))?.[0].trim() ?? '';
  return /^[$(]*\d/.test(side) && OPERATOR.test(side) && !DOUBTED.test(prose.slice(numberEnd));
}
