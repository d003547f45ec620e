import { describe, expect, it } from 'vitest';
import { beforeCutRepeatedBox } from './cut-repeated-box.js';
import { verifyAnswer } from './verify.js';

const LOOP = '\\[\n\\boxed{168}\n\\]\n\\[\n\\boxed{168}\n\\]\n\\[\n\\boxed{16';

describe('beforeCutRepeatedBox', () => {
  it('a loop of one boxed answer cut inside its last box', () => {
    expect(beforeCutRepeatedBox(LOOP)).toBe('\\[\n\\boxed{168}\n\\]\n\\[\n\\boxed{168}\n\\]\n\\[\n');
    expect(beforeCutRepeatedBox('\\boxed{(1, -16)} \\boxed{(1, -16)} \\boxed{(1,')).toBe(
      '\\boxed{(1, -16)} \\boxed{(1, -16)} ',
    );
  });

  it.each([
    ['So \\boxed{3', 'a single cut box'],
    ['\\boxed{35} and \\boxed{3', 'one complete box only'],
    ['\\boxed{5} \\boxed{6} \\boxed{6', 'boxes that differ'],
    ['\\boxed{168} \\boxed{168} \\boxed{17', 'a cut content that departs'],
    ['\\boxed{168} \\boxed{168} \\boxed{', 'an empty cut box'],
    ['\\boxed{168} \\boxed{168}', 'nothing cut'],
    ['\\boxed{168} \\boxed{168} or \\boxed{16', 'a cut box offered as an alternative'],
    ['\\boxed{168} \\boxed{168} or maybe \\boxed{1', 'a cut box after words'],
  ])('%j: no repeated answer (%s)', (text) => {
    expect(beforeCutRepeatedBox(text)).toBeUndefined();
  });
});

describe('verifyAnswer with a loop cut inside a box', () => {
  it('reads the repeated answer', () => {
    expect(verifyAnswer('168', LOOP).verdict).toBe('equal');
    expect(verifyAnswer('16', LOOP).verdict).toBe('not_equal');
  });

  it('a single cut box still states no answer', () => {
    expect(verifyAnswer('35', 'The answer is \\boxed{3').verdict).not.toBe('equal');
    expect(verifyAnswer('6', '\\boxed{5} \\boxed{6} \\boxed{6').verdict).not.toBe('equal');
  });
});
