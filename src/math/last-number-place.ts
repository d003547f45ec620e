/**
 * Where a last number read from prose starts in the response it was read from, or undefined when
 * the extraction is not one such number (another extractor, a list already joined, or text that
 * is not at its recorded place: the response was rewritten before extraction). The rules that
 * widen a last number with its neighbours (a scale word after it, a list joined by "and" before
 * it) read around this place.
 */
export function lastNumberStart(
  extraction: { text: string; extractor: string; end: number } | undefined,
  response: string,
): number | undefined {
  if (extraction?.extractor !== 'last_number' || extraction.text.includes(',')) return undefined;
  const start = extraction.end - extraction.text.length;
  if (start < 0 || response.slice(start, extraction.end) !== extraction.text) return undefined;
  return start;
}
