/**
 * Responses a hostile client or a reward-hacking policy can send to stall a training step: towers,
 * huge factorials and binomials, megabytes of digits, deep nesting, tens of thousands of boxes,
 * pathological runs for the regexes, huge matrices and sums. Each must end in bounded time with a
 * deterministic outcome (a verdict, or undecidable with its reason). Only the last 32,000
 * characters of a response are read, so a box at the start of a longer one is not seen (the
 * 10,000 nested roots and the 300 x 300 matrix are read by their last number). Used by
 * `test/math/hostile-inputs.test.ts` (outcomes) and `bench/math/hostile.ts` (per-pair time).
 */
export interface HostileInput {
  name: string;
  gold: string;
  response: string;
  /** The verdict the verifier must reach. */
  verdict: 'equal' | 'not_equal' | 'undecidable';
  /** The method (or budget) that decides it. */
  method: string;
}

const repeat = (text: string, count: number): string => text.repeat(count);
/** `count` pseudo-random digits after a 1. */
const digits = (count: number): string => {
  let text = '1';
  for (let index = 0; index < count; index++) text += String((index * 7 + 3) % 10);
  return text;
};

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'tower 10^{10^{10}}',
    gold: '5',
    response: '\\boxed{10^{10^{10}}}',
    verdict: 'not_equal',
    method: 'log-scale',
  },
  {
    name: 'tower 9^{9^{9^9}}',
    gold: '5',
    response: '\\boxed{9^{9^{9^9}}}',
    verdict: 'undecidable',
    method: 'numeric',
  },
  {
    name: '(10^{1000})!',
    gold: '5',
    response: '\\boxed{(10^{1000})!}',
    verdict: 'undecidable',
    method: 'numeric',
  },
  {
    name: 'binomial 10^9 choose 5*10^8',
    gold: '5',
    response: '\\boxed{\\binom{10^9}{5 \\cdot 10^8}}',
    verdict: 'not_equal',
    method: 'log-scale',
  },
  {
    name: '99999! against 99998! * 99999',
    gold: '99999!',
    response: '\\boxed{99998! \\cdot 99999}',
    verdict: 'equal',
    method: 'log-scale',
  },
  {
    name: '1 MB of digits in a box',
    gold: '5',
    response: `\\boxed{${digits(1_000_000)}}`,
    verdict: 'undecidable',
    method: 'parse',
  },
  {
    name: '1 MB of digits in prose',
    gold: '5',
    response: `The answer is ${digits(1_000_000)}.`,
    verdict: 'undecidable',
    method: 'parse',
  },
  {
    name: 'repeating decimal of 5,000 digits',
    gold: '\\frac{1}{7}',
    response: `\\boxed{0.\\overline{${digits(5000)}}}`,
    verdict: 'undecidable',
    method: 'parse',
  },
  {
    name: '10,000 nested braces',
    gold: '5',
    response: `\\boxed{${repeat('{', 10_000)}5${repeat('}', 10_000)}}`,
    verdict: 'undecidable',
    method: 'parse',
  },
  {
    name: '10,000 unclosed braces in a box',
    gold: '5',
    response: `\\boxed{${repeat('{', 10_000)}5`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: '50,000 unclosed \\boxed{',
    gold: '5',
    response: repeat('\\boxed{', 50_000),
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: '30,000 escaped \\\\boxed{',
    gold: '5',
    response: `${repeat('\\\\boxed{', 30_000)}5`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: '50,000 \\boxed{5}',
    gold: '5',
    response: repeat('\\boxed{5}', 50_000),
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '100,000 spaces before the answer',
    gold: '5',
    response: `The answer is${repeat(' ', 100_000)}5`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '100,000 "1, "',
    gold: '5',
    response: repeat('1, ', 100_000),
    verdict: 'not_equal',
    method: 'shape',
  },
  {
    name: '2,000 nested \\frac',
    gold: '5',
    response: `\\boxed{${repeat('\\frac{1}{', 2000)}2${repeat('}', 2000)}}`,
    verdict: 'undecidable',
    method: 'parse',
  },
  {
    name: '10,000 nested \\sqrt',
    gold: '5',
    response: `\\boxed{${repeat('\\sqrt{', 10_000)}2${repeat('}', 10_000)}}`,
    verdict: 'not_equal',
    method: 'number',
  },
  {
    name: '300 x 300 matrix',
    gold: '5',
    response: `\\boxed{\\begin{pmatrix}${Array.from({ length: 300 }, () => Array(300).fill('1').join(' & ')).join(' \\\\ ')}\\end{pmatrix}}`,
    verdict: 'not_equal',
    method: 'number',
  },
  {
    name: 'sum of 10^9 terms without closed form',
    gold: '5',
    response: '\\boxed{\\sum_{k=1}^{10^{9}} \\frac{1}{k}}',
    verdict: 'undecidable',
    method: 'bounds',
  },
  {
    name: 'product of 10^9 terms',
    gold: '5',
    response: '\\boxed{\\prod_{k=1}^{10^{9}} k}',
    verdict: 'undecidable',
    method: 'bounds',
  },
  {
    name: 'e-notation exponent 999999',
    gold: '5',
    response: '\\boxed{2e999999}',
    verdict: 'not_equal',
    method: 'text',
  },
  {
    name: '5 \\times 10^{99999999999}',
    gold: '5',
    response: '\\boxed{5 \\times 10^{99999999999}}',
    verdict: 'not_equal',
    method: 'log-scale',
  },
  {
    name: '20,000 unclosed <del>',
    gold: '5',
    response: `${repeat('<del>', 20_000)}5`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: '10,000 unclosed \\cancel{',
    gold: '5',
    response: `${repeat('\\cancel{', 10_000)}5`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: '30,000 hidden-attribute tags',
    gold: '5',
    response: `${repeat('<a hidden ', 30_000)}5`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '100,000 \\if0 without \\fi',
    gold: '5',
    response: `${repeat('\\if0 ', 100_000)}The answer is 5`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '4,500 condition spans in a chain (red team of stop 24: a stack overflow)',
    gold: '5',
    response: `$5$${repeat(' if $x=1$', 4_500)}`,
    verdict: 'not_equal',
    method: 'relation-value/number',
  },
  {
    name: 'a case table of 400 "when $k = i$" lines, then the total',
    gold: '42',
    response: `${Array.from({ length: 400 }, (_, index) => `The count is ${3 * index + 1} when $k = ${index}$.`).join('\n')}\nSo the total is 42.`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '100,000 "Correction: " after the answer',
    gold: '5',
    response: `\\boxed{5} ${repeat('Correction: ', 100_000)}`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: 'answer before 3,000 "Or maybe"',
    gold: '5',
    response: `\\boxed{5}${repeat(' Or maybe', 3_000)} 6`,
    verdict: 'not_equal',
    method: 'hedge',
  },
  {
    name: 'digits glued to a word, 30,000 long',
    gold: '5',
    response: `A${repeat('9', 30_000)}`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: '100,000 zero-width spaces',
    gold: '40',
    response: `The answer is 4${repeat('\u200b', 100_000)}0.`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '50,000 Arabic-Indic digits',
    gold: '5',
    response: `\\boxed{${repeat('\u0665', 50_000)}}`,
    verdict: 'undecidable',
    method: 'parse',
  },
  {
    // Red team of stop 25: a yes-or-no test with three space runs in a row took 1.4 s on 2,000 spaces, once per sentence after the answer.
    name: 'a yes answer padded with 1,985 spaces, then 11 offers',
    gold: 'Yes',
    response: `\\boxed{Yes${repeat(' ', 1985)}\\quad}\nAlternatively, $7$ works.${repeat('\nAlso $7$.', 10)}`,
    verdict: 'not_equal',
    method: 'hedge',
  },
  {
    name: 'a case split across 30,000 spaces',
    gold: '5',
    response: `The answer is $\\boxed{5}$. We may assume $x=1$${repeat(' ', 30_000)}or $x=2$.`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    // Second red team of stop 26: the new-turn cut scanned the text before every `Q:` line again (68 ms).
    name: '8,000 few-shot `Q:` lines before the box',
    gold: '5',
    response: `Start.\n${repeat('#Q:\n', 8000)}\\boxed{5}`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '3,500 `# Answer` headings with nothing below',
    gold: '12',
    response: repeat('# Answer\n', 3500),
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    // Red team of stop 27: the echoed-prompt test had two space runs in a row (0.4 s on 32,000 spaces).
    name: '32,000 spaces before a box and an end token',
    gold: '2',
    response: `${repeat(' ', 32_000)}\\boxed{2}<|im_end|>`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    // The last-number fallback read back through each ruled-out value (a stack overflow at 3,000).
    name: '3,000 ruled-out spans in a row',
    gold: '2',
    response: `${repeat('\\(1\\), not ', 3000)}\\(2\\)`,
    verdict: 'not_equal',
    method: 'number',
  },
  {
    name: '8,000 spans joined by "and"',
    gold: '1',
    response: `The values are ${repeat('\\(1\\) and ', 8000)}\\(1\\).`,
    verdict: 'not_equal',
    method: 'shape',
  },
  // Red team of stop 42 (recheck's attack strings for every pattern of src/, run through the
  // verifier): runs a looping policy emits, and runs that made a pattern backtrack without end.
  {
    name: '30,000 spaces after the answer (8.7 s before)',
    gold: '5',
    response: `The answer is 5.${repeat(' ', 30_000)}x`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '30,000 newlines after the answer',
    gold: '5',
    response: `The answer is 5.${repeat('\n', 30_000)}`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '30,000 dots after the answer',
    gold: '5',
    response: `The answer is 5${repeat('.', 30_000)}x`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '15,000 spaced dots after the answer',
    gold: '5',
    response: `The answer is 5. ${repeat('. ', 15_000)}x`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '30,000 underscores after the answer',
    gold: '5',
    response: `The answer is 5. ${repeat('_', 30_000)}<\t`,
    verdict: 'undecidable',
    method: 'parse',
  },
  {
    name: '15,000 escaped quotes after a marker',
    gold: '5',
    response: `The answer is \u0000${repeat('"\\', 15_000)}"\\`,
    verdict: 'not_equal',
    method: 'text',
  },
  {
    // Exponential: every split of the run of dollars was tried (40 never ended).
    name: '40 dollars before "not 5"',
    gold: '5',
    response: `The answer is ${repeat('$', 40)} not 5`,
    verdict: 'not_equal',
    method: 'hedge',
  },
  {
    name: '40 check-mark emoji before "!" and a joiner',
    gold: '5',
    response: `The answer is 5 \u20e3${repeat('\u2705', 40)}!\u200d`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: 'prime marks with tabs after a number',
    gold: '5',
    response: `The answer is $5^{${repeat('\\prime^\t\t', 40)}0"$`,
    verdict: 'not_equal',
    method: 'number',
  },
  {
    name: 'a number, "or", then 90 stars',
    gold: '5',
    response: `The answer is 0\tOR\t*${repeat('***', 40)}T`,
    verdict: 'not_equal',
    method: 'shape',
  },
  {
    name: 'a word, "or", then 40 bold boxes',
    gold: '5',
    response: `The answer is J\tOR\t*${repeat('\\BOXED{**', 40)}N`,
    verdict: 'not_equal',
    method: 'shape',
  },
  {
    // compute-engine's parser tried each reading of a sign with no operand (30 dashes: its 3 s budget;
    // the second red team of stop 42, once 40,000 dashes were shortened to 64).
    name: '40,000 dashes after the answer, then "or 9"',
    gold: '18',
    response: `The answer is 18${repeat('-', 40_000)} or 9`,
    verdict: 'not_equal',
    method: 'shape',
  },
  {
    // compute-engine's parser doubles its time with each bracket left open (six: over its 3 s budget).
    name: 'eight functions left open',
    gold: '5',
    response: `$${repeat('\\sin(', 8)}x$`,
    verdict: 'not_equal',
    method: 'text',
  },
  {
    // Stop 44's readers of harmony and DSPy replies split the text once: linear in its messages.
    name: '20,000 harmony final messages',
    gold: '7',
    response: repeat('<|start|>assistant<|channel|>final<|message|>7<|end|>', 20_000),
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '20,000 harmony messages opened and never closed',
    gold: '7',
    response: `<|channel|>analysis<|message|>${repeat('<|start|>assistant<|channel|><|message|>', 20_000)}7`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    name: '10,000 DSPy answer fields',
    gold: '7',
    response: repeat('[[ ## answer ## ]]\n7\n', 10_000),
    verdict: 'equal',
    method: 'structural',
  },
  {
    // The loop check compares at most 80 periods over the tail (cut-loop.ts).
    name: 'a loop of 30,000 characters cut inside its number',
    gold: '1',
    response: `x = 1${repeat(' - 1/2', 5_000)} - 1`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: 'a reasoning block of 30,000 words never closed',
    gold: '7',
    response: `<think>${repeat('so maybe ', 30_000)}`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    // Forms are read 8 levels deep at most (sympy-printed.ts).
    name: 'a sympy union nested 5,000 deep',
    gold: 'Interval(0, 1)',
    response: `${repeat('Union(Interval(2, 3), ', 5_000)}Interval(0, 1)${repeat(')', 5_000)}`,
    verdict: 'not_equal',
    method: 'tuple',
  },
  {
    // At most 8 tuples are written out (plus-minus-tuple.ts).
    name: '5,000 tuples with a sign',
    gold: '(0, 2), (0, -2)',
    response: `$${repeat('(0, \\pm 2), ', 5_000)}(0, \\pm 2)$`,
    verdict: 'not_equal',
    method: 'list',
  },
  {
    // The restated result reads the text before the closing line once (restated-result.ts).
    name: '5,000 computations before a closing line that repeats a given',
    gold: '7',
    response: `${repeat('Total = 3 + 4 = 7\n', 5_000)}So he paid 7 dollars for 5 apples.`,
    verdict: 'not_equal',
    method: 'number',
  },
  {
    // Chains are compared side by side only when both have as many signs (chain-sides.ts).
    name: 'a chain of 2,000 inequalities in two letters',
    gold: '1<x+a\\le 3',
    response: `${repeat('1<x+a\\le ', 2_000)}3`,
    verdict: 'not_equal',
    method: 'relation',
  },
  {
    // At most 3 denominator variables, powers -3 to 3 (cleared-denominators.ts).
    name: 'an equation with 40 denominators',
    gold: 'y=\\frac{12}{x}',
    response: `y=${repeat('\\frac{1}{x}+', 40)}\\frac{12}{x}`,
    verdict: 'not_equal',
    method: 'equation-value/numeric',
  },
  {
    // The echoed prompt is skipped by two anchored patterns (chat-tokens.ts).
    name: 'a bare echoed prompt of 30,000 lines',
    gold: '8',
    response: `user\n${repeat('Question: what?\n', 30_000)}model\nIt is 8.`,
    verdict: 'equal',
    method: 'structural',
  },
  {
    // The announcement is looked for in the last 80 characters (cut-at-answer.ts).
    name: '5,000 computations, then "Therefore the answer is"',
    gold: '12',
    response: `${repeat('so 3 * 4 = 12 ', 5_000)}. Therefore the answer is`,
    verdict: 'undecidable',
    method: 'extract',
  },
  {
    name: 'a gold pair of roots against 5,000 listed roots',
    gold: '(3-\\sqrt{5}, 3+\\sqrt{5})',
    response: `${repeat('3+\\sqrt{5}, ', 5_000)}3-\\sqrt{5}`,
    verdict: 'not_equal',
    method: 'tuple',
  },
];
