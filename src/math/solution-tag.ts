/**
 * Agents of the CodeAct kind submit their answer in a tag: `<solution> 45 </solution>` (MINT's
 * format; "The answer is <solution> 7.0 </solution>."), after `<thought>` and `<execute>` blocks and
 * the observations their code produced. The tag is read as an `<answer>` tag is (answer-marker.ts:
 * the last one, tags side by side several answers) when the response has no `<answer>` tag of its
 * own and the last tag ends it. Real outputs round 22: 19 models on MINT (xingyaoww/mint-bench), 37 correct answers refused
 * (`<solution> 45` read after "The answer is", or the reasoning's last number past `<solution>
 * False </solution>`).
 */
import { hasLetterOrDigit } from '../core/text.js';
export function solutionTagsAsAnswerTags(text: string): string {
  if (!text.includes('</solution>') || text.includes('<answer>')) return text;
  // The last tag ends the response (closing marks aside): a tag of scratch work followed by a
  // "Final answer: 17" is not the submission (red team of stop 44).
  const after = text.slice(text.lastIndexOf('</solution>') + '</solution>'.length);
  if (hasLetterOrDigit(after)) return text;
  return text.replace(/<(\/?)solution>/g, '<$1answer>');
}
