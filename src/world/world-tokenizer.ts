/** A world token: its text and where it starts in the text it came from. */
export interface WorldToken {
  text: string;
  offset: number;
}

const TOKEN = /\d|[A-Za-z_]+|[^\S\n]+|\n|[^\sA-Za-z\d]/g;

/**
 * The world's tokenizer: every digit is a token (as in Llama/Qwen tokenizers), words, runs of
 * spaces, newlines and single symbols are tokens. Deterministic and total: the tokens'
 * texts concatenate back to the input.
 */
export function tokenize(text: string, baseOffset = 0): WorldToken[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    offset: baseOffset + (match.index ?? 0),
  }));
}

/** A stable token id (FNV-1a of the text, within a 2^20 vocabulary), for `prompt_logprobs` keys. */
export function tokenId(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 1_048_576;
}
