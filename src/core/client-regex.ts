import { RE2JS } from 're2js';
import { z } from 'zod';
import { SpecError } from './errors.js';

/**
 * Regular expressions that come from a spec or a request (a `format` pattern, the `regex` step
 * segmenter, a marker word, a JSON Schema `pattern`) run on RE2JS, a linear-time engine: the time
 * to match grows with the length of the text times the size of the pattern, never exponentially,
 * so `^(a+)+$` cannot hold a worker. Features that need backtracking (backreferences `\1`,
 * `\k<name>`; lookahead `(?=` `(?!`; lookbehind `(?<=` `(?<!`) are refused with the reason, as
 * are patterns larger than the limits below.
 *
 * Syntax is JavaScript's (translated by RE2JS: named groups `(?<n>...)`, `\u00e9`, `[^]` ...).
 * Flags: `i` case-insensitive (Unicode case folding), `m` multiline (`^`/`$` at line breaks),
 * `s` dot-all (`.` matches `\n`), `u` accepted and implied (matching is by code point).
 * Differences from JavaScript, documented in docs/score.md: `\s` is ASCII white space
 * (`[\t\n\f\r ]`), `.` without `s` excludes only `\n`, repeat counts are at most 1000.
 */

/** The longest client pattern accepted, in characters. */
export const MAX_CLIENT_PATTERN_LENGTH = 4096;
/** The largest compiled program (RE2's measure of a pattern's cost) accepted. */
export const MAX_CLIENT_PROGRAM_SIZE = 10_000;

/** The flags a client pattern may carry (no `g`/`y`: iteration is the caller's). */
export const ClientRegexFlagsSchema = z.string().regex(/^[imsu]*$/, 'only the flags i, m, s and u');

/** A compiled client pattern. Every method runs in time linear in the text's length. */
export interface ClientRegex {
  readonly source: string;
  readonly flags: string;
  /** Whether the pattern matches somewhere in the text. */
  test(text: string): boolean;
  /** Whether the pattern matches the whole text. */
  testWhole(text: string): boolean;
  /** The pieces between matches (the matched separators, groups included, are dropped). */
  split(text: string): string[];
  /** Start offsets (UTF-16 code units, as String#slice uses) of the successive matches. */
  matchStarts(text: string): number[];
}

const REFUSED_SYNTAX: readonly { test: RegExp; reason: string }[] = [
  { test: /^\(\?=|^\(\?!/, reason: 'lookahead ((?= or (?!) needs backtracking' },
  { test: /^\(\?<=|^\(\?<!/, reason: 'lookbehind ((?<= or (?<!) needs backtracking' },
  { test: /^\\[1-9]/, reason: 'a backreference (\\1 ...) needs backtracking' },
  { test: /^\\k</, reason: 'a named backreference (\\k<name>) needs backtracking' },
];

/** The first construct of the pattern the linear-time engine cannot run, outside character classes. */
function refusedConstruct(pattern: string): string | undefined {
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      if (!inClass) {
        const rest = pattern.slice(index, index + 3);
        const refused = REFUSED_SYNTAX.find((entry) => entry.test.test(rest));
        if (refused !== undefined) return `${refused.reason} (at character ${index + 1})`;
      }
      index++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      const rest = pattern.slice(index, index + 4);
      const refused = REFUSED_SYNTAX.find((entry) => entry.test.test(rest));
      if (refused !== undefined) return `${refused.reason} (at character ${index + 1})`;
    }
  }
  return undefined;
}

function flagBits(flags: string): number {
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  return bits;
}

/** Compiles, or returns the reason the pattern is refused. */
function tryCompile(pattern: string, flags: string): { regex: RE2JS } | { problem: string } {
  if (pattern.length > MAX_CLIENT_PATTERN_LENGTH) {
    return {
      problem: `the pattern has ${pattern.length} characters; the limit is ${MAX_CLIENT_PATTERN_LENGTH}`,
    };
  }
  if (!/^[imsu]*$/.test(flags)) return { problem: `unsupported flags '${flags}'; use i, m, s, u` };
  const refused = refusedConstruct(pattern);
  if (refused !== undefined) {
    return { problem: `not supported by the linear-time regex engine: ${refused}` };
  }
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(RE2JS.translateRegExp(pattern), flagBits(flags));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: `not a valid regular expression for the linear-time engine: ${message}` };
  }
  if (regex.programSize() > MAX_CLIENT_PROGRAM_SIZE) {
    return {
      problem: `the pattern compiles to ${regex.programSize()} instructions; the limit is ${MAX_CLIENT_PROGRAM_SIZE} (large repeat counts multiply)`,
    };
  }
  return { regex };
}

/** Why a client pattern is refused, or undefined when it compiles (for schema refinements). */
export function clientRegexProblem(pattern: string, flags = ''): string | undefined {
  const compiled = tryCompile(pattern, flags);
  return 'problem' in compiled ? compiled.problem : undefined;
}

/**
 * A client pattern as a zod string: a refused pattern is a validation issue at the pattern's
 * path (`rewards[0].options.pattern: not supported by the linear-time regex engine: ...`).
 */
export const ClientRegexPatternSchema = z.string().superRefine((pattern, context) => {
  const problem = clientRegexProblem(pattern);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

/** Compiles a client pattern; throws RK_SPEC_INVALID naming `where` and the reason when refused. */
export function compileClientRegex(pattern: string, flags = '', where?: string): ClientRegex {
  const compiled = tryCompile(pattern, flags);
  if ('problem' in compiled) {
    throw new SpecError(`pattern ${JSON.stringify(pattern.slice(0, 80))}: ${compiled.problem}`, {
      ...(where === undefined ? {} : { where }),
      hint: 'rewrite it without backreferences or lookaround (see docs/score.md, client patterns)',
    });
  }
  const regex = compiled.regex;
  return {
    source: pattern,
    flags,
    test: (text) => regex.test(text),
    testWhole: (text) => regex.testExact(text),
    split: (text) => regex.split(text, -1),
    matchStarts: (text) => Array.from(regex.matchAll(text), (match) => match.index ?? 0),
  };
}
