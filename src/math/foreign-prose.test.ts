import { describe, expect, it } from 'vitest';
import { foreignQualifier, holdsOtherScriptWord } from './foreign-prose.js';

describe('holdsOtherScriptWord', () => {
  it('finds a word in a script other than Latin and Greek', () => {
    expect(holdsOtherScriptWord('18 долларов')).toBe(true);
    expect(holdsOtherScriptWord('18ドルです')).toBe(true);
    expect(holdsOtherScriptWord('18 บาท')).toBe(true);
    expect(holdsOtherScriptWord('18 dólares')).toBe(false);
    expect(holdsOtherScriptWord('2\\pi r + \\alpha')).toBe(false);
    expect(holdsOtherScriptWord('α + β')).toBe(false);
  });
});

describe('foreignQualifier', () => {
  it('finds a denial, a doubt, a bound or an "or" in the language of the phrase', () => {
    expect(foreignQualifier('не 18')).toContain('не');
    expect(foreignQualifier('около 18 долларов')).toContain('около');
    expect(foreignQualifier('約18です')).toContain('約');
    expect(foreignQualifier('18개 이상')).toContain('이상');
    expect(foreignQualifier('ประมาณ 18')).toContain('ประมาณ');
    expect(foreignQualifier('लगभग 18')).toContain('लगभग');
  });

  it('leaves plain answers, words that only contain a qualifier, and Latin script alone', () => {
    expect(foreignQualifier('18 долларов')).toBeUndefined();
    expect(foreignQualifier('18 недель')).toBeUndefined();
    expect(foreignQualifier('18ドルです')).toBeUndefined();
    expect(foreignQualifier('на 18 яблок больше')).toBeUndefined();
    expect(foreignQualifier('最大公約数の6です')).toBeUndefined();
    expect(foreignQualifier('18で間違いありません')).toBeUndefined();
    expect(foreignQualifier('not 18')).toBeUndefined();
  });
});
