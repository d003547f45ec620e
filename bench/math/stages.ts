/**
 * Where a first pass over new pairs spends its CPU time, stage by stage: extraction, normalization,
 * parsing (gold and prediction) and comparison, each run over every pair once in a fresh
 * process, in pipeline order (so each stage is as cold as it is in a real first pass).
 */
import { Budget } from '../../src/math/budget.js';
import { compareValues } from '../../src/math/compare.js';
import { extractAnswer } from '../../src/math/extract.js';
import { DEFAULT_EXTRACTION_PRIORITY } from '../../src/math/extraction.js';
import { normalizeAnswer } from '../../src/math/normalize.js';
import { DEFAULT_MATH_VERIFY_OPTIONS } from '../../src/math/options.js';
import { parseAnswer } from '../../src/math/parse-answer.js';
import type { MathValue } from '../../src/math/value.js';
import type { LabelledPair } from './labelled-pair.js';

export interface StageCost {
  stage: string;
  cpuUs: number;
}

function cpuOf(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

/** CPU µs per pair of each stage, in pipeline order, over pairs with default options. */
export function measureStages(pairs: readonly LabelledPair[]): StageCost[] {
  const extracted: string[] = [];
  const extract = cpuOf(() => {
    for (const pair of pairs)
      extracted.push(extractAnswer(pair.response, DEFAULT_EXTRACTION_PRIORITY)?.text ?? '');
  });
  const normalized: { gold: ReturnType<typeof normalizeAnswer>; pred: ReturnType<typeof normalizeAnswer> }[] =
    [];
  const normalize = cpuOf(() => {
    pairs.forEach((pair, index) => {
      normalized.push({ gold: normalizeAnswer(pair.gold), pred: normalizeAnswer(extracted[index] ?? '') });
    });
  });
  const parsed: { gold: MathValue | undefined; pred: MathValue | undefined }[] = [];
  const parse = cpuOf(() => {
    for (const { gold, pred } of normalized) {
      parsed.push({ gold: parseAnswer(gold.text, gold.percent), pred: parseAnswer(pred.text, pred.percent) });
    }
  });
  const compare = cpuOf(() => {
    for (const { gold, pred } of parsed) {
      if (gold === undefined || pred === undefined) continue;
      try {
        compareValues(gold, pred, {
          options: DEFAULT_MATH_VERIFY_OPTIONS,
          budget: new Budget(performance.now() + 5_000),
        });
      } catch {
        // a deadline counts as time spent, nothing more
      }
    }
  });
  const count = Math.max(1, pairs.length);
  return [
    { stage: 'extract (response)', cpuUs: extract / count },
    { stage: 'normalize (gold + pred)', cpuUs: normalize / count },
    { stage: 'parse (gold + pred)', cpuUs: parse / count },
    { stage: 'compare', cpuUs: compare / count },
  ];
}
