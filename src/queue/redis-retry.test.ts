import { describe, expect, it } from 'vitest';
import { RetrySwitch } from './redis-retry.js';

describe('RetrySwitch', () => {
  it('backs off 250 ms per attempt up to 2 s, then gives up once stopped', () => {
    const retry = new RetrySwitch();
    expect([1, 2, 8, 20].map(retry.strategy)).toEqual([250, 500, 2000, 2000]);
    retry.stop();
    expect(retry.strategy(1)).toBeNull();
  });
});
