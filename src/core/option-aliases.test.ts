import { describe, expect, it } from 'vitest';
import { Pipeline } from '../engine/pipeline.js';
import { DEFAULT_MATH_VERIFY_OPTIONS, MathVerifyOptionsSchema } from '../math/options.js';
import { parseSpecText } from './spec.js';

function compile(rewardLine: string): Pipeline {
  return Pipeline.compile(parseSpecText(`name: t\nrewards:\n  - ${rewardLine}\n`));
}

describe('option names: snake_case, old camelCase spellings as aliases', () => {
  it('reads the snake_case math options and their camelCase aliases alike', () => {
    const snake = MathVerifyOptionsSchema.parse({
      relative_tolerance: 1e-3,
      cas_check: true,
      numeric_points: 5,
    });
    const camel = MathVerifyOptionsSchema.parse({
      relativeTolerance: 1e-3,
      casCheck: true,
      numericPoints: 5,
    });
    expect(camel).toEqual(snake);
    expect(snake).toMatchObject({ relativeTolerance: 1e-3, casCheck: true, numericPoints: 5 });
    expect(MathVerifyOptionsSchema.parse({})).toEqual(DEFAULT_MATH_VERIFY_OPTIONS);
  });

  it('refuses a key given under both spellings', () => {
    expect(MathVerifyOptionsSchema.safeParse({ cas_check: true, casCheck: false }).success).toBe(false);
  });

  it('suggests the closest option name for a typo inside options', () => {
    expect(() => compile('{name: c, type: math, options: {relative_tolerence: 0.001}}')).toThrow(
      /rewards\[0\]\.options: unknown key 'relative_tolerence'; did you mean 'relative_tolerance'\?/,
    );
    expect(() => compile('{name: f, type: format, options: {tagz: [a]}}')).toThrow(/did you mean 'tags'\?/);
    expect(() => compile('{name: c, type: math, options: {relativeTolerance: 0.001}}')).not.toThrow();
  });
});
