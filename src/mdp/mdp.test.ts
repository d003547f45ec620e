import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkShaping } from './check-shaping.js';
import { randomMdp, seededRandom, shapeWithPotential, shapeWithTable, type TabularMdp } from './mdp.js';
import { starcDistance } from './starc.js';
import { evaluatePolicy, valueIteration } from './value-iteration.js';

/** Two states: in 'start', 'go' reaches the absorbing 'goal' with reward 1; 'stay' loops with 0. */
const corridor = (gamma: number): TabularMdp => ({
  states: 2,
  actions: 2,
  gamma,
  transitions: [
    [
      [1, 0],
      [0, 1],
    ],
    [
      [0, 1],
      [0, 1],
    ],
  ],
  rewards: [
    [
      [0, 0],
      [0, 1],
    ],
    [
      [0, 0],
      [0, 0],
    ],
  ],
});

const randomCase = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  states: fc.integer({ min: 2, max: 6 }),
  actions: fc.integer({ min: 2, max: 3 }),
  gamma: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
});

describe('value iteration and policy evaluation', () => {
  it('solve the corridor by hand: V*(start) = 1, go is optimal', () => {
    const solution = valueIteration(corridor(0.9));
    expect(solution.values[0]).toBeCloseTo(1, 8);
    expect(solution.optimalActions[0]).toEqual([1]);
  });

  it('evaluate the always-stay policy to 0 and the uniform policy to its fixed point, by hand', () => {
    const mdp = corridor(0.9);
    expect(
      evaluatePolicy(mdp, [
        [1, 0],
        [1, 0],
      ])[0],
    ).toBeCloseTo(0, 10);
    // V = 0.5 * 0.9 V + 0.5 * 1  ->  V = 0.5 / 0.55
    expect(
      evaluatePolicy(mdp, [
        [0.5, 0.5],
        [0.5, 0.5],
      ])[0],
    ).toBeCloseTo(0.5 / 0.55, 8);
  });
});

describe('potential-based shaping', () => {
  it('leaves the optimal policy unchanged on 150 random MDPs (property)', () => {
    fc.assert(
      fc.property(randomCase, ({ seed, states, actions, gamma }) => {
        const random = seededRandom(seed);
        const mdp = randomMdp(random, states, actions, gamma);
        const potential = Array.from({ length: states }, () => random() * 10 - 5);
        const before = valueIteration(mdp);
        const after = valueIteration(shapeWithPotential(mdp, potential));
        expect(after.optimalActions).toEqual(before.optimalActions);
        // and V' = V - Phi, the textbook identity
        after.values.forEach((value, s) => {
          expect(value).toBeCloseTo((before.values[s] as number) - (potential[s] as number), 6);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('has STARC distance 0 from the original reward, and positive scaling too (property)', () => {
    fc.assert(
      fc.property(randomCase, ({ seed, states, actions, gamma }) => {
        const random = seededRandom(seed);
        const mdp = randomMdp(random, states, actions, gamma);
        const potential = Array.from({ length: states }, () => random() * 4 - 2);
        const shaped = shapeWithPotential(mdp, potential);
        expect(starcDistance(mdp, mdp.rewards, shaped.rewards)).toBeLessThan(1e-6);
        const scaled = mdp.rewards.map((row) => row.map((cells) => cells.map((reward) => reward * 3)));
        expect(starcDistance(mdp, mdp.rewards, scaled)).toBeLessThan(1e-6);
      }),
      { numRuns: 100 },
    );
  });

  it('gives distance 1 to the negated reward', () => {
    const mdp = randomMdp(seededRandom(7), 4, 2, 0.9);
    const negated = mdp.rewards.map((row) => row.map((cells) => cells.map((reward) => -reward)));
    expect(starcDistance(mdp, mdp.rewards, negated)).toBeCloseTo(1, 6);
  });
});

describe('the semantic trap: shaping that is not potential-based', () => {
  it('a bonus for staying makes the agent loop forever instead of reaching the goal', () => {
    const mdp = corridor(0.9);
    const bonus = [
      [
        [0.2, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ];
    // staying forever is worth 0.2 / 0.1 = 2 > 1
    expect(valueIteration(shapeWithTable(mdp, bonus)).optimalActions[0]).toEqual([0]);
    const report = checkShaping(mdp, bonus);
    expect(report.policyPreserved).toBe(false);
    expect(report.potentialBased).toBe(false);
    expect(report.changedStates).toEqual([{ state: 0, before: [1], after: [0] }]);
    expect(report.distance).toBeGreaterThan(0.05);
  });

  it('random non-potential shapings change the optimal policy on some random MDPs', () => {
    let changed = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const random = seededRandom(seed);
      const mdp = randomMdp(random, 4, 2, 0.9);
      const shaping = mdp.rewards.map((row) => row.map((cells) => cells.map(() => random() * 2 - 1)));
      if (!checkShaping(mdp, shaping).policyPreserved) changed++;
    }
    expect(changed).toBeGreaterThan(10);
  });

  it('recognizes a potential-based shaping table as such', () => {
    const mdp = randomMdp(seededRandom(3), 3, 2, 0.8);
    const potential = [1, -2, 0.5];
    const table = mdp.rewards.map((row, s) =>
      row.map((cells) => cells.map((_, t) => 0.8 * (potential[t] as number) - (potential[s] as number))),
    );
    const report = checkShaping(mdp, table);
    expect(report.potentialBased).toBe(true);
    expect(report.policyPreserved).toBe(true);
  });
});
