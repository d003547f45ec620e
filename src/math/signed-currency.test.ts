import { describe, expect, it } from 'vitest';
import { withSignedCurrency } from './signed-currency.js';

describe('withSignedCurrency', () => {
  it('moves a sign before a currency symbol onto the number', () => {
    expect(withSignedCurrency('a net change of -$40')).toBe('a net change of -40');
    expect(withSignedCurrency('she lost -\\$12.50 today')).toBe('she lost -12.50 today');
  });

  it('leaves other dollars alone', () => {
    expect(withSignedCurrency('it costs $40 - $10 = $30')).toBe('it costs $40 - $10 = $30');
    expect(withSignedCurrency('$x-$ and $y$')).toBe('$x-$ and $y$');
  });
});
