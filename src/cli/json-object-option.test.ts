import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { jsonObjectOption } from './json-object-option.js';

describe('jsonObjectOption', () => {
  const directory = mkdtempSync(join(tmpdir(), 'rk-json-option-'));

  it('takes an inline object or a file holding one; nothing when the flag is absent', () => {
    expect(jsonObjectOption('--options', undefined)).toEqual({});
    expect(jsonObjectOption('--options', ' {"rollouts": 4}')).toEqual({ rollouts: 4 });
    const file = join(directory, 'options.json');
    writeFileSync(file, '{"width": 2}\n');
    expect(jsonObjectOption('--options', file)).toEqual({ width: 2 });
  });

  it('gives a usage error naming the flag for a missing file, bad JSON or a non-object', () => {
    const missing = join(directory, 'missing.json');
    for (const text of [missing, '{"rollouts": ', '[1, 2]', 'null']) {
      const file = text === '[1, 2]' || text === 'null' ? join(directory, 'not-object.json') : text;
      if (file !== text) writeFileSync(file, text);
      expect(() => jsonObjectOption('--options', file)).toThrow(UsageError);
      expect(() => jsonObjectOption('--options', file)).toThrow(/^--options must be a JSON object or a file/);
    }
  });
});
