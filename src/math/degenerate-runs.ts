/**
 * Long runs of one character, shortened before anything reads the text. A policy stuck in a loop
 * emits thousands of newlines, spaces, dots or stars, and many of the verifier's patterns look for
 * spaces or punctuation around a value: over a run of n such characters a pattern that may start
 * anywhere in it costs n^2 steps (30,000 spaces after "The answer is 5." took 8.7 s; a red team of
 * stop 42 with recheck's attack strings). A run says nothing more at 10,000 characters than at 64,
 * so a whitespace run longer than MAX_RUN becomes a paragraph break (it held a newline) or one
 * space, a run of one other symbol keeps MAX_RUN of them, and a unit of symbols repeated (`. . . `)
 * keeps MAX_REPEATS of its copies. Letters, digits (of any script) and brackets are never touched:
 * they carry the answer and its structure (nested braces stay for the parser to refuse). A run
 * keeps the parity of its length, so `$`, `*` and quotes pair up after it as they did before. Texts of
 * at most MIN_TEXT characters are returned as they are (their runs are too short to cost anything).
 * Applied where text enters: `verifyAnswer` (gold and response, before the stages that read the raw
 * response) and `cleanResponse` (every extraction, `extractAnswer` called alone included, as the
 * majority vote of src/search does).
 */

/** Longest run kept. */
const MAX_RUN = 64;
/** Shorter texts are not scanned: a run in them costs at most a few milliseconds. */
const MIN_TEXT = 1_000;
/** Most copies kept of a repeated unit of symbols. */
const MAX_REPEATS = 32;
// The counts below are MAX_RUN + 1, MAX_RUN and MAX_REPEATS, written as literals so that
// `npm run bench -- regex` audits these patterns (it reads literals, not patterns built at run time).
const LONG_WHITESPACE = /\s{65,}/g;
/** A run of one character that is no letter, digit, space or bracket (brackets carry the structure). */
const LONG_SYMBOL_RUN = /([^\p{L}\p{N}\s(){}[\]])\1{64,}/gu;
/** A unit of two to four characters, none a letter, a digit or a bracket, repeated more than MAX_REPEATS times (`. . . `). */
const LONG_PERIODIC_RUN = /([^\p{L}\p{N}(){}[\]]{2,4}?)\1{32,}/gu;

/** `text` with every run of whitespace or of one symbol shortened to at most MAX_RUN characters. */
export function withoutDegenerateRuns(text: string): string {
  if (text.length <= MIN_TEXT) return text;
  return text
    .replace(LONG_WHITESPACE, (run) => (run.includes('\n') ? '\n\n' : ' '))
    .replace(LONG_SYMBOL_RUN, (run) => run.slice(0, MAX_RUN + ((run.length - MAX_RUN) % 2)))
    .replace(LONG_PERIODIC_RUN, (run, unit: string) =>
      unit.repeat(MAX_REPEATS + ((run.length / unit.length - MAX_REPEATS) % 2)),
    );
}
