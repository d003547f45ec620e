import { describe, expect, it } from 'vitest';
import type { Extraction } from './extraction.js';
import { offeredAlternative, phraseHedge, qualifiedAnswer } from './hedged-answer.js';

/** An extraction of `value`, found where it last occurs in `text`. */
function at(text: string, value: string, extractor: Extraction['extractor'] = 'boxed'): Extraction {
  const start = text.lastIndexOf(value);
  return { text: value, extractor, end: start + value.length + (extractor === 'boxed' ? 1 : 0) };
}

describe('offeredAlternative', () => {
  it('reads a value offered after the answer', () => {
    const text = '\\boxed{40}. Or maybe 50.';
    expect(offeredAlternative(text, { text: '40', extractor: 'boxed', end: 10 })).toBe('50');
    expect(
      offeredAlternative(
        'The answer is 40. But it could also be 50.',
        at('The answer is 40. But', '40', 'final_answer'),
      ),
    ).toBe('50');
  });

  it('reads no value of a condition on a named unknown (real outputs round 28)', () => {
    const text =
      'The maximum is \\(\\boxed{0.25}\\).\n\nIt could be maximized when x and y are large. The maximum value is achieved when \\(x = 1\\) and \\(y = 0.5\\).';
    expect(offeredAlternative(text, at('The maximum is \\(\\boxed{', '0.25', 'boxed'))).toBeUndefined();
    expect(
      offeredAlternative('\\boxed{5}. Or maybe it is 6 when x = 2.', {
        text: '5',
        extractor: 'boxed',
        end: 10,
      }),
    ).toBe('6');
  });

  it('reads a second value accepted, or the answer under another reading (red team of stop 34)', () => {
    for (const tail of [
      '19 would also be accepted.',
      '19 is right too.',
      'Accept 19 as well.',
      '19 is the answer if we count the dog.',
      '19 is another solution.',
      "I'd also accept 19.",
      'If the dog counts, 19.',
    ]) {
      const text = `The answer is 18. ${tail}`;
      expect(offeredAlternative(text, at('The answer is 18.', '18', 'final_answer'))).toBe('19');
    }
    // "if we count" or "if you ignore" alone offers nothing: a side count, a mistake explained.
    for (const tail of [
      'If we count the dog it is still 18.',
      'Note that if we count the days, there are 7 of them.',
      'If you ignore the tax, you would get 16, which is wrong.',
      'This is correct as well as consistent with the 3 checks.',
    ]) {
      const text = `The answer is 18. ${tail}`;
      expect(offeredAlternative(text, at('The answer is 18.', '18', 'final_answer'))).toBeUndefined();
    }
  });

  it('reads a value joined by "or" right before the answer\'s wrappers (red team of stop 35)', () => {
    const boxed = 'The answer is 17 or \\boxed{18}.';
    expect(offeredAlternative(boxed, { text: '18', extractor: 'boxed', end: boxed.length - 2 })).toBe('17');
    expect(offeredAlternative('$17$ or 18', at('$17$ or 18', '18', 'last_number'))).toBe('17');
    expect(offeredAlternative('**17** or **18**', at('**17** or **18**', '18', 'last_number'))).toBe('17');
    // A restatement after a comma, and a fraction's braces, offer nothing.
    const comma = 'It is 1/4, or \\boxed{0.25}.';
    expect(
      offeredAlternative(comma, { text: '0.25', extractor: 'boxed', end: comma.length - 2 }),
    ).toBeUndefined();
    const frac = '\\frac{1}{4} or \\boxed{0.25}';
    expect(
      offeredAlternative(frac, { text: '0.25', extractor: 'boxed', end: frac.length - 1 }),
    ).toBeUndefined();
  });

  it('reads an answer in words joined by "or" right before the answer (stop 37)', () => {
    expect(offeredAlternative('None or 5', at('None or 5', '5', 'last_number'))).toBe('None');
    const boxed = 'There are infinitely many solutions or \\boxed{3}.';
    expect(offeredAlternative(boxed, { text: '3', extractor: 'boxed', end: boxed.length - 2 })).toBe(
      'infinitely many solutions',
    );
    expect(offeredAlternative('no real solutions or $5$', at('no real solutions or $5$', '5', 'latex'))).toBe(
      'no real solutions',
    );
    expect(offeredAlternative('seventeen or 18', at('seventeen or 18', '18', 'last_number'))).toBe(
      'seventeen',
    );
    // Words that are no answer of their own offer nothing.
    expect(
      offeredAlternative('Either way, or 18', at('Either way, or 18', '18', 'last_number')),
    ).toBeUndefined();
    expect(
      offeredAlternative('add them or \\boxed{18}', at('add them or \\boxed{18}', '18')),
    ).toBeUndefined();
  });

  it('reads a bare second value the response ends on after its answer (red team of stop 35)', () => {
    for (const [text, offered] of [
      ['\\boxed{18}, 17', '17'],
      ['\\boxed{18} / 17', '17'],
      ['\\boxed{18} if not 19', '19'],
      ['\\boxed{18} ~ 19', '19'],
    ] as const)
      expect(offeredAlternative(text, { text: '18', extractor: 'boxed', end: 10 })).toBe(offered);
    expect(offeredAlternative('\\boxed{18}.', { text: '18', extractor: 'boxed', end: 10 })).toBeUndefined();
  });

  it('takes the last value of the alternative passage (a second method that agrees offers the answer)', () => {
    const text = '\\boxed{10}.\n\nAlternatively, every multiple of 6 is a multiple of 3, so it is 10.';
    expect(offeredAlternative(text, { text: '10', extractor: 'boxed', end: 10 })).toBe('10');
  });

  it('reads a value after an interjected "no" that retracts the answer', () => {
    const text = 'The answer is 15. Wait, no, it is 16.';
    expect(offeredAlternative(text, at('The answer is 15. Wait', '15', 'final_answer'))).toBe('16');
    const colon = '\\boxed{15}. Wait, no: 16.';
    expect(offeredAlternative(colon, { text: '15', extractor: 'boxed', end: 11 })).toBe('16');
    // "no" before a value still rejects it; a check that agrees offers the answer itself.
    const rejects = '\\boxed{15}. Wait, there is no 16 here.';
    expect(offeredAlternative(rejects, { text: '15', extractor: 'boxed', end: 11 })).toBeUndefined();
    const check = '\\boxed{15}. Wait, no, let me check: 3 times 5 = 15.';
    expect(offeredAlternative(check, { text: '15', extractor: 'boxed', end: 11 })).toBe('15');
  });

  it('ignores sentences that reject a value and tails without a word of alternative', () => {
    expect(
      offeredAlternative('\\boxed{3}, since x = -2 or x = 3 and -2 is rejected.', {
        text: '3',
        extractor: 'boxed',
        end: 9,
      }),
    ).toBeUndefined();
    expect(
      offeredAlternative('\\boxed{40}. This is 10 more than 30.', {
        text: '40',
        extractor: 'boxed',
        end: 10,
      }),
    ).toBeUndefined();
  });

  it('reads words of a condition, a second candidate or a weak claim as an offer (red team round 3)', () => {
    const offered = (text: string) => offeredAlternative(text, { text: '5', extractor: 'boxed', end: 9 });
    expect(offered('\\boxed{5} (unless it is 6)')).toBe('6');
    expect(offered('\\boxed{5}. However, 6 also works.')).toBe('6');
    expect(offered('\\boxed{5}. 6 is another possibility.')).toBe('6');
    expect(offered('\\boxed{5} \\text{(tentatively; 6 is also plausible)}')).toBe('6');
    expect(offered('\\boxed{5}. Rounding 4.6 up works too: 5.')).toBe('5');
    // Probability talk is no offer: "equally likely" stays out of the words.
    expect(offered('\\boxed{5}. Each of the 6 faces is equally likely.')).toBeUndefined();
  });

  it('reads a bare value alone on the last line after the answer, not a list marker (red team round 3)', () => {
    const offered = (text: string) => offeredAlternative(text, { text: '5', extractor: 'boxed', end: 9 });
    expect(offered('\\boxed{5}\n\n6')).toBe('6');
    expect(offered('\\boxed{5}\n\n(6)')).toBe('6');
    expect(offered('\\boxed{5}\n\n- 6')).toBe('6');
    expect(offered('\\boxed{5}\n\nP.S. 6')).toBe('6');
    expect(offered('\\boxed{5}\n\n**Other candidate:** 6')).toBe('6');
    // Work after the answer (a check cut off at its last number) is no bare offer.
    expect(offered('\\boxed{5}\n\nCheck: 2 + 3\n5')).toBeUndefined();
    const looping = '168. The answer is 5.\n169. The answer is 5.\n170';
    expect(offeredAlternative(looping, at(looping, '5', 'final_answer'))).toBeUndefined();
  });

  it("reads a revision that rejects the answer, and offers despite the writer's doubts (red team of stop 23)", () => {
    const box = (tail: string) =>
      offeredAlternative(`\\boxed{42}${tail}`, { text: '42', extractor: 'boxed', end: 10 });
    expect(box("\nWait, it's 43, not 42.")).toBe('43');
    expect(box('\nCorrection: 43.')).toBe('43');
    expect(box(" -- no wait, it's 43")).toBe('43');
    expect(box(' Or maybe 43, not sure.')).toBe('43');
    expect(box('\nIt could also be 43, but I cannot verify.')).toBe('43');
    // A rejection of the other value, and "not" before a longer number, still reject.
    expect(box('\nOr 43? No.')).toBe('43');
    expect(box('\nAlternatively x = 43, which is not valid.')).toBeUndefined();
    expect(box("\nWait, it's 43, not 421.")).toBeUndefined();
    // A note that goes on about something else offers nothing (review of stop 23).
    expect(box('\n\nEdit: fixed a typo in step 3.')).toBeUndefined();
    expect(box('\n\nEdit 2: typo.')).toBeUndefined();
    expect(box('\n\nUpdate: I verified this numerically for 10 random inputs.')).toBeUndefined();
    expect(box('\nMaybe there is a faster way, but I cannot verify it for n = 5.')).toBeUndefined();
  });

  it('reads two numbers in words joined by "or" as an offer', () => {
    const text = 'so 12. Twelve or thirteen would be plausible.';
    expect(offeredAlternative(text, at(text, '12', 'last_number'))).toBe('13');
    const counted = 'so 12. Or, counting again, the two groups give 12.';
    expect(offeredAlternative(counted, at(counted, '12', 'last_number'))).toBe('12');
  });
  it('reads the value before a weak answer whose sentence opens with "Or"', () => {
    const text = 'So she earns 40 dollars. Or perhaps 50.';
    expect(offeredAlternative(text, at(text, '50', 'last_number'))).toBe('40');
    expect(offeredAlternative('forty (50)', at('forty (50)', '50', 'last_number'))).toBe('40');
  });

  it('reads an offer past words of doubt and before a repeated answer (red team of stop 26)', () => {
    const offer = (text: string) => offeredAlternative(text, at(text.slice(0, 12), '42'));
    expect(offer('\\boxed{42}. Or it could be 43, no idea.')).toBe('43');
    expect(offer('\\boxed{42}. Or 43 if I am not mistaken.')).toBe('43');
    expect(offer('\\boxed{42}. Could be 41 or 42.')).toBe('41');
    expect(offer('\\boxed{42}. It could be 42 or 42.')).toBe('42');
  });

  it('reads no alternative in where a bound is attained, unless the sentence offers one in words', () => {
    const text =
      'The maximum is $\\boxed{1}$. Equality occurs when one of $a$, $b$, or $c$ is 1 and the others are 0.';
    expect(offeredAlternative(text, at('The maximum is $\\boxed{1}', '1'))).toBeUndefined();
    const hedged = 'The maximum is $\\boxed{1}$. Equality holds when a=0 or b=0, or maybe the answer is 0.';
    expect(offeredAlternative(hedged, at('The maximum is $\\boxed{1}', '1'))).toBe('0');
  });
});

