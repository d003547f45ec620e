/**
 * What a discriminative PRM expects, per model family (the model cards' formats):
 * - `qwen2.5-math-prm` (Qwen/Qwen2.5-Math-PRM-7B/72B): chat messages, system prompt
 *   "Please reason step by step, and put your final answer within \boxed{}.", the assistant turn
 *   is the steps joined by `<extra_0>` with a trailing `<extra_0>`; vLLM STEP pooling returns one
 *   row per `<extra_0>`, `[p(label 0), p(label 1)]`, label 1 = correct.
 * - `math-shepherd` (peiyi9979/math-shepherd-mistral-7b-prm): text `question` + " " + steps each
 *   followed by " ки", joined by "\n"; served with STEP pooling, `step_tag_id` = `ки` and
 *   `returned_token_ids` = [`+`, `-`], so a row is `[p(+), p(-)]`, `+` = correct.
 */
export const PRM_PRESETS = {
  'qwen2.5-math-prm': {
    input: 'messages',
    system_prompt: 'Please reason step by step, and put your final answer within \\boxed{}.',
    text_template: '{question}\n\n{steps}',
    step_tag: '<extra_0>',
    step_join: '',
    positive_index: 1,
  },
  'math-shepherd': {
    input: 'text',
    system_prompt: '',
    text_template: '{question} {steps}',
    step_tag: ' ки',
    step_join: '\n',
    positive_index: 0,
  },
} as const;

export type PrmPresetName = keyof typeof PRM_PRESETS;
