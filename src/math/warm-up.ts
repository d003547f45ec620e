import { isMainThread } from 'node:worker_threads';
import { runGuardedCas, startGuardedCas } from './guarded-cas.js';
import { type MathVerifyOptions, MathVerifyOptionsSchema } from './options.js';
import { verifyAnswer } from './verify.js';
import { composedSolution } from './warm-up-solutions.js';

/**
 * Start-up warm-up of the verifier, once per process. A fresh process pays two one-time costs on
 * its first pairs: compute-engine's loading in its guarded worker (about 0.8 s of CPU, started by
 * the first LaTeX answer) and V8's compilation of the verifier's hot paths (the first thousand
 * pairs run several times slower than the next ones). Paying both when the kind is created makes
 * them start-up, like loading the modules: a run's first pairs cost what later ones cost, and a
 * stall never lands on a sample's deadline.
 */

/** Longest wait for compute-engine to load at start-up (a busy machine may need seconds). */
const CAS_LOAD_WAIT_MS = 15_000;
/** Rounds over the templates: enough for V8 to optimize the paths common answers take. */
const WARM_UP_ROUNDS = 100;
/**
 * Composed word-problem solutions per round (warm-up-solutions.ts), after the templates: 4,000 in
 * all, about 0.15 s of start-up CPU; on GSM8K they took V8's recompilation out of the run (see
 * docs/math.md, "Start-up warm-up").
 */
const COMPOSED_PER_ROUND = 40;

/**
 * Answers of the shapes verifiers meet (model solutions to word problems, LaTeX answers of
 * competition problems), as (gold, response) from a seed number. Each round uses new numbers, so
 * the caches of parsed answers do not short-cut the code being warmed.
 */
