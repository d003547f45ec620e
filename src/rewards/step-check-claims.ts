/** Whether a step claims its equations or only tests, asks about or rejects them. */

/**
 * The step says an equation fails (`which is false`, `$30025=13689$? I don't think so!`): a
 * candidate rejected or asked about, not a claim. ("which is incorrect" is not taken as a
 * rejection: PRMBench's injected errors say it of the wrong claim they make.)
 */
const REJECTS =
  /\$\s*\?|\bI don'?t think so\b|\b(?:not true|(?:is|are|was|which is) false|not (?:a |an )?(?:valid )?solution|extraneous|(?:doesn'?t|does not|do not|don'?t) (?:work|hold|satisfy|check out)|contradiction|impossible)\b|\\neq|≠/i;
/**
 * The step plugs a candidate in to test it, or writes an equation with values substituted
 * (`the equation $a+a=d+d+d$ becomes 5 + 5 = 3 + 3 + 3`).
 */
const TESTS =
  /\b(?:plug(?:s|ged|ging)?|substitut\w*|test(?:s|ing)?|try(?:ing)?)\b|\b(?:equation|equality)\b[^.]*\bbecomes\b/i;
/** ... and says the test passed: then its equations are claims again. */
const AFFIRMS = /\b(?:is true|holds|works|is valid|satisf(?:y|ies)|checks out)\b/i;
/** A question the step asks (`check if x = 1/2 satisfies ...`): what follows is not an affirmation. */
const QUESTION = /\b(?:if|whether)\b[^.;:]*/gi;

/**
 * An equation a step writes only to reject it (`Plugging in $1$ we get $1=\sqrt{9}+4$`, `... which
 * is false, so x = -1 is extraneous`) is a candidate under test, not a claim: a false one is
 * `not_checkable`. A step that plugs in a candidate and says it works still asserts its equations;
 * "check if it satisfies" asks, it does not say.
 */
export function testedNotClaimed(step: string): boolean {
  return REJECTS.test(step) || (TESTS.test(step) && !AFFIRMS.test(step.replace(QUESTION, ' ')));
}
