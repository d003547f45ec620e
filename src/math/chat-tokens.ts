/**
 * Chat-template special tokens in model output. A response that runs past its end-of-turn token
 * (`<|im_end|>`, `<|eot_id|>`, `</s>` ...) often continues with a hallucinated next turn
 * ("<|im_start|>user\nNow solve ..."); the model's answer is what comes before. Tokens that do not
 * end a turn (`<|im_start|>assistant` at the very start, `<s>`) are removed.
 */

/**
 * Tokens that end the assistant's turn in the common chat templates (ChatML, Llama 3, Mistral, Gemma,
 * Phi, DeepSeek's fullwidth `<｜end▁of▁sentence｜>` and role tokens).
 */
const END_OF_TURN =
  /<\|im_end\|>|<\|eot_id\|>|<\|END_OF_TURN_TOKEN\|>|<\|eom_id\|>|<\|end_of_text\|>|<\|endoftext\|>|<\|end\|>|<end_of_turn>|<eos>|<\/s>|<\|im_start\|>|<\|start_header_id\|>|\[INST\]|<｜end▁of▁sentence｜>|<｜(?:User|Assistant)｜>/;

/** Any remaining special token: `<|...|>`, `<s>`, `<start_of_turn>model`, `[/INST]`. */
const SPECIAL_TOKEN =
  /<\|[A-Za-z_]{1,30}\|>|<\/?s>|<eos>|<(?:start|end)_of_turn>(?:model|user)?|\[\/?INST\]|<｜[^｜\n]{1,30}｜>/g;

const QUICK_CHECK = /<\||<\/?s>|<eos>|_of_turn>|INST\]|<｜/;

/**
 * A user (or system) turn that opens the text: a decoder returned the whole sequence, its prompt
 * included (`<｜User｜>question<｜Assistant｜><think>...`, `<|im_start|>user\n...<|im_end|>
 * <|im_start|>assistant\n...`, `[INST] ... [/INST]`). The question's numbers are no answer.
 */
const OPENING_USER_TURN =
  /^\s*(?:<s>|<\|begin_of_text\|>|<｜begin▁of▁sentence｜>)?\s*(?:<｜User｜>|<\|im_start\|>\s*(?:system|user)\b|<\|start_header_id\|>\s*(?:system|user)\s*<\|end_header_id\|>|\[INST\]|<start_of_turn>user|<\|(?:system|user)\|>)/;
/** The token that opens the assistant's turn, in the same templates. */
const ASSISTANT_TURN =
  /<｜Assistant｜>|<\|im_start\|>\s*assistant\b|<\|start_header_id\|>\s*assistant\s*<\|end_header_id\|>|\[\/INST\]|<start_of_turn>model|<\|assistant\|>/;

/**
 * The response up to its first end-of-turn token (when something precedes it), read from the
 * assistant's turn when the text opens with the user's, with any other special token removed. Text without such tokens is returned unchanged (the common case, one
 * regex test).
 */
export function stripChatTokens(text: string): string {
  if (!QUICK_CHECK.test(text)) return text;
  let content = text;
  if (OPENING_USER_TURN.test(content)) {
    // The reply starts after the first assistant token. Without one the text is read as before: a
    // model also writes a stray `[INST] <<SYS>>` before its own solution (Omni-MATH's GPT-4o outputs).
    const reply = ASSISTANT_TURN.exec(content);
    if (reply !== null) content = content.slice(reply.index + reply[0].length);
  }
  for (let count = 0; count < 4; count++) {
    const end = END_OF_TURN.exec(content);
    if (end === null) break;
    const before = content.slice(0, end.index);
    if (before.replace(SPECIAL_TOKEN, '').trim() !== '') {
      content = before;
      break;
    }
    // A token at the very start (`<|im_start|>assistant\n...`): drop it and its role word.
    content = content.slice(end.index + end[0].length).replace(/^(?:assistant|model)\b/, '');
  }
  return content.replace(SPECIAL_TOKEN, ' ');
}