export const TEMPLATES: readonly ((n: number) => [gold: string, response: string])[] = [
  (n) => [`${n}`, `She buys ${n - 2} apples and 2 more, so ${n - 2} + 2 = ${n}.\nThe answer is ${n}.`],
  (n) => [`${n}`, `Each box holds ${n} pens.\nSo the answer is ${n + 1} pens.`],
  (n) => [`${n * 25}`, `He earns ${n} * 25 = $${n * 25}.\n#### ${n * 25}`],
  (n) => [`${n}`, `First, ${n} - 1 = ${n - 1}. Then we add 1.\nTherefore, the answer is $\\boxed{${n}}$.`],
  (n) => [`${n}`, `Final Answer: The final answer is $${n}$. I hope it is correct.`],
  (n) => [`${n * 1000}`, `The total is ${n},000 dollars.\nAnswer: $${n},000`],
  (n) => [`${n}.5`, `Half of ${2 * n + 1} is ${n}.5, so the answer is ${n}.50.`],
  (n) => [`${n}`, `So she has ${n} left. The final answer is ${n} apples<|im_end|>`],
  (n) => [`${n}`, `We get ${n} + 0 = ${n}, which is the result.`],
  (n) => [`-${n}`, `Solving gives $x = -${n}$.`],
  (n) => [`${n}%`, `The increase is ${n} percent.\n\nThe answer is: ${n}%`],
  (n) => [`\\frac{${n}}{${n + 1}}`, `Thus the probability is $\\boxed{\\dfrac{${n}}{${n + 1}}}$.`],
  (n) => [`\\frac{1}{${n + 2}}`, `The ratio simplifies to \\(\\frac{2}{${2 * n + 4}}\\).`],
  (n) => [`${n}\\sqrt{2}`, `So the side is $\\boxed{${n}\\sqrt{2}}$.`],
  (n) => [`\\sqrt{${n + 1}}`, `The distance is $ \\sqrt{${n + 1}}$, about ${Math.sqrt(n + 1).toFixed(2)}.`],
  (n) => [`${n}\\pi`, `The area is $\\boxed{${n}\\pi}$ square units.`],
  (n) => [`(${n}, ${n + 3})`, `The point is $\\boxed{(${n}, ${n + 3})}$.`],
  (n) => [`[${n}, \\infty)`, `Therefore $x \\in \\boxed{[${n}, \\infty)}$.`],
  (n) => [`\\{1, ${n + 1}\\}`, `The solutions are $\\boxed{\\{1, ${n + 1}\\}}$.`],
  (n) => [`x = ${n}`, `Hence $\\boxed{x = ${n}}$.`],
  (n) => [`${n}, -${n}`, `The roots are $x = ${n}$ or $x = -${n}$.`],
  (n) => [`2x + ${n}`, `Expanding, we get $\\boxed{${n} + 2x}$.`],
  (n) => [`${n}^\\circ`, `Each angle measures $\\boxed{${n}^\\circ}$.`],
  () => [`\\text{B}`, `Comparing the options, the answer is (B).`],
  (n) => [`${n}`, `<think>${n} is even.</think>\n<answer>${n}</answer>`],
  (n) => [`${n}`, `${n}`],
  (n) => [`\\frac{${n}}{2}`, `\\dfrac{${n}}{2}`],
  (n) => [`${n}`, `I am not sure how to finish the problem with ${n} items (or \u2212${n}).`],
  (n) => [`${n} \\text{ cm}`, `The length is $${n}$ cm.`],
  // Word-problem solutions as datasets hold them: calculator notes, currency, typographic quotes
  // and dashes (two-byte strings), a closing "A: N" line, long decimals (beyond 64-bit integers).
  (n) => [
    `${n}`,
    `Janet’s ducks lay ${n + 3} eggs — she eats 3.\nSo ${n + 3} - 3 = <<${n + 3}-3=${n}>>${n} eggs are left.\nA: ${n}`,
  ],
  (n) => [`${n * 4}`, `Each costs $${n}, so 4 * $${n} = $<<4*${n}=${n * 4}>>${n * 4}.\nA: ${n * 4}`],
  (n) => [
    `${n}`,
    `She has ${n}/3 = <<${n}/3=0.${'3'.repeat(40)}>>0.${'3'.repeat(40)} left.\nA: 0.${'3'.repeat(40)}`,
  ],
  (n) => [`${n}.${n % 10}`, `The answer is approximately ${n}.${n % 10}0.`],
  // More word-problem solutions, the commonest input of a math reward (GSM8K-style RL): a third of
  // real ones are longer than a bare answer can be (300 characters), many state no marker at all
  // and end in a sentence with the number, and their calculator notes hold decimals.
  (n) => [
    `${n * 6}`,
    `The bakery is open every day from 8 am to 6 pm.\nIt sells ${n} boxes of cupcakes on Monday and twice as many on Tuesday, so it sells ${n} * 2 = <<${n}*2=${n * 2}>>${n * 2} boxes on Tuesday.\nIn total it sells ${n} + ${n * 2} = <<${n}+${n * 2}=${n * 3}>>${n * 3} boxes over the two days.\nEach box costs $2, so the bakery makes ${n * 3} * 2 = $<<${n * 3}*2=${n * 6}>>${n * 6} from the boxes.\nA: ${n * 6}`,
  ],
  (n) => [
    `${n * 3}`,
    `Tom reads ${n} pages a day for 3 days, so he reads ${n} * 3 = <<${n}*3=${n * 3}>>${n * 3} pages.\nSo Tom reads ${n * 3} pages in total.`,
  ],
  (n) => [`${n}`, `It takes ${2 * n}*1/2=<<${2 * n}*1/2=${n}.0>>${n} bolts of white fiber\nA: ${n}`],
  // Paths real runs take that the templates above do not, each of which otherwise deoptimises the
  // verifier's compiled code at its first real pair (and V8 compiles it again, mid-run): a response
  // with no answer in it (the gold-guided reading), one cut off inside its last box, a zero answer,
  // a scale word, an answer the model follows with a question of its own, a negative fraction, a
  // "Final answer:" line (also an answer colon), unfinished work ending in `.4` or in a fraction, an
  // inline-math answer, a negative decimal.
  (n) => [`${n}`, `Let me think about this problem step by step before writing anything down.`],
  (n) => [`${n}`, `First, ${n} - 1 = ${n - 1}. So the answer is $\\boxed{${n}`],
  (n) => [`0`, `She had ${n} and gave away ${n}, so ${n} - ${n} = 0 are left.\nThe answer is 0.`],
  (n) => [`${n * 1000}`, `Altogether they raised ${n} thousand dollars.`],
  (n) => [`${n}`, `Answer: ${n}\n\nQuestion 2: How many apples are left?\nAnswer: ${n + 2}`],
  (n) => [`-\\frac{${n}}{${n + 2}}`, `Hence $y = -\\frac{${2 * n}}{${2 * n + 4}}$.`],
  (n) => [`${n * 60}`, `He runs ${n}*60=${n * 60} meters\nFinal answer: $${n * 60}`],
  (n) => [
    `${n}`,
    `The rate is ${n} / 100 = .${n % 9}${(n % 7) + 1}\nI am not sure how to finish this problem.`,
  ],
  (n) => [`${n}`, `That is 2 miles per ${2 * n} minutes, or 2/${2 * n} = 1/${n} miles per minute.`],
  (n) => [`${n}`, `The rest, 25 - 8 = ${n - 1} oranges, are good.\nTherefore the total is \\(${n}\\).`],
  (n) => [`${n}`, `Then ${n}.5 - ${n + 1} = <<${n}.5-${n + 1}=-0.5>>-0.5 bags\nA: -0.5`],
];

