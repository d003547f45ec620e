import { parseNumberWords } from './number-words.js';
import type { MathValue } from './value.js';

/**
 * A formula the parser could not read because of a command it does not know (`\floor(\sqrt{100})`,
 * `\ulcorner 3.5 \urcorner`, `\beginboxed{8}`): the value is text only because of that command,
 * no prose word (nor a letter beyond ASCII) is left outside commands, and the command acts on the
 * number: its argument holds it (a bracket or brace is left), or commands stand on both sides of it.
 * Its commands, else undefined.
 *
 * Such a value must not be read as prose: the prose rule takes a phrase's last number ("sixteen
 * (16)" is 16), which made `\floor(\sqrt{100})` score 1 against 100 and `\ceil(1.1)` against 1.1
 * (PRIME-RL/PRIME's latex2sympy tests, read as pairs by a helper). The number may still show a
 * hedge (`\overset{50}{40}`, `\lesssim 5` stay not equal); a match is undecidable instead.
 * Decoration and logic around a number leave it the answer (`\therefore 12`, `\Rightarrow 12`,
 * `12 \checkmark`, `\bf 12`, `\Large{12}`, `12 \qed`: red team of stop 24).
 */
export function unreadCommands(value: MathValue | undefined): string[] | undefined {
  if (value?.kind !== 'text' || !value.text.includes('\\')) return undefined;
  const undecorated = value.text.replace(DECORATION, ' ');
  const commands = undecorated.match(/\\[A-Za-z]+/g);
  if (commands === null) return undefined;
  const rest = undecorated.replace(/\\[A-Za-z]+/g, ' ');
  // A word of three letters, or any letter beyond ASCII (prose in another script: "每人 \frac{3}{7} 块").
  if (/[A-Za-z]{3,}|[^\x00-\x7f]/.test(rest)) return undefined;
  const first = undecorated.search(/\d/);
  const last = undecorated.length - 1 - [...undecorated].reverse().join('').search(/\d/);
  const enclosed =
    first >= 0 &&
    /\\[A-Za-z]/.test(undecorated.slice(0, first)) &&
    /\\[A-Za-z]/.test(undecorated.slice(last + 1));
  return enclosed || /[(){}[\]|]/.test(rest) ? [...new Set(commands)] : undefined;
}

/** Commands that decorate or introduce a value without changing it (size, weight, frames, logic, marks). */
const DECORATION =
  /\\(?:therefore|because|Rightarrow|Longrightarrow|implies|to|checkmark|qed|blacksquare|square|Box|bullet|star|hline|large|Large|LARGE|huge|Huge|small|normalsize|bf|it|rm|sf|tt|boldsymbol|bm|mathbf|mathrm|framebox|fbox|boxed|underline|emph|displaystyle|textstyle|quad|qquad|left|right)(?![A-Za-z])/g;

/** A whole answer that is a call of a named function: `round (4.6)`, `ceil(-\sqrt{5})`. */
const CALL = /^\s*-?\s*([A-Za-z]{3,})\s*\(/;

/**
 * The name of a function the whole answer applies (`\operatorname{round}(4.6)` is `round (4.6)`),
 * when it is no number word ("sixteen (16)" glosses a number): the value is that function of the
 * number inside, never that number. Else undefined.
 */
export function unreadCall(value: MathValue | undefined): string[] | undefined {
  if (value === undefined || (value.kind !== 'text' && value.kind !== 'expression')) return undefined;
  const call = CALL.exec(value.text);
  if (call === null || !value.text.trimEnd().endsWith(')')) return undefined;
  const name = call[1] as string;
  return parseNumberWords(name) === undefined ? [`${name}(...)`] : undefined;
}
