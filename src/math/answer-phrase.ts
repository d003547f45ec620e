import { PRECISION_NOTE } from './precision-note.js';

/**
 * Numbers in an answer sentence that state a condition, not the answer: after a preposition of
 * time, rate or place ("Janeth will still owe 220 dollars in 12 months", "d'ici 12 mois", "after 3
 * days", "per 2 hours", "for all 3 tasks"), a means ("saves $6 by buying 18 flowers": real outputs
 * round 29; verbs of acquiring and doing only, not of counting or arithmetic, "found by subtracting 5
 * from 17", and not after "or" or a parenthesis, "12, or by counting 13": stop 47's red team), a remainder ("with 3 left over") or a whole ("8 students
 * (out of 20)"), or a count of places ("5.91 (to 2 decimal places)", precision-note.ts). When a prose answer phrase is read for its number, these are skipped; a
 * phrase with no other number keeps them.
 */
const CONDITION_NUMBER =
  /\b(?:in|after|within|over|per|every|each|for|before|during|until|with|out\s+of|(?<!\bor\s+|\(\s*)by\s+(?:buying|selling|purchasing|paying|spending|saving|making|baking|earning|working|walking|running|driving|riding|reading|writing|planting|picking|eating|giving|sharing|renting|hiring|using|ordering|choosing|packing|filling)|dans|après|pendant|en|d'ici|d’ici|nach|innerhalb|por|durante)\s+(?:the\s+|all\s+|les\s+|la\s+|le\s+)?(?:first\s+|next\s+|last\s+)?-?\d[\d,]*(?:\.\d+)?/gi;

/** The phrase with its condition numbers blanked out, or undefined when it has none. */
export function withoutConditionNumbers(phrase: string): string | undefined {
  if (!/\d/.test(phrase)) return undefined;
  let found = false;
  const mask = () => {
    found = true;
    return ' ';
  };
  const masked = phrase.replace(CONDITION_NUMBER, mask).replace(PRECISION_NOTE, mask);
  return found ? masked : undefined;
}