describe('qualifiedAnswer', () => {
  it.each([
    ['The answer is bigger than 42.', 'bigger than'],
    ['The answer is in excess of 42.', 'in excess of'],
    ['The answer is not quite 42.', 'not quite'],
    ['The answer is different from 42.', 'different from'],
    ['The answer is $\\gg 42$.', '\\gg'],
    ['The answer is ⩾ 42.', '⩾'],
    // Red team of stop 35: denials and disowning words.
    ['It is impossible for the answer to be 42.', 'impossible'],
    ['I doubt the answer is 42.', 'doubt'],
    ['There is no way the answer is 42.', 'no way'],
    ['It would be wrong to say the answer is 42.', 'wrong to say'],
    ['We can rule out 42.', 'rule out'],
    ['Common wrong answer: 42', 'wrong answer'],
    ['Distractor: 42', 'Distractor'],
    ['If the answer were 42, the sum would be odd.', 'If the answer were'],
    ['There is a 50% chance the answer is 42.', 'chance'],
    // Red team of stop 43: the last-number fallback's closing sentences.
    ['We try the values.\nMaybe a = 42.', 'Maybe'],
    ['So we cannot have a = 42.', 'cannot have'],
    ["The answer can't possibly be 42.", "can't possibly be"],
    ["The answer ain't 42.", "ain't"],
    ['The answer is far from 42.', 'far from'],
    ['The answer is 41 rather than 42.', 'rather than'],
  ])('reads %j as qualified by %j (red teams of stops 26 and 35)', (text, qualifier) => {
    expect(qualifiedAnswer(text, at(text, '42', 'final_answer'))).toContain(qualifier);
  });

  it('keeps "no doubt", values ruled out before the answer, and a conditional tense', () => {
    for (const text of [
      'There is no doubt the answer is 42.',
      'After ruling out 41 and 43 we get 42.',
      'She would have been 42.',
    ])
      expect(qualifiedAnswer(text, at(text, '42', 'last_number'))).toBeUndefined();
  });

  it('reads a negation before a list the fallback joined, from where the list starts (valueStart)', () => {
    const text = 'The roots are not 2 and 3.';
    const joined: Extraction = { text: '2, 3', extractor: 'last_number', end: 25, valueStart: 18 };
    expect(qualifiedAnswer(text, joined)).toContain('not');
    // Without valueStart the list is not in the text verbatim, and nothing was read.
    expect(qualifiedAnswer(text, { text: '2, 3', extractor: 'last_number', end: 25 })).toBeUndefined();
    const honest = 'The roots are 2 and 3.';
    expect(
      qualifiedAnswer(honest, { text: '2, 3', extractor: 'last_number', end: 21, valueStart: 14 }),
    ).toBeUndefined();
  });

  it('reads "over" and "under" before an interval as where, before a number as a bound', () => {
    const interval = 'The function is decreasing over (0, 5).';
    expect(qualifiedAnswer(interval, at(interval, '(0, 5)', 'last_number'))).toBeUndefined();
    const bound = 'He is over 40.';
    expect(qualifiedAnswer(bound, at(bound, '40', 'last_number'))).toContain('over');
  });

  it('reads "nor" and "neither" before a value as a denial', () => {
    const text = 'The roots are neither 2 nor 3.';
    expect(qualifiedAnswer(text, at(text, '3', 'last_number'))).toContain('nor');
    const neither = 'It is neither 3 nor 4.';
    expect(qualifiedAnswer(neither, at('It is neither 3', '3', 'last_number'))).toContain('neither');
  });

  it('reads a sentence that says "it is not the case that" before the value as disowning it', () => {
    const text = 'It is not the case that the answer is 42.';
    expect(qualifiedAnswer(text, at(text, '42', 'last_number'))).toContain('not the case');
  });

  it('leaves "a total of" and "for" before a value alone', () => {
    for (const text of ['The answer is a total of 42.', 'The total cost for 42.'])
      expect(qualifiedAnswer(text, at(text, '42', 'final_answer'))).toBeUndefined();
  });

  it('finds negations and bounds before the answer, through its box', () => {
    expect(
      qualifiedAnswer('The answer is at least 40.', at('The answer is at least 40.', '40', 'last_number')),
    ).toContain('at least');
    expect(qualifiedAnswer("It isn't $\\boxed{40}$.", at("It isn't $\\boxed{40}$.", '40'))).toContain(
      "isn't",
    );
    expect(qualifiedAnswer('x \\geq 40', at('x \\geq 40', '40', 'last_number'))).toContain('\\geq');
  });

  it('reads bounds written in \\text{} around the value, and a question mark inside the answer (red team round 3)', () => {
    const qualified = (text: string, value: string) => qualifiedAnswer(text, at(text, value));
    expect(qualified('\\boxed{\\text{no more than }5}', '5')).toContain('no more than');
    expect(qualified('\\boxed{\\text{under } 5}', '5')).toContain('under');
    expect(qualified('\\boxed{\\lesssim 5}', '5')).toContain('lesssim');
    expect(qualified('\\boxed{5\\text{ at most}}', '5')).toContain('at most');
    expect(qualified('\\boxed{5 \\text{ (at least)}}', '5')).toContain('at least');
    expect(qualified('\\boxed{5\\text{-ish}}', '5')).toContain('-ish');
    expect(qualifiedAnswer('\\boxed{5?}', { text: '5?', extractor: 'boxed', end: 10 })).toContain('question');
    expect(qualified('\\boxed{\\text{about } 5}', '5')).toBeUndefined();
    expect(qualified('\\boxed{5 \\text{ cm}}', '5')).toBeUndefined();
    expect(qualifiedAnswer('\\boxed{5}??', { text: '5', extractor: 'boxed', end: 9 })).toBeUndefined();
  });

  it('finds bounds after the answer', () => {
    expect(qualifiedAnswer('\\boxed{40+}', { text: '40', extractor: 'last_number', end: 9 })).toContain('+');
    expect(qualifiedAnswer('40 or more apples', at('40 or more apples', '40', 'last_number'))).toContain(
      'or more',
    );
  });

  it("finds a bound after the value's unit when it ends the clause, and reports the bound alone", () => {
    const bound = (text: string) => qualifiedAnswer(text, at(text, '19', 'last_number'));
    expect(bound('She needs 19 apples or more.')).toBe('the answer is qualified by "or more"');
    expect(bound('She needs 19 square feet at least.')).toBe('the answer is qualified by "at least"');
    expect(bound('It takes 19 minutes at most, so she is early.')).toContain('at most');
    expect(bound('She needs 19 apples or fewer')).toContain('or fewer');
    // Not a bound: the words go on, or the unit is followed by something else.
    expect(bound('She needs 19 apples or more precisely 19.0 apples.')).toBeUndefined();
    expect(bound('She has 19 apples and more pears are coming.')).toBeUndefined();
    expect(bound('She picks 19 apples or more pears.')).toBeUndefined();
    expect(bound('She needs 19 apples at least once.')).toBeUndefined();
    expect(bound('He has 19 apples at home.')).toBeUndefined();
    // ", if not more" (red team of stop 35); a reason after the comma is no bound.
    expect(bound('She has 19, if not more.')).toContain('if not more');
    expect(bound('She has 19, since 9 + 10 = 19.')).toBeUndefined();
  });

  it('finds bounds after the closing wrappers of the value, and negations through LaTeX spacing', () => {
    expect(qualifiedAnswer('\\boxed{42} or more', at('\\boxed{42} or more', '42'))).toContain('or more');
    expect(qualifiedAnswer('$42$ or fewer.', at('$42$ or fewer.', '42', 'latex'))).toContain('or fewer');
    expect(qualifiedAnswer('$42$ and more importantly', at('$42$ and more', '42', 'latex'))).toBeUndefined();
    const onward = 'The minimum is $\\boxed{12}$ and higher values of n give larger sums.';
    expect(qualifiedAnswer(onward, at(onward, '12'))).toBeUndefined();
    const negated = 'The answer is not $\\displaystyle\\boxed{42}$.';
    expect(qualifiedAnswer(negated, at(negated, '42'))).toContain('not');
    const spaced = 'It is anything but\\,\\boxed{42}.';
    expect(qualifiedAnswer(spaced, at(spaced, '42'))).toContain('anything but');
  });

  it('reads a sentence that disowns its own value (red team of stop 23)', () => {
    const mistake = 'A common mistake is to answer \\boxed{42}.';
    expect(qualifiedAnswer(mistake, at(mistake, '42'))).toContain('common mistake');
    const typical = 'A typical mistake: answering \\boxed{42}.';
    expect(qualifiedAnswer(typical, at(typical, '42'))).toContain('typical mistake');
    const lastNumber = 'So the total is 12.\nIt is false that the total is 13.';
    expect(qualifiedAnswer(lastNumber, at(lastNumber, '13', 'last_number'))).toContain('is false that');
    const honest = 'Without the common mistake of counting twice, the answer is \\boxed{42}.';
    expect(qualifiedAnswer(honest, at(honest, '42'))).toBeUndefined();
    for (const honest of [
      'He wrongly thought he had 10 apples, but he actually has $\\boxed{42}$.',
      'One might expect more apples, but the answer is \\boxed{42}.',
      'Mistakenly counting the red apples twice would give 15, so be careful: the answer is \\boxed{42}.',
      'The student fixed his wrong answer: he now writes 42.',
    ])
      expect(qualifiedAnswer(honest, at(honest, '42')), honest).toBeUndefined();
    const label = 'Wrong answer: 42';
    expect(qualifiedAnswer(label, at(label, '42', 'last_number'))).toContain('Wrong answer');
    const plain = 'We avoid mistakes. The answer is \\boxed{42}.';
    expect(qualifiedAnswer(plain, at(plain, '42'))).toBeUndefined();
  });

  it('leaves plain answers, tags and sums alone', () => {
    expect(
      qualifiedAnswer('The total is 18 dollars.', at('The total is 18 dollars.', '18', 'last_number')),
    ).toBeUndefined();
    expect(
      qualifiedAnswer('</think> <answer>5</answer>', { text: '5', extractor: 'answer_tag', end: 18 }),
    ).toBeUndefined();
    expect(qualifiedAnswer('40+5 = 45', at('40+5 = 45', '40', 'last_number'))).toBeUndefined();
    expect(
      qualifiedAnswer('So there are about 40.', at('So there are about 40.', '40', 'last_number')),
    ).toBeUndefined();
  });

  it('reads "adds up to" as a total, "up to" alone as a bound', () => {
    const total = 'The breaks add up to $\\boxed{5.0}$ hours.';
    expect(qualifiedAnswer(total, at(total, '5.0'))).toBeUndefined();
    const rounded = 'It rounds up to 8 boxes.';
    expect(qualifiedAnswer(rounded, at(rounded, '8', 'last_number'))).toBeUndefined();
    const bound = 'It takes up to $\\boxed{5}$ hours.';
    expect(qualifiedAnswer(bound, at(bound, '5'))).toContain('up to');
  });
});

