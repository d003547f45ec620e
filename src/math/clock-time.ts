import { equal, notEqual, type Verdict } from './verdict.js';

/** `8:34`, `20:34:00`, `08:34 P.M.`, `8:34 pm`, `8:34 a. m.` (after normalization). */
const CLOCK_TIME = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?\s*(?:([ap])\.?\s*m\.?)?$/i;

interface ClockTime {
  /** Seconds after midnight; for an unmarked hour of 1 to 12, the morning reading. */
  seconds: number;
  /** Written with seconds or with am/pm: certainly a time of day, not a ratio. */
  marked: boolean;
  /** No am/pm and an hour of 1 to 12: the same face of a 12-hour clock in the afternoon too. */
  twelveHourAmbiguous: boolean;
}

function readClockTime(text: string): ClockTime | undefined {
  const match = CLOCK_TIME.exec(text.trim());
  if (match === null) return undefined;
  const hour = Number(match[1]);
  const rest = Number(match[2]) * 60 + Number(match[3] ?? 0);
  const half = match[4]?.toLowerCase();
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    const hour24 = (hour % 12) + (half === 'p' ? 12 : 0);
    return { seconds: hour24 * 3600 + rest, marked: true, twelveHourAmbiguous: false };
  }
  if (hour > 24 || (hour === 24 && rest > 0)) return undefined;
  return {
    seconds: (hour % 24) * 3600 + rest,
    marked: match[3] !== undefined,
    twelveHourAmbiguous: hour >= 1 && hour <= 12,
  };
}

const HALF_DAY = 12 * 3600;

/**
 * Two times of day (issue 9, MARIO_EVAL's unit tests): `20:34` = `20:34:00` = `08:34 P.M.`.
 * Compared only when at least one side is certainly a time (seconds or am/pm written); `7:32`
 * against `14:64` stays a ratio question. A gold without am/pm and an hour of 1 to 12 (`8:34`)
 * is the clock face and accepts the same face in the afternoon (`8:34 pm`). A prediction without
 * am/pm is read on the 24-hour clock: `8:34` is not `8:34 PM` (it had paid both `8:34 AM` and
 * `8:34 PM`, so leaving the half of the day out was never wrong: a red team of stop 28).
 * Undefined when the two are not both times of day. The gate is one `includes(':')` on each side.
 */
export function compareClockTimes(gold: string, pred: string): Verdict | undefined {
  if (!gold.includes(':') || !pred.includes(':')) return undefined;
  const goldTime = readClockTime(gold);
  const predTime = goldTime === undefined ? undefined : readClockTime(pred);
  if (goldTime === undefined || predTime === undefined || !(goldTime.marked || predTime.marked))
    return undefined;
  const difference = Math.abs(goldTime.seconds - predTime.seconds);
  const sameFace = goldTime.twelveHourAmbiguous && difference === HALF_DAY;
  return difference === 0 || sameFace
    ? equal('clock-time', `both are the time of day ${gold.trim()}`)
    : notEqual('clock-time', `the time of day ${pred.trim()} differs from ${gold.trim()}`);
}
