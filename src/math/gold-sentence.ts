/**
 * A gold written as a sentence that states its value: `The number is 4.`, `Avogadro's number is
 * approximately 6.022e23.` (graders that keep the reference solution's last message as the gold).
 * Read as a response is read (the value after the verb, or the sentence's last number), not as the
 * expression T·h·e·n·u·m·b·e·r... Only a sentence: a capitalised word first, a verb of being
 * (`is`, `are`, `was`, `equals`), a digit after it, a full stop at the end. Text golds without a
 * digit (`The midpoints form a regular hexagon`), phrases (`10 weeks and 2 days`) and sentences
 * that state two values after the verb (`There are 12 apples and 3 pears.`) stay whole.
 */
const STATING_SENTENCE =
  /^[A-Z][A-Za-z']+\s[^\n]{0,200}?\b(?:is|are|was|were|equals?)\b[^\n]{0,200}?\d[^\n]{0,200}\.$/;

const VERB = /\b(?:is|are|was|were|equals?)\b/;
/**
 * A value in a sentence: a number (`6.022e23` is one), a fraction (`1/2`), or forms of one value
 * joined by "or" (`1/2 or 0.5`, which the gold reads as the same value twice).
 */
const NUMBER_IN_SENTENCE =
  /\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?(?:(?:\s*\/\s*|\s+or\s+)\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?)*/gi;

/** Whether the gold is one sentence that states one value. */
export function isStatingSentence(gold: string): boolean {
  const text = gold.trim();
  if (text.length > 400 || text.includes('\\') || text.includes('$') || !STATING_SENTENCE.test(text))
    return false;
  // "There are 12 apples and 3 pears.": two values stated, neither one the answer alone.
  const verb = VERB.exec(text) as RegExpExecArray;
  return (text.slice(verb.index).match(NUMBER_IN_SENTENCE) ?? []).length <= 1;
}
