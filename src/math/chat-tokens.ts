/**
 * Chat-template special tokens in model output. A response that runs past its end-of-turn token
 * (`<|im_end|>`, `<|eot_id|>`, `</s>` ...) often continues with a hallucinated next turn
 * ("<|im_start|>user\nNow solve ..."); the model's answer is what comes before. Tokens that do not
 * end a turn (`<|im_start|>assistant` at the very start, `<s>`) are removed.
 */

/**
 * Tokens that end the assistant's turn in the common chat templates (ChatML, Llama 3, Mistral, Gemma,
 * Phi, DeepSeek's fullwidth `<｜end▁of▁sentence｜>` and role tokens), and `<eoa>`, the end of the
 * answer in GAOKAO-Bench's answer format (`【解析】...<eoe>\n【答案】A<eoa>`).
 */
const END_OF_TURN =
  /<eoa>|<\|im_end\|>|<\|eot_id\|>|<\|END_OF_TURN_TOKEN\|>|<\|eom_id\|>|<\|end_of_text\|>|<\|endoftext\|>|<\|end\|>|<end_of_turn>|<eos>|<\/s>|<\|im_start\|>|<\|start_header_id\|>|\[INST\]|<｜end▁of▁sentence｜>|<｜(?:User|Assistant)｜>/;

/**
 * Any remaining special token: `<|...|>`, `<s>`, `<start_of_turn>model`, `[/INST]`, GAOKAO-Bench's
 * `<eoe>` (the end of the explanation, before its answer).
 */
const SPECIAL_TOKEN =
  /<\|[A-Za-z_]{1,30}\|>|<\/?s>|<eo[se]>|<(?:start|end)_of_turn>(?:model|user)?|\[\/?INST\]|<｜[^｜\n]{1,30}｜>/g;

const QUICK_CHECK = /<\||<\/?s>|<eo[ase]>|_of_turn>|INST\]|<｜/;

/** What may stand before a template's first turn: spaces and a begin-of-sequence token (Gemma's `<bos>` too). */
const BEFORE_FIRST_TURN = String.raw`^\s*(?:(?:<s>|<bos>|<\|begin_of_text\|>|<｜begin▁of▁sentence｜>)\s*)?`;

/**
 * Per chat template, the user (or system) turn that opens a text when a decoder returned the whole
 * sequence, its prompt included (`<｜User｜>question<｜Assistant｜><think>...`, ChatML, Llama 3,
 * `[INST] ... [/INST]`, Gemma, Phi), and the token that opens the assistant's turn in the same
 * template (another template's token inside the prompt is text).
 */
const TEMPLATES: readonly { user: RegExp; assistant: RegExp }[] = [
  { user: new RegExp(`${BEFORE_FIRST_TURN}<｜User｜>`, 'i'), assistant: /<｜Assistant｜>/i },
  {
    user: new RegExp(`${BEFORE_FIRST_TURN}<\\|im_start\\|>[ \\t]*(?:system|user)\\b`, 'i'),
    assistant: /<\|im_start\|>[ \t]*assistant\b/i,
  },
  {
    user: new RegExp(
      `${BEFORE_FIRST_TURN}<\\|start_header_id\\|>[ \\t]*(?:system|user)[ \\t]*<\\|end_header_id\\|>`,
      'i',
    ),
    assistant: /<\|start_header_id\|>[ \t]*assistant[ \t]*<\|end_header_id\|>/i,
  },
  { user: new RegExp(`${BEFORE_FIRST_TURN}\\[INST\\]`, 'i'), assistant: /\[\/INST\]/i },
  { user: new RegExp(`${BEFORE_FIRST_TURN}<start_of_turn>user`, 'i'), assistant: /<start_of_turn>model/i },
  { user: new RegExp(`${BEFORE_FIRST_TURN}<\\|(?:system|user)\\|>`, 'i'), assistant: /<\|assistant\|>/i },
];

/**
 * The reply of a text that opens with the user's turn: what follows the first assistant token of
 * the same template (the question's numbers are no answer; an empty reply answers nothing). The
 * text itself when it opens with no user turn or no assistant token follows: a model also writes a
 * template's tokens before its own solution (`[INST] <<SYS>>\n...`, Omni-MATH's GPT-4o outputs).
 * Each pattern is anchored at the start; the whole text is searched once, for one token. Role
 * words in any letter case.
 */
export function replyAfterPrompt(text: string): string {
  const first = text.trimStart().charCodeAt(0);
  if (first !== 60 && first !== 91) return text; // `<`, `[`
  for (const { user, assistant } of TEMPLATES) {
    const opening = user.exec(text);
    if (opening === null) continue;
    const prompt = opening.index + opening[0].length;
    const reply = assistant.exec(text.slice(prompt));
    if (reply === null) return text;
    return text.slice(prompt + reply.index + reply[0].length);
  }
  return text;
}

