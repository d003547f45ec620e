/**
 * Angles in degrees against angles in radians. Normalization drops a degree mark (`30^\circ` is
 * compared as 30, so `90^\circ` = `90`); when the other side is written with pi (`\frac{\pi}{6}`),
 * the degree side is read again in radians (`30^\circ` = `\frac{30\pi}{180}`). A bare number is
 * never taken for degrees: `60` against `\frac{\pi}{3}` stays not equal.
 */
const DEGREE_MARK = String.raw`(?:\^\s*\{\s*\\circ\s*\}|\^\s*\\circ(?![A-Za-z])|\\degree(?![A-Za-z])|°|\s*\\text\{\s*degrees?\s*\}|\s+degrees?\b)`;
const DEGREES = new RegExp(String.raw`(\d+(?:\.\d+)?)\s*${DEGREE_MARK}`, 'g');

/** Whether an answer may carry a degree mark (a cheap gate). */
export function mayHoldDegrees(text: string | undefined): boolean {
  return text !== undefined && (text.includes('circ') || text.includes('°') || text.includes('degree'));
}

/** Whether a normalized answer is written with pi. */
export function mentionsPi(normalized: string | undefined): boolean {
  return normalized !== undefined && (normalized.includes('\\pi') || normalized.includes('π'));
}

/** The answer with every `N^\circ` written as `\frac{N\pi}{180}`, or undefined when it has none. */
export function degreesAsRadians(text: string): string | undefined {
  let found = false;
  const rewritten = text.replace(DEGREES, (_whole, value: string) => {
    found = true;
    return `\\frac{${value}\\pi}{180}`;
  });
  return found ? rewritten : undefined;
}
