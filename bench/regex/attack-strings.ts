/**
 * What recheck (a ReDoS checker: automaton analysis, and fuzzing for patterns with lookaround)
 * says of a pattern, and its attack string grown to a given length: the prefix, the pumped part
 * repeated, the suffix that makes the match fail and the engine backtrack.
 */
import { checkSync } from 'recheck';
import type { PatternLiteral } from './pattern-literals.js';

export interface PatternCheck extends PatternLiteral {
  status: 'safe' | 'vulnerable' | 'unknown';
  /** `exponential`, `polynomial` (with its degree) or `safe`; why it is unknown otherwise. */
  complexity: string;
  attack?: { pumps: { prefix: string; pump: string }[]; suffix: string };
}

export function checkPattern(pattern: PatternLiteral, timeoutMs: number): PatternCheck {
  // `g` and `y` change where a match starts, not how it backtracks.
  const result = checkSync(pattern.source, pattern.flags.replace(/[gy]/g, ''), { timeout: timeoutMs });
  if (result.status === 'vulnerable') {
    const { complexity, attack } = result;
    return {
      ...pattern,
      status: 'vulnerable',
      complexity:
        complexity.type === 'polynomial' ? `polynomial (degree ${complexity.degree})` : complexity.type,
      attack: { pumps: attack.pumps.map(({ prefix, pump }) => ({ prefix, pump })), suffix: attack.suffix },
    };
  }
  if (result.status === 'unknown') return { ...pattern, status: 'unknown', complexity: result.error.kind };
  return { ...pattern, status: 'safe', complexity: 'safe' };
}

/** The attack string of `check`, its pumped parts repeated until it is about `length` characters long. */
export function attackString(check: PatternCheck, length: number): string | undefined {
  const attack = check.attack;
  if (attack === undefined) return undefined;
  const fixed = attack.pumps.reduce((sum, part) => sum + part.prefix.length, 0) + attack.suffix.length;
  const pumped = Math.max(
    1,
    attack.pumps.reduce((sum, part) => sum + part.pump.length, 0),
  );
  const repeats = Math.max(1, Math.floor((length - fixed) / pumped));
  return attack.pumps.map((part) => part.prefix + part.pump.repeat(repeats)).join('') + attack.suffix;
}
