import { describe, expect, it } from 'vitest';
import {
  goldGuided,
  noSolutionPastWeakExtraction,
  optionsPastWeakExtraction,
  truthPastWeakExtraction,
} from './gold-guided.js';
import { parseAnswer } from './parse-answer.js';

function gold(normalized: string, extra: { choice?: string } = {}) {
  return { value: parseAnswer(normalized, false), trace: { normalized }, ...extra };
}

describe('goldGuided', () => {
  it('a choice gold: the last sentence naming a choice not ruled out', () => {
    const read = goldGuided(gold('D', { choice: 'D' }), 'We check each. D. It cannot be A or B.');
    expect(read?.guidedBy).toBe('gold_guided_choice');
    expect(read?.text).toBe('D');
    expect(goldGuided(gold('D', { choice: 'D' }), 'It is maybe D.')).toBeUndefined();
  });

  it('a number gold answered in words in the last sentence', () => {
    const read = goldGuided(gold('3'), 'Counting them all. There are three solutions.');
    expect(read?.guidedBy).toBe('gold_guided_number_words');
    expect(goldGuided(gold('3'), 'There are three or four solutions.')).toBeUndefined();
    // A computation cut off at its operator: its premise's number word is no answer (round 26).
    expect(goldGuided(gold('6'), 'Michael has six $5 bills:\n= 6 × $5\n=')).toBeUndefined();
    // A markdown rule after the sentence is no operator.
    expect(goldGuided(gold('12'), 'There are twelve ways in total\n\n---')?.text).toBe('twelve');
  });

  it('yes or no, and the last words of a word gold', () => {
    expect(goldGuided(gold('yes'), 'Yes, it is possible.')?.text).toBe('Yes');
    expect(goldGuided(gold('Monday'), 'So the meeting falls on Monday.')?.text).toBe('Monday');
    expect(goldGuided(gold('Monday'), 'Sunday or Monday.')).toBeUndefined();
  });

  it('reads "no" as an answer, not as a determiner, in the last three sentences', () => {
    expect(goldGuided(gold('yes'), 'Yes. There is no other possibility.')?.text).toBe('Yes');
    expect(goldGuided(gold('no'), 'Yes. No contradiction arises.')?.text).toBe('Yes');
    expect(goldGuided(gold('no'), 'No it is not possible.')?.text).toBe('No');
    expect(goldGuided(gold('no'), 'We check every case. So no.')?.text).toBe('no');
    // No yes or no as an answer anywhere: the last sentence's word, as before.
    expect(goldGuided(gold('no'), 'There is no such number.')?.text).toBe('no');
  });

  it('all real numbers against the whole real line', () => {
    const read = goldGuided(gold('(-\\infty, \\infty)'), 'It holds for all real numbers.');
    expect(read?.guidedBy).toBe('gold_guided_all_reals');
  });

  it('reads "neither" of "neither even nor odd" and no word a negation denies (red team of stop 26)', () => {
    expect(goldGuided(gold('\\text{odd}'), 'The function is neither even nor odd.')?.text).toBe('neither');
    expect(goldGuided(gold('\\text{odd}'), 'So the function is even, not odd.')).toBeUndefined();
  });
});

describe('truthPastWeakExtraction', () => {
  const weak = { text: '2', extractor: 'last_number' as const, end: 0 };
  it('reads the truth word of the last sentence past a number of the working', () => {
    const text = 'The divergence is chi squared up to a factor of 2. Therefore, the statement is true.';
    expect(truthPastWeakExtraction(gold('True'), weak, text)?.text).toBe('true');
    expect(truthPastWeakExtraction(gold('yes'), weak, 'Since 7 > 5, yes.')?.text).toBe('yes');
  });

  it('leaves the extraction alone without a truth word, for a strong extractor, or for another gold', () => {
    expect(truthPastWeakExtraction(gold('True'), weak, 'The value is 2.')).toBeUndefined();
    expect(
      truthPastWeakExtraction(gold('True'), weak, 'So 2 = 3. The statement is not true.'),
    ).toBeUndefined();
    expect(
      truthPastWeakExtraction(gold('True'), { ...weak, extractor: 'boxed' }, 'So it is true.'),
    ).toBeUndefined();
    expect(truthPastWeakExtraction(gold('even'), weak, 'So 2 is even.')).toBeUndefined();
  });

  it('takes only a closing sentence that states the truth value unqualified (a red team of stop 29)', () => {
    for (const closingSentence of [
      'So the claim is not always true.',
      'It is false rather than true.',
      'I am not sure whether it is true.',
      'The statement is true/false.',
    ])
      expect(
        truthPastWeakExtraction(gold('True'), weak, `We find n = 2. ${closingSentence}`),
      ).toBeUndefined();
  });

  it('takes "no" only as an answer, not as a determiner', () => {
    expect(
      truthPastWeakExtraction(gold('no'), weak, 'There are 3 cases; none has no solution, so 3.'),
    ).toBeUndefined();
    expect(truthPastWeakExtraction(gold('no'), weak, 'The count is 3, so no.')?.text).toBe('no');
  });
});

