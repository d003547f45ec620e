import { NUMBER } from './last-number.js';

/**
 * An answer the response takes back after stating it: `\boxed{5} is wrong.`, "\boxed{5}. Hmm,
 * that's wrong; it should be 6.", "\boxed{5} (just kidding, it's 6)", "The answer is 5. Scratch
 * that.". Whatever follows, the response does not stand by the value it boxed, so an RL policy
 * must not be paid for it (a policy that learns to box a guess and disown it keeps both).
 *
 * Reads the text after the extracted answer, sentence by sentence. A sentence retracts when it
 * opens on a disavowal of the answer right after it (`is wrong`, `is incorrect`, `is not right`),
 * refers back to it (`that/this/it/my answer ... is/was/seems ... wrong/incorrect/a mistake`), or
 * says "just kidding", "scratch that", "ignore/disregard that/the above". A sentence that carries a
 * value of its own ("If you got 6, that is wrong.") judges that value, not the answer, and is
 * skipped, as is a sentence that denies the doubt ("this is not wrong").
 */

/** Words that disown what stands before them: "wrong", "probably incorrect", "not really", "nope". */
const DISOWNING_WORDS = String.raw`(?:(?:probably|definitely|actually|clearly|totally|likely|surely)\s+)?(?:wrong|incorrect|invalid|not\s+(?:right|correct|really)|a\s+mistake|an\s+error|mistaken|false|nope)`;
/**
 * An opening bracket (`(`, `[`, `\text{(`), then DISOWNING_WORDS, up to its closing bracket: the
 * source both the remark after an answer and the remark inside an extracted answer are built from.
 */
const BRACKETED_DISOWNING = String.raw`(?:\(|\[|\\text\{\s*\(?)\s*${DISOWNING_WORDS}\s*[.!]*\s*`;

/**
 * Right after the answer, a denial that it is the answer: "is not the answer", "are not the
 * roots", "isn't the correct solution" (a red team of stop 33: "19 is not the answer." paid 19).
 */
const DENYING_VERB = String.raw`(?:is|are|was|were)(?:\s+not|n['’]t)`;
const NOT_THE_ANSWER = String.raw`${DENYING_VERB}\s+(?:(?:the|a|an|my|our)\s+)?(?:(?:correct|right|final|true|real)\s+)?(?:answer|solution|result|root|value)s?\b`;

/**
 * Right after a root, a reason it is no solution: "does not satisfy the original equation", "is
 * extraneous", "must be rejected", "is not in the domain", "makes the denominator zero" (a red
 * team of stop 41 was paid for each against the root it rejects; a root found, then rejected, is
 * the ordinary end of a solution to a rational or radical equation).
 */
const REJECTED_ROOT = String.raw`(?:(?:does|do)\s+not|doesn['’]t|don['’]t|fails?\s+to)\s+(?:satisfy|work|check\s+out)\b|(?:is|are)\s+(?:an?\s+)?extraneous\b|(?:is|are|must\s+be|should\s+be|has\s+to\s+be|have\s+to\s+be)\s+(?:rejected|discarded|invalid|not\s+(?:valid|allowed|admissible|in\s+the\s+domain)|outside\s+the\s+domain|undefined)\b|leads?\s+to\s+a\s+contradiction|(?:cannot|can['’]t)\s+be\s+(?:a|the)\s+(?:solution|root|answer)|(?:is|are)\s+not\s+(?:a\s+)?valid\s+(?:answer|solution|root)s?|(?:is|are)\s+too\s+(?:small|large|big)|\(?fails\b|makes?\s+(?:the\s+)?(?:denominator|expression|fraction|function|logarithm|log|square\s+root|radicand)\s+(?:equal\s+to\s+)?(?:zero|0|undefined|negative)\b`;

/**
 * Right after the answer: "is wrong", "is incorrect", "is not right/correct", "was a mistake", "is
 * not the answer", "is ruled out", "is unlikely", "? No idea." (a red team of stop 35); the same
 * said in parentheses ("5 (wrong)", "5 (probably incorrect)"); ", not really".
 */
