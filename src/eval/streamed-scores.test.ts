import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StreamedScores } from './streamed-scores.js';
import { parseScoreLine } from './unit-scorer.js';

function scoresFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rk-scores-')), 'scores.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const line = (id: string, score: number) => JSON.stringify({ id, score });

describe('streamed scores', () => {
  it('follows a file in the data order with nothing buffered', async () => {
    const file = scoresFile(Array.from({ length: 500 }, (_, index) => line(`u${index}`, index / 500)));
    const scores = await StreamedScores.open(file, parseScoreLine, () => {});
    for (let index = 0; index < 500; index++) {
      expect(await scores.get(`u${index}`)).toEqual({ score: index / 500 });
      expect(scores.buffered).toBe(0);
    }
  });

  it('holds lines read ahead until they are asked for, and knows a missing id without reading on', async () => {
    const file = scoresFile([line('c', 0.3), line('b', 0.2), line('a', 0.1), line('d', 0.4)]);
    const scores = await StreamedScores.open(file, parseScoreLine, () => {});
    expect(await scores.get('a')).toEqual({ score: 0.1 });
    expect(scores.buffered).toBe(2);
    expect(await scores.get('zzz')).toEqual({ error: `no score for id 'zzz' in ${file}` });
    expect(scores.buffered).toBe(2);
    expect(await scores.get('b')).toEqual({ score: 0.2 });
    expect(await scores.get('c')).toEqual({ score: 0.3 });
    expect(await scores.get('d')).toEqual({ score: 0.4 });
    expect(scores.buffered).toBe(0);
    // An id the data asks for again gets the same score.
    expect(await scores.get('b')).toEqual({ score: 0.2 });
  });

  it('reports bad and repeated lines with their line numbers and uses the first of an id', async () => {
    const file = scoresFile([line('a', 0.1), '{"id": "b", "score": NaN}', 'not json', line('a', 0.9)]);
    const warnings: string[] = [];
    const scores = await StreamedScores.open(file, parseScoreLine, (message) => warnings.push(message));
    expect(warnings).toEqual([
      expect.stringMatching(/^scores line 3: not valid JSON/),
      "scores line 4: id 'a' occurs twice; the first is used",
    ]);
    expect(await scores.get('b')).toEqual({
      error: "scores line 2: field 'score' is NaN, not a finite number",
    });
    expect(await scores.get('a')).toEqual({ score: 0.1 });
  });
});
