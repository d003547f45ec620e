/**
 * `\boxed 35` written without braces. TeX boxes one token (the `3`), but a model that writes it
 * means the number that follows: reading one digit of it would turn a right answer into another
 * number. So the argument of an unbraced `\boxed`/`\fbox` is the whole number right after it
 * (digits, a sign, a decimal part; `\boxed -12.5`, `\boxed .5`), and nothing else changes: a letter or a command
 * stays one token (`\boxed A`, `\boxed\pi`), and a braced box is read as always. A number that
 * the expression goes on from (`\boxed 1/2`, `\boxed 3\sqrt{2}`, `\boxed 2^{10}`, `\boxed 3x`,
 * `\boxed 12, 13`) is not the answer alone: the box holds the rest of its math span or line, so
 * its first number is never read as the answer (1 of 1/2, 3 of 3x).
 */
const UNBRACED_NUMBER = /^ *(-? ?(?:\d+(?:\.\d+)?|\.\d+))(?![\d.]\d)/;
/** What goes on from a number inside one expression: an operator, a command, a letter, a list. */
const CONTINUED = /^(?:\s*[/^_*×·+=]|[\\{(%A-Za-z]|\s*,\s*-?\d)/;
/** The rest of the math span or line: up to `$`, `\]`, `\)`, a line break or a sentence end. */
const REST_OF_SPAN = /^ *([^$\n]*?)\s*(?:\$|\\\]|\\\)|\n|\.\s|\.?$)/;

/** The number an unbraced box holds, from `index` (just after the command), or undefined. */
export function unbracedBoxNumber(text: string, index: number): { content: string; end: number } | undefined {
  const code = text.charCodeAt(index);
  // Only after a space, a digit, a sign or a decimal point: `\boxed{` and `\boxed\pi` are not for this rule.
  if (code !== 32 && code !== 45 && code !== 46 && !(code >= 48 && code <= 57)) return undefined;
  const match = UNBRACED_NUMBER.exec(text.slice(index, index + 64));
  if (match === null) return undefined;
  const end = index + match[0].length;
  if (CONTINUED.test(text.slice(end, end + 8))) {
    const span = REST_OF_SPAN.exec(text.slice(index, index + 200));
    const content = span?.[1]?.trim();
    return content ? { content, end: index + content.length + (span?.[0].indexOf(content) ?? 0) } : undefined;
  }
  return { content: (match[1] as string).replace(' ', ''), end };
}
