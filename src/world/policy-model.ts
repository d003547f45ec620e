import { apply, findProblem, PHRASES, SYMBOLS } from './problems.js';
import { equationsIn, localResult } from './step-truth.js';
import type { WorldToken } from './world-tokenizer.js';

/** Log-probability of a token the model writes outside any solution (prompt text): a flat cost. */
export const FREE_TEXT_LOGPROB = -1.5;
/** Log-probability of a result the model would never write (outside its candidate set). */
export const OFF_DISTRIBUTION_LOGPROB = Math.log(1e-6);

/**
 * A model's skill from its name: a trailing number (`policy-0.9`), or `strong` (0.95), `weak`
 * (0.6), else the world's default. Skill lowers the per-step error probability.
 */
export function skillOf(modelName: string, defaultSkill: number): number {
  const trailing = /(\d*\.\d+|\d+)$/.exec(modelName);
  if (trailing !== null) {
    const value = Number(trailing[1]);
    if (value >= 0 && value <= 1) return value;
  }
  if (/strong/i.test(modelName)) return 0.95;
  if (/weak/i.test(modelName)) return 0.6;
  return defaultSkill;
}

/** The chance a step's result is wrong: grows with the problem's difficulty, shrinks with skill. */
export function errorProbability(difficulty: number, skill: number): number {
  return Math.min(0.8, Math.max(0.001, ((1 - skill) * difficulty) / 4));
}

/** The model's distribution over a step's result: right with 1 - p, else off by 1 to 3 either way. */
export function resultCandidates(correct: number, errorChance: number): { text: string; prob: number }[] {
  const offsets = [-3, -2, -1, 1, 2, 3];
  return [
    { text: String(correct), prob: 1 - errorChance },
    ...offsets.map((offset) => ({ text: String(correct + offset), prob: errorChance / offsets.length })),
  ];
}

export interface ScoredToken {
  text: string;
  offset: number;
  /** Null for the first token of a sequence (nothing to condition on), as vLLM reports it. */
  logprob: number | null;
  /** The most likely alternatives at this position, best first (the token itself included). */
  top: { text: string; logprob: number }[];
}

const END = '.';

/**
 * The model's log-probability of every token of `text` (tokens given, with offsets into `text`).
 * Solution text the model writes deterministically costs nothing; the digits of each equation's
 * result follow the candidate distribution digit by digit (the token after the number, `.`,
 * carries the chance that the number ends there); prompt text costs a flat FREE_TEXT_LOGPROB.
 * Sampling (`continueSolution`) draws from the same distribution, so these are honest.
 */
export function scoreTokens(text: string, tokens: readonly WorldToken[], skill: number): ScoredToken[] {
  const found = findProblem(text);
  const solutionStart = found?.end ?? 0;
  const difficulty = found?.problem.difficulty ?? 3;
  const errorChance = errorProbability(difficulty, skill);
  const results = equationsIn(text, solutionStart).map((equation) => ({
    start: equation.resultStart,
    end: equation.resultEnd,
    text: text.slice(equation.resultStart, equation.resultEnd),
    candidates: resultCandidates(localResult(equation), errorChance),
  }));
  return tokens.map((token, index) => {
    if (index === 0) return { text: token.text, offset: token.offset, logprob: null, top: [] };
    const inResult = results.find((result) => token.offset >= result.start && token.offset <= result.end);
    if (inResult === undefined) {
      const logprob = token.offset < solutionStart ? FREE_TEXT_LOGPROB : 0;
      return { text: token.text, offset: token.offset, logprob, top: [{ text: token.text, logprob }] };
    }
    const prefix = inResult.text.slice(0, token.offset - inResult.start);
    const atEnd = token.offset === inResult.end;
    const options = nextOptions(inResult.candidates, prefix);
    const wanted = atEnd ? END : token.text;
    const chance = options.get(wanted);
    const logprob = chance === undefined ? OFF_DISTRIBUTION_LOGPROB : Math.log(chance);
    const top = [...options.entries()]
      .map(([option, prob]) => ({ text: option === END && !atEnd ? END : option, logprob: Math.log(prob) }))
      .sort((left, right) => right.logprob - left.logprob);
    return { text: token.text, offset: token.offset, logprob, top };
  });
}

