import { normalizeAnswer } from './normalize.js';
import { parseAnswer } from './parse-answer.js';
import { equal, notEqual, type Verdict } from './verdict.js';

/**
 * A gold that is the range of values an answer key accepts: `[2.3 to 2.4]`, `[167 to 171]`, as JEE
 * Advanced's keys give a numeric answer (real outputs round 21: seven models on JEE Advanced 2025,
 * naveenreddy61/jeeadv2025-benchmark; the gold was read as the letters t and o multiplied). A
 * number inside the range, ends included, is equal; any other number is not. Only the word "to"
 * between the ends in square brackets: `[2.3, 2.4]` stays an interval (a set of values as the
 * answer), and a response's own range is no answer to it.
 */
const ACCEPTED_RANGE = /^\s*\[\s*(-?\d+(?:\.\d+)?)\s+to\s+(-?\d+(?:\.\d+)?)\s*\]\s*$/i;

export function compareAcceptedRange(
  gold: string | undefined,
  pred: string | undefined,
): Verdict | undefined {
  if (gold === undefined || pred === undefined || !gold.includes(' to ')) return undefined;
  const range = ACCEPTED_RANGE.exec(gold);
  if (range === null) return undefined;
  const low = Number(range[1]);
  const high = Number(range[2]);
  if (!(low <= high)) return undefined;
  const normalized = normalizeAnswer(pred);
  const value = parseAnswer(normalized.text, normalized.percent);
  if (value?.kind !== 'number' || normalized.percent) return undefined;
  const inside = value.approx >= low && value.approx <= high;
  const reason = `${value.text} is ${inside ? 'inside' : 'outside'} the accepted range ${low} to ${high}`;
  return inside ? equal('accepted-range', reason) : notEqual('accepted-range', reason);
}
