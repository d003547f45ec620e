import { z } from 'zod';
import { buildResult, makeCandidate } from '../build-result.js';
import { multinomialResample } from '../resample.js';
import { scoreSolutions } from '../score-candidates.js';
import { MaxStepsSchema, SearchAggregateSchema } from '../search-options.js';
import type { Candidate, SearchContext, SearchProblem } from '../types.js';
import { defineSearchStrategy } from '../types.js';
import { logit, softmax } from '../weights.js';
import { expandStep } from './expand-step.js';

export const ParticleFilteringOptionsSchema = z
  .object({
    /** T in softmax(logit(r) / T); its_hub and the paper use 1. */
    temperature: z.number().positive().default(1),
    max_steps: MaxStepsSchema,
    aggregate: SearchAggregateSchema,
    /**
     * The final pick: the highest weight (its_hub's default `argmax`), a draw by weight (its_hub's
     * `sample`), or, not in its_hub, a weighted vote over the final particles (for comparing the
     * search with beam search under one final rule).
     */
    final_selection: z.enum(['argmax', 'sample', 'weighted_vote']).default('argmax'),
  })
  .strict();

interface Particle {
  steps: string[];
  finished: boolean;
  /** PRM score of the particle's current prefix (aggregated), in [0, 1]. */
  reward: number;
  stepScores: readonly number[] | null;
  logprob: number | null;
}

/**
 * The particle weights: w_i = softmax(logit(r_i) / T), r_i the PRM score of particle i's prefix
 * (finished particles keep their final score), as in "A Probabilistic Inference Approach to
 * Inference-Time Scaling of LLMs using Particle-Based Monte Carlo Methods" (Puri et al.).
 */
export function particleWeights(rewards: readonly number[], temperature: number): number[] {
  return softmax(
    rewards.map((reward) => logit(reward)),
    temperature,
  );
}

/** Groups unfinished particles by prefix so that one request with n = copies grows each prefix. */
function byPrefix(particles: readonly Particle[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  particles.forEach((particle, index) => {
    if (particle.finished) return;
    const key = particle.steps.join('\u0000');
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [index]);
    else members.push(index);
  });
  return groups;
}

/**
 * Particle filtering: N particles each grow one step per round; the PRM scores every prefix;
 * all N particles (finished ones included, which keep their final weight and stop growing) are
 * resampled multinomially with the weights above; ends when every particle finished or after
 * `max_steps` (40). The answer is the particle of highest weight (its_hub's `argmax`). Defaults
 * as its_hub's `ParticleFiltering`: T = 1 (its_hub has no temperature; T generalises it),
 * logit clip 1e-7, resampling of all N particles every step with replacement (`random.choices`),
 * stopped particles kept with their final weight. The reward r of a prefix is its PRM step scores
 * aggregated by `aggregate`, default `last` (the score of the prefix's last step; its_hub leaves
 * the aggregation to its PRM client, whose examples use `prod`: pass `aggregate: "product"`).
 */
export const particleFiltering = defineSearchStrategy({
  name: 'particle_filtering',
  description: 'N particles, resampled every step by softmax(logit(PRM score) / T)',
  optionsSchema: ParticleFilteringOptionsSchema,
  async run(problem, budget, options, context) {
    let particles: Particle[] = Array.from({ length: budget }, () => ({
      steps: [],
      finished: false,
      reward: 0.5,
      stepScores: null,
      logprob: null,
    }));
    for (let iteration = 0; iteration < options.max_steps; iteration++) {
      if (particles.every((particle) => particle.finished)) break;
      await growParticles(
        problem,
        particles,
        iteration,
        iteration === options.max_steps - 1,
        options.aggregate,
        context,
      );
      const weights = particleWeights(
        particles.map((particle) => particle.reward),
        options.temperature,
      );
      particles = multinomialResample(weights, budget, context.random).map((index) => ({
        ...(particles[index] as Particle),
      }));
    }
    const weights = particleWeights(
      particles.map((particle) => particle.reward),
      options.temperature,
    );
    const candidates: Candidate[] = particles.map((particle) =>
      makeCandidate(
        particle.steps,
        particle.finished,
        { stepScores: particle.stepScores, score: particle.reward },
        particle.logprob,
      ),
    );
    if (options.final_selection === 'sample') {
      const [drawn] = multinomialResample(weights, 1, context.random);
      return buildResult(
        problem,
        'particle_filtering',
        budget,
        candidates,
        { index: drawn ?? 0, method: 'sample' },
        context,
      );
    }
    const selection = options.final_selection === 'weighted_vote' ? 'weighted_vote' : 'best';
    return buildResult(problem, 'particle_filtering', budget, candidates, selection, context);
  },
});

async function growParticles(
  problem: SearchProblem,
  particles: Particle[],
  iteration: number,
  toEnd: boolean,
  aggregate: z.output<typeof ParticleFilteringOptionsSchema>['aggregate'],
  context: SearchContext,
): Promise<void> {
  const grown: { index: number; steps: string[]; finished: boolean; logprob: number | null }[] = [];
  await Promise.all(
    [...byPrefix(particles).values()].map(async (members, group) => {
      const first = particles[members[0] as number] as Particle;
      const children = await expandStep(
        problem,
        first.steps,
        members.length,
        context,
        iteration * 1_009 + group,
        toEnd,
      );
      members.forEach((index, position) => {
        const child = children[position];
        if (child === undefined) grown.push({ index, steps: first.steps, finished: true, logprob: null });
        else
          grown.push({
            index,
            steps: child.steps,
            finished: child.finished || toEnd,
            logprob: child.logprob,
          });
      });
    }),
  );
  const scored = await scoreSolutions(
    problem,
    grown.map((entry) => entry.steps),
    context.verifier,
    aggregate,
  );
  grown.forEach((entry, position) => {
    const score = scored[position];
    particles[entry.index] = {
      steps: entry.steps,
      finished: entry.finished,
      // An unscoreable prefix gets the lowest weight rather than crashing the filter.
      reward: score?.score ?? 0,
      stepScores: score?.stepScores ?? null,
      logprob: entry.logprob,
    };
  });
}
