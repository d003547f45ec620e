/**
 * A response that ends in code whose result it never shows: fenced blocks of code (```` ```python
 * ... ``` ````), perhaps with output blocks that printed no number, and nothing after them. Models
 * trained to check their work by code (tool-integrated reasoning, common in RL rollouts of
 * Qwen2.5-Math) state a result in prose, then write code to verify it, and are cut off or get
 * text back from their tool. The code's numbers are its inputs and constants (`eggs_per_day / 12`,
 * `if i % 2 == 0`), not the answer: the last-number fallback reads the text before the code (a
 * real-outputs round of GRPO rollouts read 12 and 0 against results of 294 and 64 stated before).
 * An output block (or a block that names no language) that holds a number is what the code
 * computed, and is read as before; so is a response with no number before its code (a program as
 * the whole answer).
 */

/**
 * The info string of a block of code: a language. A block without one, or marked as output
 * (```` ```output ````), shows a result: a number in it is read as before.
 */
const CODE_INFO =
  /^(?:python3?|py|ipython|sympy|javascript|js|typescript|ts|java|c|cpp|c\+\+|csharp|go|rust|ruby|r|matlab|octave|julia|sql|bash|sh|shell|wolfram|mathematica|haskell|lean4?|sage)$/i;
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
 * response does not end in code without a printed number, or holds no digit before it.
 */
export function trailingCodeStart(text: string): number | undefined {
  if (!text.includes('```')) return undefined;
  const blocks = trailingBlocks(text);
  let sawCode = false;
  for (const { open, bodyEnd } of blocks) {
    const newline = text.indexOf('\n', open);
    const info = newline < 0 || newline > bodyEnd ? '' : text.slice(open + 3, newline).trim();
    if (CODE_INFO.test(info)) sawCode = true;
    else if (/\d/.test(text.slice(open + 3, bodyEnd))) return undefined;
  }
  const start = blocks[blocks.length - 1]?.open;
  if (start === undefined || !sawCode || !/\d/.test(text.slice(0, start))) return undefined;
  return start;
}
