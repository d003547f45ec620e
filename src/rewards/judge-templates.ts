/**
 * The judge's default templates, as data. Placeholders: {question} {response} {reference}
 * {scale_min} {scale_max} {criteria} {response_a} {response_b} {paragraphs}. A spec may replace
 * any of them with `options.template`; the reply pattern must then match what it asks for.
 */
export const JUDGE_TEMPLATES = {
  pointwise: [
    'Please act as an impartial judge and evaluate the response to the question below.',
    'Check whether its reasoning and its final answer are correct, then rate it on a scale of {scale_min} to {scale_max}.',
    '',
    '[Question]',
    '{question}',
    '',
    '<response>',
    '{response}',
    '</response>',
    '',
    'Give a short explanation, then your rating in exactly this form: Rating: [[N]]',
  ].join('\n'),
  reference: [
    'Please act as an impartial judge and evaluate the response to the question below against the reference answer.',
    'Check whether its final answer agrees with the reference, then rate it on a scale of {scale_min} to {scale_max}.',
    '',
    '[Question]',
    '{question}',
    '',
    '[Reference Answer]',
    '{reference}',
    '',
    '<response>',
    '{response}',
    '</response>',
    '',
    'Give a short explanation, then your rating in exactly this form: Rating: [[N]]',
  ].join('\n'),
  rubric: [
    'Please act as an impartial judge and grade the response to the question below on each criterion.',
    '',
    '[Question]',
    '{question}',
    '',
    '<response>',
    '{response}',
    '</response>',
    '',
    '<criteria>',
    '{criteria}',
    '</criteria>',
    '',
    'For each criterion write one line `name: [[N]]`, N on a scale of {scale_min} to {scale_max}.',
  ].join('\n'),
  pairwise: [
    'Please act as an impartial judge and decide which of the two responses answers the question better.',
    'Judge correctness first; do not let length or position sway you.',
    '',
    '[Question]',
    '{question}',
    '',
    '<response_a>',
    '{response_a}',
    '</response_a>',
    '',
    '<response_b>',
    '{response_b}',
    '</response_b>',
    '',
    'After a short explanation, output your final verdict: [[A]] if A is better, [[B]] if B is better, [[C]] for a tie.',
  ].join('\n'),
  /** ProcessBench's critique template (Zheng et al., 2024), asking for the earliest wrong paragraph. */
  processbench: [
    'The following is a math problem and a solution (split into paragraphs, enclosed with tags and indexed from 0):',
    '',
    '[Math Problem]',
    '',
    '{question}',
    '',
    '[Solution]',
    '',
    '{paragraphs}',
    '',
    'Your task is to review and critique the solution paragraph by paragraph. Once you identify an error in a paragraph, return the index of the paragraph where the earliest error occurs. Otherwise, return the index of -1 (which typically denotes "not found").',
    '',
    'Please put your final answer (i.e., the index) in \\boxed{}.',
  ].join('\n'),
} as const;

/** The default reply patterns (RE2 syntax, one capture group), by mode. */
export const JUDGE_PATTERNS = {
  pointwise: '(?i)rating:\\s*\\[\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\]\\]',
  pairwise: '\\[\\[\\s*([ABC])\\s*\\]\\]',
  processbench: '\\\\boxed\\{\\s*(-?\\d+)\\s*\\}',
} as const;

/** Paragraphs in ProcessBench's tagged form: `<paragraph_i>\n...\n</paragraph_i>`, blank-line separated. */
export function taggedParagraphs(steps: readonly string[]): string {
  return steps.map((step, index) => `<paragraph_${index}>\n${step}\n</paragraph_${index}>`).join('\n\n');
}

/** Rubric criteria as the template lists them: `- name (weight w): description`. */
export function criteriaList(
  criteria: readonly { name: string; weight: number; description: string }[],
): string {
  return criteria
    .map((criterion) => `- ${criterion.name} (weight ${criterion.weight}): ${criterion.description}`)
    .join('\n');
}