/**
 * A string as a JSON reader hands it over (flat), not as a template builds it (a concatenation):
 * V8 compiles string code for the representation it meets, and recompiles when another comes.
 */
function asRead(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

let done = false;

/**
 * Warms the verifier once (later calls return at once): compute-engine's worker starts loading,
 * the templates and composed solutions run through `verifyAnswer` while it loads, then the wait
 * for it ends when it is loaded (or after CAS_LOAD_WAIT_MS; a failed load is retried by the first
 * real use). On the main thread only: a worker thread of the pool starts mid-run, under a chunk
 * deadline sized for a plain start-up, and loads what it needs on first use as before.
 */
export function warmUpVerifier(): void {
  if (done || !isMainThread) return;
  done = true;
  // Its own options object: the warm-up's golds go to a cache of their own, dropped afterwards.
  // Parsed, not copied: a spread copy has another hidden class than the options a spec parses to,
  // and every function reading options would be recompiled at the run's first pair.
  // Two of them, taking turns: the run's own options then make a gold cache where the code that
  // makes one has already run with type feedback (else the first pair deoptimises verifyAnswer).
  const options: readonly MathVerifyOptions[] = [
    MathVerifyOptionsSchema.parse({}),
    MathVerifyOptionsSchema.parse({}),
  ];
  const deadline = Number.POSITIVE_INFINITY;
  startGuardedCas(); // compute-engine loads in its worker while the templates run
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const [index, template] of TEMPLATES.entries()) {
      const [gold, response] = template(3 + round * TEMPLATES.length + index);
      // Right and wrong answers: both verdicts' paths get compiled.
      verifyAnswer(
        asRead(round % 2 === 0 ? gold : `${gold}1`),
        asRead(response),
        options[round % 2] as MathVerifyOptions,
        deadline,
      );
    }
    for (let index = 0; index < COMPOSED_PER_ROUND; index++) {
      const [gold, response] = composedSolution(round * COMPOSED_PER_ROUND + index);
      verifyAnswer(asRead(gold), asRead(response), options[index % 2] as MathVerifyOptions, deadline);
    }
  }
  // A real compute-engine request: returns once the worker has loaded it and answered.
  runGuardedCas({ op: 'parse', latex: '\\sin^{2}\\theta' }, CAS_LOAD_WAIT_MS);
}

/** Seeds of the line warm-up's samples: numbers no run's gold cache is likely to hold. */
const SAMPLE_SEEDS = [7_919, 104_729];
/** Composed solutions among the line warm-up's samples, and the seed of the first. */
const LINE_COMPOSED_SAMPLES = 100;
const COMPOSED_SAMPLE_SEED = 1_000_003;

/**
 * The `math` kind's synthetic samples for the engine's line warm-up (RewardKind.warmUpSamples):
 * every template, each with a right and a wrong gold, as JSONL lines hold them, then composed
 * word-problem solutions.
 */
export function mathWarmUpSamples(): Record<string, unknown>[] {
  const samples: Record<string, unknown>[] = [];
  for (const [round, seed] of SAMPLE_SEEDS.entries()) {
    for (const [index, template] of TEMPLATES.entries()) {
      const [gold, response] = template(seed + index);
      samples.push({ response, reference: { answer: round === 0 ? gold : `${gold}1` } });
    }
  }
  for (let index = 0; index < LINE_COMPOSED_SAMPLES; index++) {
    const [gold, response] = composedSolution(COMPOSED_SAMPLE_SEED + index);
    samples.push({ response, reference: { answer: gold } });
  }
  return samples;
}

/** The kind, whose `create` first warms the verifier up (once per process, on the main thread). */
export function warmUpOnCreate<Kind extends { create: (...args: never[]) => unknown }>(kind: Kind): Kind {
  const create = kind.create;
  return {
    ...kind,
    create: (...args: Parameters<Kind['create']>) => {
      warmUpVerifier();
      return create(...args);
    },
  };
}