describe('phraseHedge', () => {
  it('names several different values in a phrase, digits or words', () => {
    expect(phraseHedge('forty (50)', at('forty (50)', '50', 'last_number'))).toContain('several values');
    expect(phraseHedge('\\overset{50}{40}', at('\\overset{50}{40}', '40', 'last_number'))).toContain(
      'several',
    );
  });

  it('accepts one value said twice and condition numbers', () => {
    expect(phraseHedge('sixteen (16)', at('sixteen (16)', '16', 'last_number'))).toBeUndefined();
    expect(
      phraseHedge('220 dollars in 12 months', at('220 dollars in 12 months', '220', 'last_number')),
    ).toBeUndefined();
  });

  it('reads an ordinal as a position, not a value offered (real outputs round 12)', () => {
    const phrase = 'Therefore, the 100th term is 402';
    expect(phraseHedge(phrase, at(phrase, '402', 'last_number'))).toBeUndefined();
    const ordinal = '402 is the 100th term';
    expect(phraseHedge(ordinal, at(ordinal, '100', 'last_number'))).toContain('ordinal');
    const two = 'the 100th term is 402 or 100';
    expect(phraseHedge(two, at(two, '100', 'last_number'))).toContain('several values');
  });

  it('reads a calculation in parentheses that ends in the answer as no values offered', () => {
    const phrase = 'Sophia can drive 300 miles (12 gallons x 25 miles/gallon = 300 miles)';
    expect(phraseHedge(phrase, at(phrase, '300', 'last_number'))).toBeUndefined();
    const other = 'She can drive 300 miles (12 gallons x 25 miles/gallon = 250 miles)';
    expect(phraseHedge(other, at(other, '300', 'last_number'))).toContain('several values');
    const offered = 'She can drive 300 miles (or 12 x 25 = 300 miles)';
    expect(phraseHedge(offered, at(offered, '300', 'last_number'))).toContain('several values');
  });

  it('reads a subscript as a base or an index, not a value offered', () => {
    expect(phraseHedge('10101_{two}', at('10101_{two}', '10101', 'last_number'))).toBeUndefined();
    expect(phraseHedge('10101_{two} or 3', at('10101_{two} or 3', '3', 'last_number'))).toContain('several');
  });
});

