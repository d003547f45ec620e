/**
 * The exact step checker (`type: step_check`'s equation checker) as a rule-based PRM over the
 * steps of PRMBench's processes: how many equations it calls wrong on steps PRMBench labels
 * correct (false alarms by PRMBench's labels) against on the injected error steps, and per error
 * category the steps it flags: precision (flags that land on error steps) and recall (error steps
 * flagged). The flags on steps labelled correct are split by where the step comes from: a step
 * PRMBench's generator rewrote (`modified_steps`) but left out of `error_steps`, a step after
 * the first error step, or an untouched step before any error (the original PRM800K solution).
 */
import { readFileSync } from 'node:fs';
import { PrmBenchRecordSchema, prmBenchProcesses } from '../../src/eval/prmbench-format.js';
import { checkEquations } from '../../src/rewards/equation-check.js';

interface Tally {
  processes: number;
  correctSteps: number;
  errorSteps: number;
  /** Equations called wrong on steps labelled correct / on error steps. */
  wrongOnCorrect: number;
  wrongOnError: number;
  /** Of wrongOnCorrect: on rewritten steps not listed as errors, after the first error, before any. */
  wrongOnRewritten: number;
  wrongAfterError: number;
  wrongOnOriginal: number;
  /** Steps with at least one wrong equation. */
  flaggedCorrect: number;
  flaggedError: number;
  checked: number;
  /** Of the wrong equations: those of the claimed-value rule (step-check-substitution.ts). */
  claimedOnError: number;
  claimedOnCorrect: number;
}

/** The reason the claimed-value rule gives (src/rewards/step-check-substitution.ts). */
const CLAIMED_VALUE_REASON = /does not satisfy its own equation/;

export interface PrmBenchStepResult {
  byCategory: Map<string, Tally>;
  total: Tally;
  steps: number;
  seconds: number;
  /** Every wrong equation on a step labelled correct: `id step N: text (reason)`. */
  alarms: string[];
}

const empty = (): Tally => ({
  processes: 0,
  correctSteps: 0,
  errorSteps: 0,
  wrongOnCorrect: 0,
  wrongOnError: 0,
  wrongOnRewritten: 0,
  wrongAfterError: 0,
  wrongOnOriginal: 0,
  flaggedCorrect: 0,
  flaggedError: 0,
  checked: 0,
  claimedOnError: 0,
  claimedOnCorrect: 0,
});

export const percent = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;

/** Runs the checker over every step of every process of a PRMBench JSONL file. */
export function runPrmBenchSteps(file: string): PrmBenchStepResult {
  const byCategory = new Map<string, Tally>();
  const total = empty();
  const alarms: string[] = [];
  const seen = new Set<string>();
  const started = performance.now();
  let steps = 0;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, lineIndex) => {
      if (line.trim() === '') return;
      const raw = JSON.parse(line) as { modified_steps?: unknown };
      const parsed = PrmBenchRecordSchema.safeParse(raw);
      if (!parsed.success)
        throw new Error(`${file} line ${lineIndex + 1}: ${parsed.error.issues[0]?.message}`);
      const rewritten = Array.isArray(raw.modified_steps) ? (raw.modified_steps as number[]) : [];
      for (const process of prmBenchProcesses(parsed.data)) {
        // PRMBench's loader keeps the first process of each id (its data repeats a few).
        if (seen.has(process.id)) continue;
        seen.add(process.id);
        const tally = byCategory.get(process.classification) ?? empty();
        byCategory.set(process.classification, tally);
        for (const target of [tally, total]) target.processes++;
        const firstError = Math.min(...process.errorSteps);
        process.steps.forEach((step, index) => {
          steps++;
          const verdicts = checkEquations(step, true);
          const wrong = verdicts.filter((verdict) => verdict.verdict === 'wrong');
          const checked = verdicts.filter((verdict) => verdict.verdict === 'correct').length + wrong.length;
          const claimed = wrong.filter((verdict) => CLAIMED_VALUE_REASON.test(verdict.reason ?? '')).length;
          const isError = process.errorSteps.includes(index);
          const isRewritten = process.classification !== 'correct' && rewritten.includes(index + 1);
          for (const target of [tally, total]) {
            target.checked += checked;
            if (isError) {
              target.errorSteps++;
              target.wrongOnError += wrong.length;
              target.claimedOnError += claimed;
              if (wrong.length > 0) target.flaggedError++;
            } else {
              target.correctSteps++;
              target.wrongOnCorrect += wrong.length;
              target.claimedOnCorrect += claimed;
              if (isRewritten) target.wrongOnRewritten += wrong.length;
              else if (index > firstError) target.wrongAfterError += wrong.length;
              else target.wrongOnOriginal += wrong.length;
              if (wrong.length > 0) target.flaggedCorrect++;
            }
          }
          if (!isError) {
            for (const verdict of wrong)
              alarms.push(`${process.id} step ${index + 1}: ${verdict.text}  (${verdict.reason})`);
          }
        });
      }
    });
  return { byCategory, total, steps, seconds: (performance.now() - started) / 1000, alarms };
}

/** The markdown table of a run: one row per category and one for all. */
export function prmBenchStepTable(result: PrmBenchStepResult): string[] {
  const lines = [
    '| category | processes | equations checked | wrong on error steps | wrong on steps labelled correct (rewritten / after an error / original) | share on correct | flagged error steps | flagged correct steps | step precision | step recall |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const row = (name: string, t: Tally) =>
    lines.push(
      `| ${name} | ${t.processes} | ${t.checked} | ${t.wrongOnError} | ${t.wrongOnCorrect} (${t.wrongOnRewritten} / ${t.wrongAfterError} / ${t.wrongOnOriginal}) | ${percent(
        t.wrongOnCorrect,
        t.wrongOnCorrect + t.wrongOnError,
      )} | ${t.flaggedError}/${t.errorSteps} | ${t.flaggedCorrect}/${t.correctSteps} | ${percent(
        t.flaggedError,
        t.flaggedError + t.flaggedCorrect,
      )} | ${percent(t.flaggedError, t.errorSteps)} |`,
    );
  for (const [name, tally] of [...result.byCategory].sort(([a], [b]) => a.localeCompare(b))) row(name, tally);
  row('**all**', result.total);
  const t = result.total;
  lines.push(
    '',
    `Step precision ${percent(t.flaggedError, t.flaggedError + t.flaggedCorrect)}, step recall ${percent(
      t.flaggedError,
      t.errorSteps,
    )}; of the wrong equations, the claimed-value rule (a value that does not solve the step's own equation) gave ${
      t.claimedOnError
    } on error steps and ${t.claimedOnCorrect} on steps labelled correct.`,
  );
  return lines;
}

export function measurePrmBenchSteps(label: string, file: string, falseAlarmSamples = 12): void {
  const result = runPrmBenchSteps(file);
  console.log(
    `PRMBench ${label} (${file}): ${result.total.processes} processes, ${result.steps} steps (${(
      result.steps / result.seconds
    ).toFixed(0)} steps/s)`,
  );
  for (const line of prmBenchStepTable(result)) console.log(line);
  if (result.alarms.length > 0)
    console.log(`  wrong on steps labelled correct (first ${falseAlarmSamples}):`);
  for (const alarm of result.alarms.slice(0, falseAlarmSamples)) console.log(`    ${alarm}`);
}