const DISAVOWED_HERE = new RegExp(
  String.raw`^[\s}$)*.,:;-]*(?:(?:is|was|seems|looks|may\s+be|might\s+be|must\s+be)\s+(?:(?:probably|definitely|actually|clearly|totally|all|likely|very|highly)\s+)?(?:wrong|incorrect|not\s+(?:right|correct)|a\s+mistake|an\s+error|mistaken|ruled\s+out|unlikely|doubtful|excluded)\b|\?\s*(?:unlikely|no\s+idea|not\s+sure|doubtful|probably\s+not|who\s+knows)\b|${REJECTED_ROOT}|${NOT_THE_ANSWER}|${BRACKETED_DISOWNING}[)\]}]|(?<=^[\s}$)*]*,\s*)not\s+really\b(?!\s+[a-z]))`,
  'i',
);
/** A reference back to the answer, then a disavowal of it. */
const DISAVOWED_LATER =
  /\b(?:that|this|it|which|(?:my|this|that|our)\s+(?:answer|result|solution)|the\s+(?:above|previous)(?:\s+(?:answer|result))?|the\s+answer\s+above)\s*(?:'s|’s|\s+(?:is|was|seems|looks|may\s+be|might\s+be|must\s+be|could\s+be))\s+(?:(?:probably|definitely|actually|clearly|totally|all|likely|also)\s+)?(?:wrong|incorrect|not\s+(?:right|correct)|a\s+mistake|an\s+error|mistaken)\b/i;
/** "There is no solution": in a sentence after the answer, no value stands. */
const NO_SOLUTION = /\bthere\s+(?:is|are|exists?)\s+no\s+(?:real\s+|integer\s+|valid\s+)?solutions?\b/i;
/** An answer that there is none: "no real roots", "no solution", `\emptyset`, "none". */
const NO_SOLUTION_ANSWER =
  /\bno\s+(?:real\s+|integer\s+|valid\s+)?(?:roots?|solutions?)\b|\\(?:emptyset|varnothing)|∅|\bnone\b/i;
/** Words or signs of a case: the sentence speaks of part of the domain, not of the answer. */
const CASE_WORDS = /\b(?:for|when|if|unless|otherwise|case|part|where)\b|[<>≤≥]|\\(?:le|ge|lt|gt|leq|geq)\b/i;
/** Words that take back what was said, in any sentence. */
const TAKEN_BACK =
  /\b(?:just\s+kidding|j\/?k|kidding|joking|scratch\s+that|(?:ignore|disregard|forget)\s+(?:that|this|it|the\s+(?:above|previous|answer))|I\s+take\s+(?:that|it)\s+back)\b/i;
/**
 * The whole tail after the answer is a bare "no" / "nope" (after its closing marks), or a doubt
 * begun and cut off there: "Wait, no.", "Hmm, wait.", "No, wait" (an examiner's hard pairs and real
 * outputs round 29 of stop 47: "... $15 more. Wait, no." was paid 15).
 */
const BARE_NO =
  /^[\s}$"'*)]*[?.!]?\s*(?:(?:hmm+|oh|but)\s*[,.!…]*\s*)?(?:(?:no|nope|wait|hold\s+on)\s*[,.!…]*\s*){1,3}$/i;
/** A last sentence that begins a doubt and ends there: "Wait, no.", "Hmm, wait.", "Hold on." */
const DOUBT_BEGUN_LAST =
  /(?:^|[.!?]\s+)(?:(?:hmm+|oh|but|no|nope)\s*[,.!…]*\s*)?(?:wait|hold\s+on)\b(?:\s*[,.!…]*\s*(?:no|nope))?\s*[.!…]*\s*$/i;
/** A cheap gate before the patterns: some word of a retraction. */
const TRIGGER =
  /wrong|incorrect|right|correct|mistake|error|false|really|kidding|joking|\bjk\b|\bj\/k\b|scratch|ignore|disregard|forget|take|\bno(?:pe)?\b|\bwait\b|\bhold\s+on\b|ruled|unlikely|doubtful|excluded|\?\s*(?:no\s+idea|not\s+sure|probably\s+not|who\s+knows)/i;
/**
 * The other gate: a denying verb right after the answer (NOT_THE_ANSWER's opening), where
 * DISAVOWED_HERE reads it; "not" further on is common and retracts nothing by itself.
 */
const DENIED_RIGHT_AFTER = new RegExp(String.raw`^[\s}$)*.,:;-]*${DENYING_VERB}\b`, 'i');
/** The third: a root rejected right after it (REJECTED_ROOT, which DISAVOWED_HERE reads). */
const REJECTED_RIGHT_AFTER = new RegExp(String.raw`^[\s}$)*.,:;-]*(?:${REJECTED_ROOT})`, 'i');
/** A denial of the doubt ("this is not wrong", "nothing is wrong"). */
const DENIED =
  /\b(?:not|nothing|never|n't)\s+(?:\w+\s+)?(?:wrong|incorrect|a\s+mistake|an\s+error|mistaken)\b/i;

/**
 * A later sentence that denies the value itself: "The answer is not 5.", "It isn't 5", "the final
 * answer is not $5$" (group: the value denied), the value ending its clause. A red team of stop 41
 * was paid for `\boxed{5}. The answer is not 5.`: the response ends denying what it boxed. Not a
 * value that goes on ("It is not 12 dozen, just 12 eggs", "not 5%", "not 3 in general": the second
 * red team of stop 42).
 */
const VALUE_DENIED =
  /\b(?:the\s+(?:final\s+|correct\s+|right\s+)?(?:answer|result|value|solution)|it)\s+(?:is|was|would\s+be|should\s+be)(?:\s+not|n['’]t)\s+(?:\$|\\\(|\\boxed\{|\*\*?)?\s*(-?\d[\d,]*(?:\.\d+)?)(?=\s*(?:\$|\\\)|\}|\*\*?)?\s*(?:[.!?;,]|$))/gi;

/** The one number `answer` holds, commas dropped, or undefined when it holds none or several. */
function soleNumber(answer: string): string | undefined {
  const numbers = answer.match(/-?\d[\d,]*(?:\.\d+)?/g);
  return numbers?.length === 1 ? (numbers[0] as string).replace(/,/g, '') : undefined;
}

/** Where a sentence of `tail` denies `answer`'s own value ("The answer is not 5."), the denial. */
function deniedValue(tail: string, answer: string | undefined): string | undefined {
  if (answer === undefined || !/not|n['’]t/i.test(tail)) return undefined;
  const value = soleNumber(answer);
  if (value === undefined) return undefined;
  VALUE_DENIED.lastIndex = 0;
  for (let match = VALUE_DENIED.exec(tail); match !== null; match = VALUE_DENIED.exec(tail)) {
    if ((match[1] as string).replace(/,/g, '') === value) return match[0];
  }
  return undefined;
}

/** Whether `sentence` holds a number of its own. */
function holdsValue(sentence: string): boolean {
  NUMBER.lastIndex = 0;
  const found = NUMBER.exec(sentence);
  return found !== null && found[0] !== '';
}

/** A remark in brackets that closes the extracted answer and disowns it: `5 (wrong)`, `5 [invalid]`, `5 \text{(wrong)}`. */
const DISOWNING_REMARK = new RegExp(String.raw`${BRACKETED_DISOWNING}\)?\s*[)\]}][\s.!}]*$`, 'i');

/**
 * Why the extracted answer disowns itself in a closing remark (`The answer is 5 (wrong).`: the
 * answer phrase reads the remark with the value), or undefined.
 */
export function disownedInAnswer(extracted: string): string | undefined {
  if (extracted.includes('\\')) {
    const mark = QUESTIONED_MARK.exec(extracted);
    if (mark !== null) return `the response marks its answer as doubtful: "${mark[0].trim()}"`;
    // `\underbrace{18}_{17}`: a brace labelled with another number names two values (red team of stop 35).
    const label = NUMBER_LABELLED_BRACE.exec(extracted);
    if (label !== null && label[1]?.trim() !== label[2])
      return `the answer is labelled with another value: "${label[0]}"`;
  }
  if (!extracted.includes('(') && !extracted.includes('[')) return undefined;
  const remark = DISOWNING_REMARK.exec(extracted);
  return remark === null ? undefined : `the response disowns its answer: "${remark[0].trim()}"`;
}

/**
 * A mark drawn on the answer that doubts or disowns it: a question mark over it or over its equals
 * sign (`\stackrel{?}{5}`, `\overset{?}{=} 5`), or a brace labelled wrong
 * (`\underbrace{5}_{\text{wrong}}`). Red team of stop 24: each scored 1.
 */
const QUESTIONED_MARK = new RegExp(
  String.raw`\\(?:stackrel|overset|underset)\s*\{\s*\?+\s*\}|\\(?:underbrace|overbrace)\s*\{[^{}]*\}\s*[_^]\s*\{\s*(?:\\text\s*\{)?\s*${DISOWNING_WORDS}`,
  'i',
);

/** A brace over or under a value, labelled with a number: `\underbrace{18}_{17}` (groups: the value, the label). */
const NUMBER_LABELLED_BRACE =
  /\\(?:underbrace|overbrace)\s*\{([^{}]*)\}\s*[_^]\s*\{\s*(-?\d+(?:\.\d+)?)\s*\}/;

/**
 * Why the answer that ends at `end` in `text` (the extracted `answer`, when given) is taken back,
 * or undefined when nothing after it disavows it.
 */
export function retractedAnswer(text: string, end: number, answer?: string): string | undefined {
  const tail = text.slice(end, end + 2_000);
  const denied = deniedValue(tail, answer);
  if (denied !== undefined) return `the response denies its answer: "${denied.trim()}"`;
  if (!TRIGGER.test(tail) && !DENIED_RIGHT_AFTER.test(tail) && !REJECTED_RIGHT_AFTER.test(tail))
    return undefined;
  // `Is it \boxed{5}? No.`: the response answers its own answer with a bare "no" and stops.
  if (BARE_NO.test(tail))
    return /wait|hold|hmm|oh|but/i.test(tail)
      ? `the response doubts its answer as it ends: "${tail.replace(/^[\s}$"'*).?!]+/, '').trim()}"`
      : 'the response answers its answer "no"';
  // "So she has $15 more if she hires the accountant. Wait, no.": the last sentence begins a doubt
  // and nothing stated between the answer and it offers another value.
  const doubt = DOUBT_BEGUN_LAST.exec(tail);
  if (doubt !== null && !/\d/.test(tail.slice(0, doubt.index)))
    return `the response doubts its answer as it ends: "${doubt[0].replace(/^[.!?\s]+/, '').trim()}"`;
  const here = DISAVOWED_HERE.exec(tail);
  if (here !== null) return `the response disowns its answer: "${here[0].trim()}"`;
  // An answer that itself says there is none ("no real roots", `\emptyset`) is restated, not taken back.
  const answersNone = NO_SOLUTION_ANSWER.test(text.slice(Math.max(0, end - 80), end));
  for (const sentence of tail.split(/(?<=[.!?;])\s+|\n+|\(/)) {
    // "... so there is no solution." after the answer denies any value (a red team of stop 41 was
    // paid for the box before it), unless the sentence holds a case ("For x < 0 there is no solution.").
    const none = NO_SOLUTION.exec(sentence);
    if (none !== null && !holdsValue(sentence) && !CASE_WORDS.test(sentence) && !answersNone)
      return `the response takes its answer back: "${none[0]}"`;
    const taken = TAKEN_BACK.exec(sentence) ?? DISAVOWED_LATER.exec(sentence);
    if (taken === null || DENIED.test(sentence)) continue;
    const rest = sentence.replace(taken[0], ' ');
    if (TAKEN_BACK.test(taken[0]) || !holdsValue(rest)) {
      return `the response takes its answer back: "${taken[0].trim()}"`;
    }
  }
  return undefined;
}
