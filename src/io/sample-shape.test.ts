import { describe, expect, it } from 'vitest';
import { checkSampleShape } from './sample-shape.js';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 1; level < depth; level++) value = { a: value };
  return value;
}

describe('checkSampleShape', () => {
  it('accepts ordinary samples up to the depth limit', () => {
    expect(
      checkSampleShape({ id: 'a', response: 'x', reference: { answer: '1' } }, 'samples[0]'),
    ).toBeUndefined();
    expect(checkSampleShape(nested(65), 'samples[0]')).toBeUndefined();
  });

  it('refuses nesting past the limit without recursion, naming the path', () => {
    expect(checkSampleShape(nested(66), 'samples[0]')).toMatchObject({
      code: 'RK_INPUT_INVALID',
      message: expect.stringMatching(/^samples\[0\]\.a\.a.* is nested more than 64 levels deep/),
    });
    let deep: unknown = [];
    for (let level = 0; level < 1_000_000; level++) deep = [deep];
    expect(checkSampleShape({ meta: deep }, 'line 3')?.code).toBe('RK_INPUT_INVALID');
  });

  it('refuses too many values and prototype keys', () => {
    // A 128k-token response with its log-probabilities is ordinary; a million values is not.
    const logprobs = new Array<number>(256_000).fill(-0.5);
    expect(checkSampleShape({ id: 'a', logprobs }, 'samples[1]')).toBeUndefined();
    const meta = { a: new Array<number>(600_000).fill(0), b: new Array<number>(600_000).fill(0) };
    expect(checkSampleShape({ id: 'a', meta }, 'samples[1]')?.code).toBe('RK_INPUT_TOO_LARGE');
    expect(checkSampleShape(JSON.parse('{"reference":{"__proto__":{"x":1}}}'), 's')).toMatchObject({
      code: 'RK_INPUT_INVALID',
      where: 's.reference.__proto__',
    });
    expect(checkSampleShape({ meta: { constructor: { prototype: {} } } }, 's')?.where).toBe(
      's.meta.constructor.prototype',
    );
    // `constructor` alone, or `prototype` elsewhere, is ordinary data.
    expect(checkSampleShape({ meta: { constructor: 'x', prototype: 1 } }, 's')).toBeUndefined();
  });
});