describe('truthPastWeakExtraction: conditions and turns', () => {
  const weak = { text: '2', extractor: 'last_number' as const, end: 0 };
  it('takes no yes or no said under a condition or a doubt', () => {
    expect(truthPastWeakExtraction(gold('yes'), weak, 'We get n = 2. If n were odd, yes.')).toBeUndefined();
    expect(truthPastWeakExtraction(gold('yes'), weak, 'We get 4 solutions. Not sure, yes.')).toBeUndefined();
    expect(truthPastWeakExtraction(gold('yes'), weak, 'Since 7 > 5, yes.')?.text).toBe('yes');
  });
});

describe('optionsPastWeakExtraction', () => {
  const weak = { text: '0.8', extractor: 'last_number' as const, end: 0 };
  const options = { ...gold('BC'), choices: 'BC' };
  const text = 'Since 0.8413 > 0.8, Option D is incorrect.\n\nIn summary, the correct options are B and C.';
  it('reads the options a last sentence states past a number of the working (gaokao, real outputs round 19)', () => {
    const read = optionsPastWeakExtraction(options, weak, text);
    expect(read?.text).toBe('In summary, the correct options are B and C.');
    expect(read?.guidedBy).toBe('gold_guided_options');
  });

  it('leaves a strong extraction, a gold of one option or none, and a last sentence of working alone', () => {
    expect(optionsPastWeakExtraction(options, { ...weak, extractor: 'boxed' }, text)).toBeUndefined();
    expect(optionsPastWeakExtraction(gold('B'), weak, text)).toBeUndefined();
    expect(optionsPastWeakExtraction(options, weak, 'The correct options give 0.8.')).toBeUndefined();
  });
});

// An examiner's hard pairs of stop 47: "Hence there is no solution." after a check's math span.
describe('noSolutionPastWeakExtraction', () => {
  const text =
    'Squaring gives $x = -1$, but checking, $\\sqrt{-1+2} = 1 \\ne -1$. Hence there is no solution.';
  const span = {
    text: '\\sqrt{-1+2} = 1 \\ne -1',
    extractor: 'latex' as const,
    end: text.indexOf('. Hence'),
  };

  it('reads a closing sentence that only concludes there is none, against such a gold', () => {
    expect(noSolutionPastWeakExtraction(gold('\\emptyset'), span, text)?.text).toBe('no solution');
    const roots = 'The discriminant is $1-8=-7<0$. Therefore, the equation has no real roots.';
    const check = { text: '1-8=-7<0', extractor: 'latex' as const, end: roots.indexOf('. Therefore') };
    expect(noSolutionPastWeakExtraction(gold('no real roots'), check, roots)?.text).toBe('no real roots');
  });

  // Stop 47's second red team: each was paid against an empty-set gold after a value was found.
  it.each([
    '$x = 3$. Note the auxiliary quadratic has no real roots.',
    '$x = 3$. Apart from it, the equation has no solutions.',
    '$x = 3$. There is probably no solution.',
    'The answer is $x = 3$. Hence there is no solution.',
  ])('%j states no conclusion that there is none', (response) => {
    const value = { text: 'x = 3', extractor: 'latex' as const, end: response.indexOf('3$') + 2 };
    expect(noSolutionPastWeakExtraction(gold('\\emptyset'), value, response)).toBeUndefined();
  });

  it('leaves another gold and a strong extraction', () => {
    expect(noSolutionPastWeakExtraction(gold('3'), span, text)).toBeUndefined();
    expect(
      noSolutionPastWeakExtraction(gold('\\emptyset'), { ...span, extractor: 'boxed' }, text),
    ).toBeUndefined();
  });
});
