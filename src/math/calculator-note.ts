/**
 * GSM8K's calculator annotations: its solutions, and models trained on them, write each computation
 * as `4*3=<<4*3=12>>12`. Read as text, the `>>` before the value qualified it as "greater than 12"
 * ("She has 4*3=<<4*3=12>>12 cupcakes." scored 0 against 12; a red team of stop 26). The notes are
 * removed before the answer is read, as GSM8K's own tooling strips them. Only a computation is one
 * (numbers and arithmetic signs around an `=`): `<<or 43>>` and `<<13>>` stay text.
 */
const CALCULATOR_NOTE = /<<[\d.,+\-*/() ]{1,200}=[\d.,+\-*/() ]{1,40}>>/g;

/** The text without its calculator notes (the text itself when it has none). */
export function withoutCalculatorNotes(text: string): string {
  return text.includes('<<') ? text.replace(CALCULATOR_NOTE, '') : text;
}
