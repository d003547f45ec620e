import { describe, expect, it } from 'vitest';
import { clientRegexProblem, compileClientRegex, MAX_CLIENT_PATTERN_LENGTH } from './client-regex.js';
import { SpecError } from './errors.js';

describe('client regexes (linear-time engine)', () => {
  it('answers a catastrophic-backtracking pattern at once', () => {
    // With a backtracking engine, ^(a+)+$ over 30 a's and a b takes 2^30 steps.
    const regex = compileClientRegex('^(a+)+$');
    const started = performance.now();
    expect(regex.test(`${'a'.repeat(100_000)}b`)).toBe(false);
    expect(regex.test('a'.repeat(100_000))).toBe(true);
    // Not a benchmark: a backtracking engine would not finish at all.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('keeps JavaScript syntax and the i, m, s flags', () => {
    expect(compileClientRegex('<answer>.*</answer>').test('<answer>\n4</answer>')).toBe(false);
    expect(compileClientRegex('<answer>.*</answer>', 's').test('<answer>\n4</answer>')).toBe(true);
    expect(compileClientRegex('^b$').test('a\nb\nc')).toBe(false);
    expect(compileClientRegex('^b$', 'm').test('a\nb\nc')).toBe(true);
    expect(compileClientRegex('ÉTÉ', 'i').test('un été')).toBe(true);
    expect(compileClientRegex('(?<year>\\d{4})-\\u0041').test('1999-A')).toBe(true);
    expect(compileClientRegex('\\d+', 'u').testWhole('123')).toBe(true);
    expect(compileClientRegex('\\d+').testWhole('123x')).toBe(false);
  });

  it('splits and finds match starts in UTF-16 offsets', () => {
    expect(compileClientRegex('\\n\\n+').split('a\n\nb\n\n\nc')).toEqual(['a', 'b', 'c']);
    expect(compileClientRegex('b').matchStarts('😀ab😀b')).toEqual([3, 6]);
  });

  it('refuses backreferences and lookaround with the reason', () => {
    expect(clientRegexProblem('(a)\\1')).toMatch(/backreference \(\\1 \.\.\.\) needs backtracking/);
    expect(clientRegexProblem('(?<n>a)\\k<n>')).toMatch(/named backreference/);
    expect(clientRegexProblem('foo(?=bar)')).toMatch(/lookahead/);
    expect(clientRegexProblem('foo(?!bar)')).toMatch(/lookahead/);
    expect(clientRegexProblem('(?<=a)b')).toMatch(/lookbehind/);
    expect(clientRegexProblem('(?<!a)b')).toMatch(/lookbehind/);
    // The same characters inside a class or escaped are literals, not lookaround.
    expect(clientRegexProblem('[(?=]x')).toBeUndefined();
    expect(clientRegexProblem('\\(?=x')).toBeUndefined();
  });

  it('refuses invalid, oversized and explosive patterns', () => {
    expect(clientRegexProblem('(')).toMatch(/not a valid regular expression/);
    expect(clientRegexProblem('a'.repeat(MAX_CLIENT_PATTERN_LENGTH + 1))).toMatch(/the limit is 4096/);
    expect(clientRegexProblem('((a{100}){100}){100}')).toMatch(/repeat count|instructions/);
    expect(clientRegexProblem('x{1000}'.repeat(11))).toMatch(/instructions; the limit/);
    expect(clientRegexProblem('a', 'g')).toMatch(/unsupported flags/);
  });

  it('throws a spec error that names where the pattern is', () => {
    let thrown: unknown;
    try {
      compileClientRegex('(a)\\1', '', 'rewards[0].options.pattern');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpecError);
    expect((thrown as SpecError).where).toBe('rewards[0].options.pattern');
    expect((thrown as SpecError).message).toMatch(/backreference/);
  });
});
