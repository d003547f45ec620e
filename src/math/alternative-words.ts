/** Words that offer another value in a sentence after the answer. */
export const ALTERNATIVE_WORDS =
  /\b(?:or|alternatively|otherwise|maybe|perhaps|possibly|might|could|instead|actually|wait|either|unless|tentative(?:ly)?|plausible|also\s+(?:possible|works?|valid|correct|an?\s+answer)|works\s+(?:too|as\s+well)|equally\s+(?:valid|possible|correct)|another\s+(?:possibility|option|candidate|(?:possible\s+)?answer)|alternative|runner-up|candidate|backup|second\s+(?:choice|guess|option))\b|\bP\.\s?S\b/i;
