import { describe, expect, it } from 'vitest';
import { frenchAnswerInWords, parseFrenchNumberWords } from './french-number-words.js';
import { verifyAnswer } from './verify.js';

describe('parseFrenchNumberWords', () => {
  it('reads French number words', () => {
    const cases: [string, string][] = [
      ['douze', '12'],
      ['dix-sept', '17'],
      ['vingt et un', '21'],
      ['soixante-dix', '70'],
      ['soixante et onze', '71'],
      ['quatre-vingts', '80'],
      ['quatre-vingt-dix-neuf', '99'],
      ['cent', '100'],
      ['deux cent trois', '203'],
      ['trois mille deux cents', '3200'],
      ['mille', '1000'],
      ['moins trois', '-3'],
      ['zéro', '0'],
    ];
    for (const [words, value] of cases) expect(parseFrenchNumberWords(words), words).toBe(value);
  });
  it('reads nothing but number words', () => {
    for (const words of ['douze pommes', 'un nombre', 'peut-être douze', 'douze ou treize', 'twelve', ''])
      expect(parseFrenchNumberWords(words), words).toBeUndefined();
  });
  it('reads only numbers as French writes them, not words side by side (stop 37 red team)', () => {
    // They had been added up: "cinq six" paid 11.
    for (const words of [
      'cinq six',
      'dix cinq',
      'dix vingt',
      'douze quinze',
      'cinq et six',
      'deux deux',
      'mille mille mille',
      'vingt quatre-vingts',
      'vingt douze',
      'deux cents trois',
      'dix un',
    ])
      expect(parseFrenchNumberWords(words), words).toBeUndefined();
    const cases: [string, string][] = [
      ['vingt-deux', '22'],
      ['quatre-vingt-un', '81'],
      ['soixante-dix-sept', '77'],
      ['cent un', '101'],
      ['neuf cent quatre-vingt-dix-neuf', '999'],
      ['mille deux cent trente-quatre', '1234'],
      ['un million deux cent mille', '1200000'],
    ];
    for (const [words, value] of cases) expect(parseFrenchNumberWords(words), words).toBe(value);
  });
});

describe('frenchAnswerInWords', () => {
  it('reads a closing answer statement whose phrase is number words', () => {
    expect(frenchAnswerInWords('La réponse est douze.')).toBe('12');
    expect(frenchAnswerInWords('Donc, la réponse finale est quatre-vingt-dix-neuf.')).toBe('99');
    expect(frenchAnswerInWords('La réponse n’est pas douze.')).toBeUndefined();
    expect(frenchAnswerInWords('La réponse est douze ou treize.')).toBeUndefined();
    expect(frenchAnswerInWords('La réponse est un nombre premier.')).toBeUndefined();
    expect(frenchAnswerInWords('Il y a douze pommes.')).toBeUndefined();
  });
  it('pays one number gold only (stop 37)', () => {
    const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;
    expect(verdict('12', 'La réponse est douze.')).toBe('equal');
    expect(verdict('13', 'La réponse est douze.')).toBe('not_equal');
    for (const gold of ['12', '13']) {
      expect(verdict(gold, 'La réponse est douze ou treize.')).not.toBe('equal');
      expect(verdict(gold, 'La réponse est douze. Ou treize.')).not.toBe('equal');
    }
    expect(verdict('1', 'La réponse est un nombre premier.')).not.toBe('equal');
  });
});
