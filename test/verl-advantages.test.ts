import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advantagesForFile, configFromFlags } from '../src/cli/advantages.js';

/**
 * Fixtures computed independently in numpy from verl's reference formulas on padded token
 * tensors with masks (masked_whiten with the unbiased variance, torch.std, epsilon 1e-6), and
 * checked here through `rewardkit advantages` to 1e-6.
 */
interface Fixture {
  estimator?: string;
  lines: Record<string, unknown>[];
  flags: Record<string, string>;
  advantage?: number[];
  token_advantages?: number[][];
  step_advantages?: number[][];
  step_returns?: number[][];
}

const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/verl-advantages.json', import.meta.url), 'utf8'),
) as Record<string, Fixture>;

const close = (actual: unknown, expected: number) =>
  expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-6);

describe('rewardkit advantages matches verl', () => {
  for (const [name, fixture] of Object.entries(fixtures)) {
    it(name, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'rk-verl-')), 'in.jsonl');
      writeFileSync(file, `${fixture.lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
      const config = configFromFlags({
        estimator: fixture.estimator ?? name,
        in: file,
        whiten: true,
        ...fixture.flags,
      });
      const out = (await advantagesForFile(file, config)).map(
        (line) => JSON.parse(line) as Record<string, unknown>,
      );
      expect(out).toHaveLength(fixture.lines.length);
      out.forEach((line, index) => {
        expect(line['error']).toBeUndefined();
        if (fixture.advantage !== undefined) close(line['advantage'], fixture.advantage[index] as number);
        for (const key of ['token_advantages', 'step_advantages', 'step_returns'] as const) {
          const expected = fixture[key]?.[index];
          if (expected === undefined) continue;
          const actual = (line[key] ?? [line['advantage']]) as number[];
          expect(actual).toHaveLength(expected.length);
          expected.forEach((value, position) => {
            close(actual[position], value);
          });
        }
      });
    });
  }
});
