/**
 * A segment named with its bar: `\overline{AB}` as the whole answer is the segment AB, the
 * answer a gold `AB` names (geometry answers: "which side is longest?"). Only two or three capital
 * letters (a segment, or a side of a named figure); `\overline{z}` (a conjugate) and
 * `0.\overline{3}` (a repeating decimal) are other things and stay as written. Inside a relation
 * (`\overline{AB} = 5`) the bar is a label's and label.ts reads it.
 */
const BARRED_SEGMENT = /^\\overline\s*\{\s*([A-Z]{2,3})\s*\}$/;

/** `AB` for a whole answer `\overline{AB}`; the text unchanged otherwise. */
export function withoutSegmentBar(text: string): string {
  const match = BARRED_SEGMENT.exec(text);
  return match === null ? text : (match[1] as string);
}
