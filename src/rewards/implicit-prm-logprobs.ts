import type { Completion } from '../models/index.js';
import type { OffsetLogprob } from './implicit-prm-math.js';

/**
 * The log-probability of every token of `text` from a completions reply to it: from the echoed
 * legacy logprobs (`tokens`, `token_logprobs`, `text_offset`) when present, else from vLLM's
 * `prompt_logprobs` (the entry of `prompt_token_ids[i]`, offsets from the decoded tokens).
 * Offsets are made relative to `text` (a leading special token such as BOS is skipped).
 */
export function sequenceLogprobs(
  reply: Completion,
  text: string,
): { tokens: OffsetLogprob[] } | { problem: string } {
  const choice = reply.choices[0];
  if (choice === undefined) return { problem: 'the reply has no choice' };
  const echoed = choice.logprobs;
  if (echoed != null && echoed.tokens.length > 0 && echoed.tokens.length === echoed.token_logprobs.length) {
    return align(
      echoed.tokens.map((token, index) => ({
        text: token,
        offset: echoed.text_offset?.[index] ?? -1,
        logprob: echoed.token_logprobs[index] ?? null,
      })),
      text,
    );
  }
  const entries = choice.prompt_logprobs;
  if (entries != null && entries.length > 0) {
    const ids = choice.prompt_token_ids;
    const tokens: OffsetLogprob[] = [];
    for (const [index, entry] of entries.entries()) {
      if (entry === null) {
        tokens.push({ text: '', offset: -1, logprob: null });
        continue;
      }
      const id = ids?.[index];
      const chosen =
        id !== undefined && id !== null
          ? entry[String(id)]
          : Object.keys(entry).length === 1
            ? Object.values(entry)[0]
            : undefined;
      if (chosen === undefined)
        return {
          problem: `prompt_logprobs[${index}] does not say which entry is the prompt token (ask with return_token_ids)`,
        };
      tokens.push({ text: chosen.decoded_token ?? '', offset: -1, logprob: chosen.logprob });
    }
    // The first entry is null (nothing to condition on), so its text is unknown: it is whatever
    // precedes what the other tokens spell (nothing when it is a BOS token).
    const rest = tokens
      .slice(1)
      .map((token) => token.text)
      .join('');
    if (!text.endsWith(rest))
      return { problem: 'the prompt_logprobs tokens do not spell the text that was sent' };
    let cursor = 0;
    const placed = tokens.map((token, index) => {
      const tokenText = index === 0 ? text.slice(0, text.length - rest.length) : token.text;
      const offset = cursor;
      cursor += tokenText.length;
      return { ...token, text: tokenText, offset };
    });
    return { tokens: placed.filter((token) => token.text !== '') };
  }
  return { problem: 'the reply has neither echoed logprobs nor prompt_logprobs' };
}

/**
 * Trusts `text_offset` when every token sits at its offset in `text`; otherwise recomputes
 * offsets from the token texts, skipping what precedes `text` (BOS and other special tokens).
 */
function align(tokens: OffsetLogprob[], text: string): { tokens: OffsetLogprob[] } | { problem: string } {
  const inText = tokens.filter((token) => token.offset < text.length);
  const given = inText.every((token) => token.offset >= 0 && text.startsWith(token.text, token.offset));
  if (given && inText.length > 0) return { tokens: inText };
  const joined = tokens.map((token) => token.text).join('');
  const shift = joined.indexOf(text);
  if (shift === -1) return { problem: 'the tokens of the reply do not spell the text that was sent' };
  let cursor = -shift;
  const aligned: OffsetLogprob[] = [];
  for (const token of tokens) {
    if (cursor >= 0 && cursor < text.length) aligned.push({ ...token, offset: cursor });
    cursor += token.text.length;
  }
  return { tokens: aligned };
}
