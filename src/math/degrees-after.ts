import { lastNumberStart } from './last-number-place.js';

/** A degree sign or word right after a number in prose: `30°`, "90 degrees", `45^\circ`. */
const DEGREES_AFTER = /^(?:\s*°|\s*\^\s*\{?\\circ\}?|\s+deg(?:rees?)?\b)/i;

/**
 * A last number read from prose keeps the degrees after it when the gold is an angle in radians
 * (it holds π): "The angle measures 90 degrees." against `\frac{\pi}{2}` is 90°, as `90^\circ` in a
 * box is (an examiner's hard pairs of stop 47: the word was dropped, and 90 was compared with
 * 1.5708). Other golds keep the number alone, as before. Undefined when there is nothing to add.
 */
export function withDegreesAfter<T extends { text: string; extractor: string; end: number }>(
  extraction: T | undefined,
  response: string,
  goldInRadians: boolean,
): T | undefined {
  if (!goldInRadians || extraction === undefined || lastNumberStart(extraction, response) === undefined)
    return undefined;
  const degrees = DEGREES_AFTER.exec(response.slice(extraction.end, extraction.end + 16));
  return degrees === null ? undefined : { ...extraction, text: `${extraction.text}^\\circ` };
}