describe('offeredAlternative: a revision right after the answer (a red team of stop 41)', () => {
  const boxed = (text: string): Extraction => ({ text: '5', extractor: 'boxed', end: text.indexOf('}') + 1 });
  it('reads the value a revision names', () => {
    for (const tail of [
      "I think it's 6.",
      "Hmm, on reflection, I think it's 6.",
      'The correct value is 6.',
      'Therefore the result is 6.',
      'Thus 6.',
      'That seems off. Recomputing gives 6.',
      'I made a mistake; it is 6.',
      '— no, 6.',
      'Hmm, 6?',
    ]) {
      const text = `\\boxed{5}\n\n${tail}`;
      expect(offeredAlternative(text, boxed(text))).toBe('6');
    }
  });
  it('leaves a restatement, a check and a value with its unit', () => {
    for (const tail of [
      'Thus 5 is the answer.',
      'Thus 10 = 2 x 5 checks out.',
      'Therefore the result is 300 minutes.',
    ]) {
      const text = `\\boxed{5}\n\n${tail}`;
      expect(offeredAlternative(text, boxed(text))).toBeUndefined();
    }
  });
});

// An examiner's hard pairs of stop 47.
describe('offeredAlternative: a value set against the answer by "but if"', () => {
  it.each([
    ["The answer is 12, but if we count both ends it's 13.", '13'],
    ['The answer is 12, but if we count both ends, it would be 13.', '13'],
  ])('%j offers %s', (text, offered) => {
    expect(offeredAlternative(text, at(text, '12', 'final_answer'))).toBe(offered);
  });

  it('offers nothing when the sentence calls that value wrong, or restates the answer', () => {
    const wrong = 'The answer is 12. But if you ignore the tax you get 16, which is wrong.';
    expect(offeredAlternative(wrong, at(wrong, '12', 'final_answer'))).toBeUndefined();
    const same = 'The answer is 12, but if we count both ends it is still 12.';
    expect(offeredAlternative(same, at(same, '12', 'final_answer'))).toBeUndefined();
  });
});

describe('phraseHedge: steps named in the phrase', () => {
  it('are no second value', () => {
    const phrase = '48 (see steps 1-3 above)';
    expect(phraseHedge(phrase, at(phrase, '48', 'final_answer'))).toBeUndefined();
    const other = '48 (or 49, see step 3)';
    expect(phraseHedge(other, at(other, '48', 'final_answer'))).toBeDefined();
  });
});
