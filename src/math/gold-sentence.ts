/**
 * A gold written as a sentence that states its value: `The number is 4.`, `Avogadro's number is
 * approximately 6.022e23.` (graders that keep the reference solution's last message as the gold).
 * Read as a response is read (the value after the verb, or the sentence's last number), not as the
 * expression T·h·e·n·u·m·b·e·r... Only a sentence: a capitalised word first, a verb of being
 * (`is`, `are`, `was`, `equals`), a digit after it, a full stop at the end. Text golds without a
 * digit (`The midpoints form a regular hexagon`) and phrases (`10 weeks and 2 days`) stay whole.
 */
const STATING_SENTENCE =
  /^[A-Z][A-Za-z']+\s[^\n]{0,200}?\b(?:is|are|was|were|equals?)\b[^\n]{0,200}?\d[^\n]{0,200}\.$/;

/** Whether the gold is one sentence that states a value. */
export function isStatingSentence(gold: string): boolean {
  const text = gold.trim();
  return text.length <= 400 && !text.includes('\\') && !text.includes('$') && STATING_SENTENCE.test(text);
}
