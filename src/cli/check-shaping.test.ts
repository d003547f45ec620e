import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkShaping } from '../mdp/index.js';
import { formatShapingReport, loadMdpFile } from './check-shaping.js';

const write = (content: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'rk-mdp-')), 'mdp.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
};

describe('rewardkit check-shaping', () => {
  it('flags the example loop bonus as a policy change, naming the state and actions', () => {
    const loaded = loadMdpFile('examples/shaping-corridor.json');
    const text = formatShapingReport(checkShaping(loaded.mdp, loaded.shaping), loaded);
    expect(text).toMatch(/optimal policy preserved: NO/);
    expect(text).toMatch(/state 'middle': optimal forward -> stay/);
  });

  it('accepts the example potential as policy-invariant with distance 0', () => {
    const loaded = loadMdpFile('examples/shaping-corridor-potential.json');
    const report = checkShaping(loaded.mdp, loaded.shaping);
    expect(report.policyPreserved).toBe(true);
    expect(report.potentialBased).toBe(true);
    expect(report.distance).toBeLessThan(1e-6);
  });

  it('names every problem of an invalid file by its path', () => {
    const file = write({
      states: ['a', 'b'],
      actions: ['x'],
      gamma: 0.9,
      transitions: { a: { x: { b: 0.5 } }, c: { x: { a: 1 } } },
      shaping: { potential: { a: 1 } },
    });
    expect(() => loadMdpFile(file)).toThrow(
      /transitions\.c: unknown state[\s\S]*transitions\.a\.x: probabilities sum to 0\.5[\s\S]*transitions\.b\.x: missing/,
    );
  });

  it('refuses gamma = 1 with the reason', () => {
    const file = write({
      states: ['a'],
      actions: ['x'],
      gamma: 1,
      transitions: {},
      shaping: { potential: {} },
    });
    expect(() => loadMdpFile(file)).toThrow(/gamma must be below 1/);
  });
});
