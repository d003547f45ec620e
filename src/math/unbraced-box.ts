/**
 * `\boxed 35` written without braces. TeX boxes one token (the `3`), but a model that writes it
 * means the number that follows: reading one digit of it would turn a right answer into another
 * number. So the argument of an unbraced `\boxed`/`\fbox` is the whole number right after it
 * (digits, a sign, a decimal part; `\boxed -12.5`), and nothing else changes: a letter or a command
 * stays one token (`\boxed A`, `\boxed\pi`), and a braced box is read as always.
 */
const UNBRACED_NUMBER = /^ *(-? ?\d+(?:\.\d+)?)(?![\d.]\d)/;

/** The number an unbraced box holds, from `index` (just after the command), or undefined. */
export function unbracedBoxNumber(text: string, index: number): { content: string; end: number } | undefined {
  const code = text.charCodeAt(index);
  // Only after a space or a digit or a sign: `\boxed{` and `\boxed\pi` are not for this rule.
  if (code !== 32 && code !== 45 && !(code >= 48 && code <= 57)) return undefined;
  const match = UNBRACED_NUMBER.exec(text.slice(index, index + 64));
  if (match === null) return undefined;
  return { content: (match[1] as string).replace(' ', ''), end: index + match[0].length };
}
