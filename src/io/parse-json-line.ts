import type { ErrorInfo } from '../core/errors.js';

/** Parses one JSONL line's text; a failure names the line and the parser's reason. */
export function parseJsonLine(text: string, line: number): { value: unknown } | { error: ErrorInfo } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: malformedJsonError(line, error) };
  }
}

/** The error of a line that is not JSON, from the parser's exception. */
export function malformedJsonError(line: number, error: unknown): ErrorInfo {
  return {
    code: 'RK_INPUT_MALFORMED_JSON',
    message: `line ${line}: not valid JSON: ${(error as Error).message}`,
    where: `line ${line}`,
  };
}
