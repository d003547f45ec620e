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
  const text = value.text.replace(DECORATION, ' ');
  // A word of three letters, or any letter beyond ASCII (prose in another script: "每人 \frac{3}{7} 块").
  if (/[A-Za-z]{3,}|[^\x00-\x7f]/.test(text.replace(/\\[A-Za-z]+/g, ' '))) return undefined;
  const first = text.search(/\d/);
  if (first < 0) return undefined;
  const unknown: string[] = [];
  let actsOnNumber = false;
  let last = -1;
  for (let index = text.length - 1; index >= 0 && last < 0; index--)
    if (/\d/.test(text[index] as string)) last = index;
  let before = false;
  let after = false;
  for (const command of text.matchAll(/\\([A-Za-z]+)\s*([{(])?/g)) {
    if (KNOWN_COMMANDS.has(command[1] as string)) continue;
    unknown.push(`\\${command[1]}`);
    const at = command.index ?? 0;
    if (at < first) before = true;
    if (at > last) after = true;
    // Its argument holds a digit: `\floor(\sqrt{100})`, `\beginboxed{8}`.
    if (command[2] !== undefined && /\d/.test(text.slice(at, at + 200))) actsOnNumber = true;
  }
  if (unknown.length === 0) return undefined;
  return actsOnNumber || (before && after) ? [...new Set(unknown)] : undefined;
}

/** Commands that decorate, introduce or mark a value without changing it (size, weight, frames, logic, answer macros). */
const DECORATION =
  /\\(?:therefore|because|Rightarrow|Longrightarrow|implies|to|checkmark|qed|blacksquare|square|Box|bullet|star|hline|large|Large|LARGE|huge|Huge|small|normalsize|bf|it|rm|sf|tt|boldsymbol|bm|mathbf|mathrm|framebox|fbox|boxed|underline|emph|displaystyle|textstyle|quad|qquad|left|right|ans|answer|result|final|finalanswer)(?![A-Za-z])/g;

/** Commands the parsers read (a formula holding only these and decoration is not "unread" for them). */
const KNOWN_COMMANDS: ReadonlySet<string> = new Set(
  (
    'frac dfrac tfrac sqrt cdot times div pi pm mp infty ln log lg exp sin cos tan cot sec csc arcsin arccos arctan ' +
    'sinh cosh tanh binom choose mathbb text operatorname lfloor rfloor lceil rceil le leq ge geq ne neq lt gt circ ' +
    'degree cdots ldots dots vdots vert lvert rvert Vert mid alpha beta gamma delta epsilon varepsilon theta vartheta ' +
    'lambda mu nu xi rho sigma tau phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega i e ' +
    'sum prod int lim overline bar hat vec prime approx percent'
  ).split(' '),
);

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