/** P(next character | prefix) over the candidates; `.` stands for "the number ends here". */
function nextOptions(
  candidates: readonly { text: string; prob: number }[],
  prefix: string,
): Map<string, number> {
  const matching = candidates.filter((candidate) => candidate.text.startsWith(prefix));
  const total = matching.reduce((sum, candidate) => sum + candidate.prob, 0);
  const options = new Map<string, number>();
  if (total === 0) return options;
  for (const candidate of matching) {
    const next = candidate.text.length === prefix.length ? END : (candidate.text[prefix.length] as string);
    options.set(next, (options.get(next) ?? 0) + candidate.prob / total);
  }
  return options;
}

/**
 * The rest of a solution for the problem in `prompt`, continuing after the steps already in it:
 * one step per `\n\n`, each result drawn from `resultCandidates` at `temperature` (0 = greedy),
 * errors carried into later steps. The last step states `\boxed{answer}`.
 */
export function continueSolution(
  prompt: string,
  options: { skill: number; temperature: number; random: () => number },
): string {
  const found = findProblem(prompt);
  if (found === undefined) return 'I cannot find a problem I know how to solve in this prompt.';
  const { problem } = found;
  const errorChance = errorProbability(problem.difficulty, options.skill);
  // A prompt that ends inside a step (a search's partial step) is continued from inside it: the
  // step's text is drawn among the candidates that begin with what is already written.
  const tailStart = Math.max(found.end, prompt.lastIndexOf('\n') + 1);
  const tail = prompt.slice(tailStart).trimStart();
  const before = equationsIn(prompt.slice(0, prompt.length - tail.length), found.end);
  let current = before.at(-1)?.result ?? problem.start;
  const steps: string[] = [];
  let index = before.length;
  let partial = '';
  if (tail !== '' && index < problem.operations.length) {
    const operation = problem.operations[index]!;
    const correct = apply(operation.kind, current, operation.operand);
    const last = index === problem.operations.length - 1;
    const texts = resultCandidates(correct, errorChance).map((candidate) => ({
      ...candidate,
      text: `${PHRASES[operation.kind](operation.operand)}: ${current} ${SYMBOLS[operation.kind]} ${operation.operand} = ${candidate.text}.${last ? ` The answer is \\boxed{${candidate.text}}.` : ''}`,
    }));
    const fitting = texts.filter((candidate) => candidate.text.startsWith(tail));
    if (fitting.length > 0) {
      const chosen = sample(fitting, options.temperature, options.random);
      partial = chosen.slice(tail.length);
      current = Number(equationsIn(chosen).at(-1)?.result ?? current);
      index += 1;
    }
  }
  const written = index;
  for (; index < problem.operations.length; index += 1) {
    const operation = problem.operations[index]!;
    const correct = apply(operation.kind, current, operation.operand);
    const result = Number(
      sample(resultCandidates(correct, errorChance), options.temperature, options.random),
    );
    const last = index === problem.operations.length - 1;
    steps.push(
      `${PHRASES[operation.kind](operation.operand)}: ${current} ${SYMBOLS[operation.kind]} ${operation.operand} = ${result}.${last ? ` The answer is \\boxed{${result}}.` : ''}`,
    );
    current = result;
  }
  if (partial !== '') return steps.length === 0 ? partial : `${partial}\n\n${steps.join('\n\n')}`;
  if (steps.length === 0) return '';
  // The separator before the next step, unless the prompt already ends with it (a search's prefix).
  const separator = written === 0 || prompt.endsWith('\n\n') ? '' : prompt.endsWith('\n') ? '\n' : '\n\n';
  return `${separator}${steps.join('\n\n')}`;
}

function sample(
  candidates: readonly { text: string; prob: number }[],
  temperature: number,
  random: () => number,
): string {
  if (temperature <= 0)
    return candidates.reduce((best, candidate) => (candidate.prob > best.prob ? candidate : best)).text;
  const weights = candidates.map((candidate) => candidate.prob ** (1 / temperature));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  for (let index = 0; index < candidates.length; index += 1) {
    roll -= weights[index]!;
    if (roll <= 0) return candidates[index]!.text;
  }
  return candidates.at(-1)!.text;
}
