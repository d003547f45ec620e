import { RE2JS } from 're2js';
import { SpecError } from '../core/errors.js';

/** A user-given pattern for reading replies, run in linear time (RE2), never backtracking. */
export interface ReplyPattern {
  /** Every match's capture groups, in order (group 1 onward). */
  all(text: string): { groups: (string | null)[]; start: number }[];
}

export function compileReplyPattern(source: string, where: string): ReplyPattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    throw new SpecError(`${where}: not a valid pattern: ${(error as Error).message}`, { where });
  }
  return {
    all(text) {
      const matcher = compiled.matcher(text);
      const found: { groups: (string | null)[]; start: number }[] = [];
      while (matcher.find()) {
        const groups: (string | null)[] = [];
        for (let group = 1; group <= matcher.groupCount(); group += 1) groups.push(matcher.group(group));
        found.push({ groups, start: matcher.start() });
      }
      return found;
    },
  };
}
