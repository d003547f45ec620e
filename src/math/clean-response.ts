import { replyAfterPrompt, stripChatTokens } from './chat-tokens.js';
import { dashesAsMinus, mayHoldDashMinus } from './dash-minus.js';
import { withoutDegenerateRuns } from './degenerate-runs.js';
import { MAX_SCANNED_CHARS } from './extraction.js';
import { repairEscapedCommands } from './normalize.js';

/**
 * Repairs transport damage before extraction: a unicode minus (U+2212, same length) becomes `-`,
 * JSON-escaped commands (`\\boxed{...}`, `\\frac`) get one backslash back, chat-template tokens
 * end the response.
 */

/** One scan that tells whether any repair may apply (the common response needs none). */
const MAY_NEED_REPAIR = /\u2212|<\||<\/?s>|<eo[ase]>|<｜|_of_turn>|INST\]|\\\\[A-Za-z]/;

/** MAY_NEED_REPAIR, after single-character searches (each of its patterns holds one of them). */
function mayNeedRepair(text: string): boolean {
  return (
    (text.includes('\\') ||
      text.includes('|') ||
      text.includes('_') ||
      text.includes(']') ||
      text.includes('s>') ||
      text.includes('<eo') ||
      text.includes('｜') ||
      text.includes('\u2212')) &&
    MAY_NEED_REPAIR.test(text)
  );
}

/** The response as the extractors read it (positions of an `Extraction` refer to this text). */
export function cleanResponse(response: string): string {
  // The verifier asks again for the text it extracted from (one-entry memo, as `mentionsAnswer`).
  if (response === lastCleaned.input) return lastCleaned.output;
  lastCleaned.input = response;
  lastCleaned.output = cleanedText(response);
  return lastCleaned.output;
}
const lastCleaned = { input: '', output: '' };

/** `\box{`, not `\boxed{` (`\box` followed by a brace), nor a line break `\\` before the word box. */
const BOX_ALIAS = /(?<!\\)\\box\{/g;

function cleanedText(response: string): string {
  // The reply of an echoed prompt, found in the whole text (its opening may lie before the tail).
  // Runs of a looping policy shortened first, so that no extraction scans them (degenerate-runs.ts).
  const reply = replyAfterPrompt(withoutDegenerateRuns(response));
  const tail = reply.length > MAX_SCANNED_CHARS ? reply.slice(-MAX_SCANNED_CHARS) : reply;
  const dashed = mayHoldDashMinus(tail) ? dashesAsMinus(tail) : tail;
  // `\box{39}`: a box written with a command LaTeX has for something else (graders' round 15:
  // vegaction/nanorllm's reward reads it as `\boxed`, as a reader does).
  const signed = dashed.includes('\\box{') ? dashed.replace(BOX_ALIAS, '\\boxed{') : dashed;
  if (!mayNeedRepair(signed)) return signed;
  const text = stripChatTokens(signed.includes('\u2212') ? signed.replace(/\u2212/g, '-') : signed);
  return repairEscapedCommands(text);
}
