/**
 * Words that doubt, approximate, bound or deny a value ("maybe", "about", "at least", "not",
 * "wrong", "-ish"): written next to a value, it is not committed to. Shared by the rules that ask
 * whether words beside a value name it (word-label.ts) or are its unit (unit-words.ts); each adds
 * the words of its own place. A regex alternation source, lower case (the patterns are case-blind).
 */
export const QUALIFYING_WORDS =
  'not|never|maybe|perhaps|possibly|probably|likely|unlikely|guess\\w*|estimat\\w*|approx\\w*|about|around|nearly|almost|least|most|minimum|maximum|min|max|wrong|incorrect|false|invalid|rejected|either|or|ish';
