import type { ErrorInfo } from '../core/errors.js';

/** Parses one JSONL line's text; a failure names the line and the parser's reason. */
export function parseJsonLine(text: string, line: number): { value: unknown } | { error: ErrorInfo } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return {
      error: {
        code: 'RK_INPUT_MALFORMED_JSON',
        message: `line ${line}: not valid JSON: ${(error as Error).message}`,
        where: `line ${line}`,
      },
    };
  }
}

/** The sample id of a parsed line, when it has a usable one. */
export function idOfValue(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as Record<string, unknown>)['id'];
  // An integer id and its decimal string are one id (duplicates are found across both spellings).
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}
