import { generateProblem } from './problems.js';

/** A world problem as a rewardkit sample line (`reference.answer` for math, the running values too). */
export function problemSample(seed: number, index: number) {
  const problem = generateProblem(seed, index);
  return {
    id: problem.id,
    prompt: problem.question,
    group: problem.id,
    reference: {
      answer: String(problem.answer),
      step_values: problem.values,
      difficulty: problem.difficulty,
    },
  };
}
