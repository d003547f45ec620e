import { apply, findProblem, type WorldProblem } from './problems.js';

/** `a op b = c` as the world's solutions write it (integers, possibly negative). */
export const EQUATION = /(-?\d+) ([+\-*]) (-?\d+) = (-?\d+)/g;

export interface Equation {
  left: number;
  symbol: string;
  right: number;
  result: number;
  /** Character span of the result number in the text. */
  resultStart: number;
  resultEnd: number;
  /** Where the equation starts in the text. */
  start: number;
}

export function equationsIn(text: string, from = 0): Equation[] {
  const found: Equation[] = [];
  for (const match of text.slice(from).matchAll(EQUATION)) {
    const start = from + (match.index ?? 0);
    const resultText = match[4] as string;
    const resultEnd = start + match[0].length;
    found.push({
      left: Number(match[1]),
      symbol: match[2] as string,
      right: Number(match[3]),
      result: Number(resultText),
      resultStart: resultEnd - resultText.length,
      resultEnd,
      start,
    });
  }
  return found;
}

export function localResult(equation: Pick<Equation, 'left' | 'symbol' | 'right'>): number {
  const kind = equation.symbol === '+' ? 'add' : equation.symbol === '-' ? 'sub' : 'mul';
  return apply(kind, equation.left, equation.right);
}

/**
 * The exact truth of a solution given as steps: step k is correct when every equation up to and
 * including step k gives the true running value (an error makes every later step wrong, as a
 * PRM's "still on track" label). Without a recognisable problem, equations are checked locally.
 * Also whether the final answer (the last `\boxed{}` or the last number) is right.
 */
export function judgeSteps(
  context: string,
  steps: readonly string[],
): { stepCorrect: boolean[]; answerCorrect: boolean; problem: WorldProblem | undefined } {
  const problem = findProblem(context)?.problem;
  let equationIndex = 0;
  let onTrack = true;
  const stepCorrect = steps.map((step) => {
    for (const equation of equationsIn(step)) {
      const truth = problem?.values[equationIndex];
      const right =
        truth === undefined ? equation.result === localResult(equation) : equation.result === truth;
      if (!right) onTrack = false;
      equationIndex += 1;
    }
    return onTrack;
  });
  const joined = steps.join('\n\n');
  const boxed = [...joined.matchAll(/\\boxed\{(-?\d+)\}/g)].at(-1)?.[1];
  const lastNumber = boxed ?? [...joined.matchAll(/-?\d+/g)].at(-1)?.[0];
  const answerCorrect =
    problem === undefined
      ? onTrack && lastNumber !== undefined
      : lastNumber !== undefined && Number(lastNumber) === problem.answer;
  return { stepCorrect, answerCorrect, problem };
}
