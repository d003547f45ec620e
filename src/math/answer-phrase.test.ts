import { describe, expect, it } from 'vitest';
import { withoutConditionNumbers } from './answer-phrase.js';

describe('withoutConditionNumbers', () => {
  it('blanks numbers after a preposition of time, rate or place', () => {
    expect(withoutConditionNumbers("Janeth aura encore 220 $ à payer d'ici 12 mois")).not.toContain('12');
    expect(withoutConditionNumbers('she will owe 220 dollars in 12 months')).toContain('220');
    expect(withoutConditionNumbers('after 3 days, 45 apples are left')).not.toMatch(/\b3\b/);
  });

  it('is undefined when the phrase has no such number', () => {
    expect(withoutConditionNumbers('sixteen (16)')).toBeUndefined();
    expect(withoutConditionNumbers('a total of 45 apples')).toBeUndefined();
  });

  it('blanks a remainder, a whole and "for all N" (red team of stop 26)', () => {
    expect(withoutConditionNumbers('12, with 3 left over')).not.toMatch(/\b3\b/);
    expect(withoutConditionNumbers('8 students (out of 20)')).not.toContain('20');
    expect(withoutConditionNumbers('5 hours for all 3 tasks')).not.toMatch(/\b3\b/);
  });
});

// Real outputs round 29 (a Qwen3 GRPO rollout): "Vincent saves $6 by buying 18 flowers" read 18.
describe('a means after the answer', () => {
  it('masks the number of "by buying 18", not that of "increased by 18"', () => {
    expect(withoutConditionNumbers('Vincent saves $6 by buying 18 flowers.')).toBe(
      'Vincent saves $6   flowers.',
    );
    expect(withoutConditionNumbers('It increased by 18.')).toBeUndefined();
  });
});