/** A decoded sequence whose special tokens were skipped: its first line a role word alone. */
const BARE_USER_TURN = /^\s*(?:system|user)[ \t]*\r?\n/;
/** A next user turn opened by its role word alone on its line. */
const BARE_NEXT_USER_TURN = /\n[ \t]*user[ \t]*\r?\n/;
/** Llama 3's default system turn, decoded without its header tokens. */
const LLAMA_3_SYSTEM = /^\s*system\n\nCutting Knowledge Date:/;
/** The assistant's role word alone on its line (Gemma's `model`, ChatML's `assistant`). */
const BARE_ASSISTANT_TURN = /\n[ \t]*(?:model|assistant)[ \t]*\r?\n/;

/**
 * The reply of a whole sequence decoded with its special tokens skipped (`user\nQuestion: ...\nmodel\n
 * Here's how ...`, a Gemma run stored so: real outputs round 26): what follows the first line that
 * is only the assistant's role word, after a first line that is only `user` or `system`. The text
 * itself otherwise.
 */
export function replyAfterBarePrompt(text: string): string {
  if (!BARE_USER_TURN.test(text)) return text;
  const reply = BARE_ASSISTANT_TURN.exec(text);
  if (reply !== null) {
    // The reply ends where a next user turn opens (a model that runs on into one: the red team of stop 46).
    const rest = text.slice(reply.index + reply[0].length);
    const next = BARE_NEXT_USER_TURN.exec(rest);
    return next === null ? rest : rest.slice(0, next.index);
  }
  // Llama 3's headers leave their role words glued to the turn before: `...\boxed{}.user\n\nQuestion:
  // ...?assistant\n\n`. Only after its default system prompt, whose first words say which template it is.
  if (!LLAMA_3_SYSTEM.test(text)) return text;
  const user = text.indexOf('user\n\n');
  const assistant = user < 0 ? -1 : text.indexOf('assistant\n\n', user);
  return assistant < 0 ? text : text.slice(assistant + 'assistant\n\n'.length);
}

/**
 * A prompt's instruction to box the answer, its box left empty ("Please reason step by step, and put
 * your final answer within \boxed{}."), to its closing marks: no model writes it as its own words,
 * so the text up to it is an echoed prompt (real outputs round 29: persistent-sampling's MATH-500
 * responses open with the problem and this line, no chat token between).
 */
const BOX_INSTRUCTION =
  /\b(?:put|write|place|give|present|enclose)\s+your\s+final\s+answer\s+(?:with)?in(?:side|to)?\s+\$?\\boxed\s*\{\s*\}\$?(?!\s*:)[.?!]*/i;

/** An answer given before the words (a box filled, "The answer is", `Answer:`, `####`, an answer tag): then they echo no prompt. */
const ANSWER_STATED = /\\f?box(?:ed)?\s*\{\s*[^\s}]|\banswer\s*(?:is\b|[:=])|####|<answer>/i;

/**
 * The text after an echoed prompt's instruction to box the answer (BOX_INSTRUCTION), or the text
 * itself. Only "your final answer", not before a colon, and only with no answer given before it: a
 * model that writes "we need to write the final answer in \boxed{}." after its boxed answer echoes
 * nothing (real outputs round 30, CMCTS's tree-search paths; "The answer is 6. Present your final
 * answer within \boxed{}. Verify: 3+4 = 7." read 7 in stop 47's second red team).
 */
export function replyAfterEchoedInstruction(text: string): string {
  // One `indexOf` on the common path (most responses hold no `boxed` at all).
  if (!text.includes('boxed') || (!text.includes('boxed{}') && !/boxed\s*\{\s+\}/.test(text))) return text;
  const instruction = BOX_INSTRUCTION.exec(text);
  if (instruction === null || ANSWER_STATED.test(text.slice(0, instruction.index))) return text;
  return text.slice(instruction.index + instruction[0].length);
}

/**
 * The reply of a response that echoes its prompt, with or without the template's tokens
 * (replyAfterPrompt, replyAfterBarePrompt), or with none but the prompt's instruction to box the
 * answer (replyAfterEchoedInstruction): read before anything looks for a new problem, as the
 * prompt's own "Question:" is none.
 */
export function replyAfterEchoedPrompt(text: string): string {
  const reply = replyAfterPrompt(text);
  if (reply !== text) return reply;
  const bare = replyAfterBarePrompt(text);
  return bare === text ? replyAfterEchoedInstruction(text) : bare;
}

/**
 * The response up to its first end-of-turn token (when something precedes it), with any other
 * special token removed (a prompt echoed before the reply is cut first: replyAfterPrompt). Text
 * without such tokens is returned unchanged (the common case, one regex test).
 */
export function stripChatTokens(text: string): string {
  if (!QUICK_CHECK.test(text)) return text;
  let content = text;
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
