/**
 * The exact step checker (`type: step_check`'s equation checker) as a rule-based PRM over the
 * steps of PRMBench's processes: how many equations it calls wrong on steps PRMBench labels
 * correct (false alarms) against on the injected error steps, and per error category the steps
 * it flags: precision (flags that land on error steps) and recall (error steps flagged).
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
  /** Steps with at least one wrong equation. */
  flaggedCorrect: number;
  flaggedError: number;
  checked: number;
}

const empty = (): Tally => ({
  processes: 0,
  correctSteps: 0,
  errorSteps: 0,
  wrongOnCorrect: 0,
  wrongOnError: 0,
  flaggedCorrect: 0,
  flaggedError: 0,
  checked: 0,
});

const percent = (part: number, whole: number) =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;

export function measurePrmBenchSteps(file: string, falseAlarmSamples = 12): void {
  const byCategory = new Map<string, Tally>();
  const total = empty();
  const alarms: string[] = [];
  const started = performance.now();
  let steps = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = PrmBenchRecordSchema.parse(JSON.parse(line));
    for (const process of prmBenchProcesses(record)) {
      const tally = byCategory.get(process.classification) ?? empty();
      byCategory.set(process.classification, tally);
      for (const target of [tally, total]) target.processes++;
      process.steps.forEach((step, index) => {
        steps++;
        const verdicts = checkEquations(step, true);
        const wrong = verdicts.filter((verdict) => verdict.verdict === 'wrong');
        const checked = verdicts.filter((verdict) => verdict.verdict === 'correct').length + wrong.length;
        const isError = process.errorSteps.includes(index);
        for (const target of [tally, total]) {
          target.checked += checked;
          if (isError) {
            target.errorSteps++;
            target.wrongOnError += wrong.length;
            if (wrong.length > 0) target.flaggedError++;
          } else {
            target.correctSteps++;
            target.wrongOnCorrect += wrong.length;
            if (wrong.length > 0) target.flaggedCorrect++;
          }
        }
        if (!isError && alarms.length < falseAlarmSamples) {
          for (const verdict of wrong)
            alarms.push(`${process.id} step ${index + 1}: ${verdict.text}  (${verdict.reason})`);
        }
      });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `PRMBench ${file}: ${total.processes} processes, ${steps} steps (${(steps / seconds).toFixed(0)} steps/s)`,
  );
  console.log(
    '| category | processes | equations checked | wrong eq. on correct steps | wrong eq. on error steps | false-alarm share | flagged correct steps | flagged error steps | step precision | step recall |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const row = (name: string, t: Tally) =>
    console.log(
      `| ${name} | ${t.processes} | ${t.checked} | ${t.wrongOnCorrect} | ${t.wrongOnError} | ${percent(
        t.wrongOnCorrect,
        t.wrongOnCorrect + t.wrongOnError,
      )} | ${t.flaggedCorrect}/${t.correctSteps} | ${t.flaggedError}/${t.errorSteps} | ${percent(
        t.flaggedError,
        t.flaggedError + t.flaggedCorrect,
      )} | ${percent(t.flaggedError, t.errorSteps)} |`,
    );
  for (const [name, tally] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) row(name, tally);
  row('all', total);
  if (alarms.length > 0) console.log('  false alarms (first ones):');
  for (const alarm of alarms) console.log(`    ${alarm}`);
}
