/**
 * "Or" and "maybe" in the languages of multilingual benchmarks, as a pattern: a word of a spaced
 * script standing alone ("Ou treize.", "Или 17."), or a word of Chinese, Japanese, Korean, Thai,
 * Bengali, Telugu or Arabic anywhere.
 */
export const FOREIGN_OFFERING_WORDS = String.raw`(?<![A-Za-z\u00c0-\u024f\u0400-\u04ff])(?:ou|oder|oppure|или|либо|або|atau|hoặc|veya|peut-être|vielleicht|quizás|quizá|talvez|forse|возможно|можливо)(?![A-Za-z\u00c0-\u024f\u0400-\u04ff])|或者|または|또는|หรือ|অথবা|లేదా|أو`;

/**
 * Words that offer another value in a sentence after the answer. Also the ones that accept a
 * second value or make it the answer under another reading ("19 would also be accepted", "19 is
 * right too", "Accept 19 as well", "19 is the answer if we count the dog", "If the dog counts,
 * 19": a red team of stop 34 whose hedges paid their first value), or call it another solution,
 * equally good, a fallback ("17 is another solution", "17 also satisfies the equation", "I'd also
 * accept 17", "Plan B: 17": a red team of stop 35; "the other root" is left out, as solutions often
 * name the root they discard), or set against the answer by "but if" ("The answer is 12, but if we
 * count both ends it's 13": an examiner's hard pairs of stop 47; only when the clause goes on to a
 * value it states, "it's", "we get", "the answer would be", and not when its sentence calls that
 * value wrong or excluded: stop 47's red team). Not "if we count ..." or "if
 * you ignore ..." alone: a tail that explains a mistake ("If you ignore the tax, you would get 16,
 * which is wrong.") or a side count ("if we count the days, there are 7") offers nothing.
 * "Or" and "maybe" also in the languages of multilingual benchmarks ("La réponse est douze. Ou
 * treize.", "Ответ: 18. Или 17."; foreign-answer-marker.ts reads their answer statements).
 */
export const ALTERNATIVE_WORDS = new RegExp(
  String.raw`\b(?:or|alternatively|otherwise|maybe|perhaps|possibly|might|could|instead|actually|wait|either|unless|tentative(?:ly)?|plausible|also\s+(?:be\s+)?(?:possible|works?|valid|correct|right|fine|ok(?:ay)?|accept(?:ed|able)|counts?|allowed|an?\s+(?:answer|solution))|(?:right|correct|valid|acceptable|accepted|fine|ok(?:ay)?)\s+(?:too|as\s+well(?!\s+as))|accept\s+\S{1,30}\s+(?:too|as\s+well(?!\s+as))|(?:is|are)\s+(?:also\s+)?the\s+(?:answer|result)\s+if|but\s+if(?=[^.;!?]{0,80}?\b(?:it(?:['’]s|\s+is|\s+would\s+be|\s+becomes)|(?:we|you)\s+(?:would\s+)?(?:get|have)|the\s+answer\s+(?:is|would\s+be))\b)(?![^.;!?]*\b(?:wrong|incorrect|mistaken|(?:a\s+)?mistake|overcount\w*|undercount\w*|exclude[sd]?|invalid|not\s+allowed)\b)|if\s+[^.,;]{1,40}\s+(?:counts|(?:is|are)\s+(?:counted|included|excluded))|works\s+(?:too|(?:just\s+)?as\s+well)|another\s+solution|also\s+(?:satisfies|fits)|satisfies\s+[^.]{0,30}\s+too|equally\s+good|likewise\s+(?:valid|correct|possible)|(?:I['’]d|I\s+would|we\s+would|would)\s+also\s+accept|plan\s+b|fallback|defensible|torn\s+(?:with|between)|equally\s+(?:valid|possible|correct)|another\s+(?:possibility|option|candidate|(?:possible\s+)?answer)|alternative|runner-up|candidate|backup|second\s+(?:choice|guess|option))\b|\bP\.\s?S\b|${FOREIGN_OFFERING_WORDS}`,
  'i',
);
