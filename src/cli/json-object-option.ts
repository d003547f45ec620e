import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';

/**
 * A flag holding a JSON object inline (`{"width": 4}`) or the path of a file holding one; `{}`
 * when the flag is absent. Anything else (unreadable file, bad JSON, not an object) is a usage
 * error that names the flag.
 */
export function jsonObjectOption(flag: string, text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text.trim().startsWith('{') ? text : readFileSync(text, 'utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${flag} must be a JSON object or a file holding one: ${(error as Error).message}`);
  }
}
