import { mayHoldCountingNotation, rewriteCountingNotation } from './counting-notation.js';
import { eNotationAsPowers } from './e-notation-literal.js';
import { runGuardedCas, startGuardedCas } from './guarded-cas.js';
import { LruCache } from './lru-cache.js';
import { parseLatexFast } from './parse-latex-fast.js';
import { mayBePlainTextMath, plainTextMathAsLatex } from './plain-text-math.js';
import type { MathJson } from './value.js';

/** Longest wait for compute-engine to parse one answer. */
const CAS_PARSE_MS = 3_000;

const parsed = new LruCache<string, MathJson | null>(4_096);

/** Heads compute-engine uses to mark what it could not read. */
const ERROR_HEADS = new Set(['Error', 'LatexString', 'ErrorCode']);

function hasError(json: MathJson, budget: { nodes: number }): boolean {
  budget.nodes--;
  if (budget.nodes < 0) return true;
  if (Array.isArray(json)) {
    if (typeof json[0] === 'string' && ERROR_HEADS.has(json[0])) return true;
    return json.some((child) => hasError(child, budget));
  }
  return false;
}

/** Sentences are not formulas: two words of letters outside any LaTeX command. */
function isProse(latex: string): boolean {
  return /[A-Za-z]{3,}[\s,.]+[A-Za-z]{2,}/.test(latex.replace(/\\[A-Za-z]+/g, ' '));
}

/** A number in e-notation with an exponent of five digits or more. */
const HUGE_EXPONENT_LITERAL = /\d\s*[eE]\s*[-+]?\d{5}/;

/**
 * Brackets opened and never closed beyond which compute-engine is not asked: its parser tries each
 * reading of an unclosed bracket, so every one more doubles its time (`\sin(\sin(\sin(x` 61 ms,
 * four 196 ms, six over its 3 s budget; a red team of stop 42). Text with three brackets or
 * more left open is no formula anyway.
 */
const MAX_UNCLOSED_BRACKETS = 2;

/**
 * Four signs in a row (`18----`, `+ - + -`): no formula either, and compute-engine's parser tries
 * each reading of a sign left without its operand (16 of them after a number took 0.7 s, 30 its 3 s
 * budget: the second red team of stop 42, once a run of dashes was shortened to 64).
 */
const SIGN_RUN = /[-+](?:\s*[-+]){3}/;

/** Opening brackets (round, square, curly) minus closing ones. */
function unclosedBrackets(latex: string): number {
  let open = 0;
  for (let index = 0; index < latex.length; index++) {
    const code = latex.charCodeAt(index);
    if (code === 40 || code === 91 || code === 123) open++;
    else if (code === 41 || code === 93 || code === 125) open--;
  }
  return open;
}

/** Longest LaTeX string handed to compute-engine. */
export const MAX_LATEX_CHARS = 600;
/** Largest expression tree accepted (nodes); bigger answers are not real final answers. */
export const MAX_EXPRESSION_NODES = 400;

/**
 * Parses LaTeX to MathJSON: the common subset with the fast parser, the rest with compute-engine
 * in its guarded worker (without canonicalization, which may evaluate or reorder); the numeric
 * evaluator and compare read the raw forms. Returns undefined when the
 * text does not parse cleanly. Results are cached (LRU).
 */
export function parseLatex(latex: string): MathJson | undefined {
  if (latex.length > MAX_LATEX_CHARS) return undefined;
  const cached = parsed.get(latex);
  if (cached !== undefined) return cached ?? undefined;
  // `C(10, 3)`, `C_{10}^{3}`, `{}^{10}C_{3}`: binomial coefficients and permutations by value;
  // `pi/2`, `-1 + exp(16)`, `sqrt(2)`: plain-text math as LaTeX.
  let rewritten = mayHoldCountingNotation(latex) ? rewriteCountingNotation(latex) : latex;
  if (mayBePlainTextMath(rewritten)) rewritten = plainTextMathAsLatex(rewritten);
  // `1E-50*x`: a power of ten, read exactly (compute-engine chops it to 0: e-notation-literal.ts).
  rewritten = eNotationAsPowers(rewritten);
  if (rewritten !== latex) {
    const json = parseLatex(rewritten);
    parsed.set(latex, json ?? null);
    return json;
  }
  // The first LaTeX seen starts compute-engine's worker in the background (it loads on the other
  // core while answers the fast parser reads go on); plain-number workloads never start it.
  startGuardedCas();
  const fast = parseLatexFast(latex);
  if (fast !== undefined) {
    parsed.set(latex, fast);
    return fast;
  }
  // Prose, a literal whose exponent is beyond any exact reading (`2e999999`: compute-engine
  // spends about 0.4 s building it, and a hostile client could send one per sample), brackets
  // left open, or a run of signs.
  if (
    isProse(latex) ||
    HUGE_EXPONENT_LITERAL.test(latex) ||
    unclosedBrackets(latex) > MAX_UNCLOSED_BRACKETS ||
    SIGN_RUN.test(latex)
  ) {
    parsed.set(latex, null);
    return undefined;
  }
  // The rest goes to compute-engine, in its guarded worker; a parse that fails or overruns is
  // "not parsed" (and an overrun is not cached: it may be the machine, not the answer).
  const answer = runGuardedCas({ op: 'parse', latex }, CAS_PARSE_MS);
  if (!answer.ok && answer.reason === 'timeout') return undefined;
  const candidate = answer.ok ? (answer.value as MathJson) : null;
  const json = candidate === null || hasError(candidate, { nodes: MAX_EXPRESSION_NODES }) ? null : candidate;
  parsed.set(latex, json);
  return json ?? undefined;
}
