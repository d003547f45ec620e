import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLines } from './count-lines.js';

describe('countLines', () => {
  it('counts lines with and without a final newline', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rk-count-'));
    const cases: [string, number][] = [
      ['', 0],
      ['a\n', 1],
      ['a\nb', 2],
      ['a\n\nb\n', 3],
    ];
    for (const [text, lines] of cases) {
      const file = join(directory, `${lines}.jsonl`);
      writeFileSync(file, text);
      expect(await countLines(file)).toBe(lines);
    }
  });
});
