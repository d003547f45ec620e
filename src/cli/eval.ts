import { statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UnknownNameError, UsageError } from '../core/errors.js';
import { loadSpecFile } from '../core/spec.js';
import {
  BENCHMARK_NAMES,
  type BenchmarkEvaluator,
  type BenchmarkName,
  bestOfNEvaluator,
  engineScorer,
  fileScorer,
  givenScorer,
  prmBenchEvaluator,
  processBenchEvaluator,
  renderReport,
  rewardBench2Evaluator,
  rewardBenchEvaluator,
  runEval,
  type UnitScorer,
} from '../eval/index.js';
import { JsonlWriter } from '../io/jsonl-writer.js';
import type { CliCommand } from './command.js';
import { type FanOutFlags, openJobClient, withFanOutFlags } from './fan-out-flags.js';
import { reportError } from './report-error.js';
import { createScoreProgress } from './score-progress.js';
import { interruptOnSignal } from './stop-signal.js';

interface EvalFlags extends FanOutFlags {
  benchmark: string;
  data: string;
  scorer?: string;
  scores?: string;
  out?: string;
  predictions?: string;
  report?: string;
  threshold?: string;
  tuneSplit?: string;
  concurrency?: string;
  eceBins?: string;
}

function positiveInteger(flag: string, text: string | undefined): number | undefined {
  const value = number(flag, text);
  if (value !== undefined && !(Number.isInteger(value) && value >= 1))
    throw new UsageError(`--${flag} must be a positive integer, got '${text}'`);
  return value;
}

const EXAMPLE = `
Examples:
  rewardkit eval --benchmark prmbench --data prmbench/subset400.jsonl --scorer test/fixtures/eval/step-check.yaml \\
      --out metrics.json --predictions preds.jsonl --report report.html
  rewardkit eval --benchmark processbench --data processbench.jsonl --scores prm-scores.jsonl --tune-split gsm8k
  rewardkit eval --benchmark processbench --data run_eval-output.jsonl     # lines carry "prediction"

--scores FILE holds one {"id", "score"?, "step_scores"?, "step_labels"?, "prediction"?} per line (or
PRMBench's own results lines); ids per benchmark are in docs/eval.md. With neither --scorer nor
--scores, the scores are read from the data lines (ProcessBench "prediction"/"step_scores",
RewardBench "scores_chosen"/"scores_rejected", RewardBench 2 "scores"/"num_correct", bon "score").
Bad lines (missing fields, steps and scores of different lengths, NaN scores) are reported with
their line and field, written to --predictions as errors, and the rest is evaluated.`;

/** Units per score job with --redis (the queue's default chunk). */
const QUEUE_CHUNK = 64;

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new UsageError(`--${flag} must be a number, got '${text}'`);
  return value;
}

function evaluatorFor(name: BenchmarkName, flags: EvalFlags): BenchmarkEvaluator<never> {
  const threshold = number('threshold', flags.threshold);
  switch (name) {
    case 'prmbench':
      return prmBenchEvaluator(threshold ?? 0.5) as BenchmarkEvaluator<never>;
    case 'processbench':
      return processBenchEvaluator({ threshold, tuneSplit: flags.tuneSplit }) as BenchmarkEvaluator<never>;
    case 'rewardbench':
      return rewardBenchEvaluator() as BenchmarkEvaluator<never>;
    case 'rewardbench2':
      return rewardBench2Evaluator() as BenchmarkEvaluator<never>;
    case 'bon':
      return bestOfNEvaluator({
        eceBins: positiveInteger('ece-bins', flags.eceBins),
      }) as BenchmarkEvaluator<never>;
  }
}

async function runEvalCommand(flags: EvalFlags): Promise<number> {
  const name = flags.benchmark as BenchmarkName;
  if (!BENCHMARK_NAMES.includes(name)) {
    const unknown = new UnknownNameError('benchmark', flags.benchmark, BENCHMARK_NAMES);
    throw new UsageError(unknown.message, unknown.hint);
  }
  if (flags.scorer !== undefined && flags.scores !== undefined) {
    throw new UsageError(
      'give at most one of --scorer SPEC and --scores FILE (neither: the scores are in the data lines)',
    );
  }
  const evaluator = evaluatorFor(name, flags);
  const warn = (message: string) => process.stderr.write(`${message}\n`);
  if (flags.redis !== undefined && flags.scorer === undefined) {
    throw new UsageError(
      '--redis fans out the scoring of --scorer SPEC; with --scores there is nothing to score',
    );
  }
  // With --redis, the samples are scored by `rewardkit worker`s (score jobs of QUEUE_CHUNK units,
  // `concurrency` units in flight); the metrics are computed here from the scores they return.
  const concurrency = number('concurrency', flags.concurrency) ?? (flags.redis === undefined ? 16 : 1024);
  const spec = flags.scorer === undefined ? undefined : loadSpecFile(flags.scorer);
  const remote =
    flags.redis === undefined
      ? undefined
      : {
          backend: new (await import('../queue/queue-backend.js')).QueueBackend(
            await openJobClient({ ...flags, redis: flags.redis }, 'eval'),
          ),
          chunkSize: Math.max(1, Math.min(QUEUE_CHUNK, Math.ceil(concurrency / 4))),
        };
  const scorer: UnitScorer =
    spec !== undefined
      ? engineScorer(spec, concurrency, remote)
      : flags.scores !== undefined
        ? await fileScorer(flags.scores, warn)
        : givenScorer;
  const predictions = flags.predictions === undefined ? undefined : JsonlWriter.open(flags.predictions);
  const terminal = process.stderr.isTTY === true;
  const progress = createScoreProgress(
    statSync(flags.data, { throwIfNoEntry: false })?.size ?? 0,
    process.stderr,
    {
      task: `eval ${name}`,
      items: 'lines',
    },
  );
  // Ctrl-C / SIGTERM: no more lines are read; units being scored are cancelled (RK_CANCELLED in
  // their predictions, with --redis their jobs removed or aborted on the workers); the predictions
  // so far are kept, and no metrics are written: they would cover part of the benchmark.
  const stop = interruptOnSignal(
    (signal) => `\nrewardkit: ${signal}: stopping; no metrics will be written\n`,
  );
  try {
    const run = await runEval({
      evaluator,
      dataFile: flags.data,
      scorer,
      ...(remote === undefined ? {} : { batchUnits: concurrency }),
      predictions,
      onError: (message) => process.stderr.write(`${terminal ? '\r\x1b[K' : ''}${message}\n`),
      onProgress: (lines, bytes) => progress.update(bytes, lines),
      signal: stop.signal,
    });
    progress.stop();
    if (run.interrupted) {
      process.stderr.write(
        `rewardkit: eval interrupted after ${run.lines} lines${flags.predictions === undefined ? '' : ` (their predictions are in ${flags.predictions})`}; no metrics written\n`,
      );
      return 130;
    }
    const facts = {
      benchmark: name,
      data: flags.data,
      scorer:
        flags.scorer ??
        (flags.scores === undefined ? 'scores in the data lines' : `scores file ${flags.scores}`),
      lines: run.lines,
      'lines with errors': run.errors,
    };
    const metrics = { ...facts, ...run.outcome.metrics, notes: run.outcome.notes };
    if (flags.out !== undefined) writeFileSync(flags.out, `${JSON.stringify(metrics, null, 2)}\n`);
    if (flags.report !== undefined)
      writeFileSync(flags.report, renderReport(`rewardkit eval: ${name}`, facts, run.outcome));
    for (const note of run.outcome.notes) process.stderr.write(`note: ${note}\n`);
    for (const table of run.outcome.tables) {
      process.stdout.write(
        `\n${table.title}\n| ${table.header.join(' | ')} |\n|${table.header.map(() => '---').join('|')}|\n`,
      );
      for (const row of table.rows)
        process.stdout.write(
          `| ${row.map((value) => (value === null ? '' : String(value))).join(' | ')} |\n`,
        );
    }
    process.stderr.write(`${run.lines} lines evaluated, ${run.errors} with errors\n`);
    return 0;
  } finally {
    stop.dispose();
    progress.stop();
    await predictions?.close();
    await scorer.close();
  }
}

export const evalCommand: CliCommand = {
  name: 'eval',
  register(program: Command) {
    const evaluate = program
      .command('eval')
      .description('evaluate a scorer (a spec or a file of scores) on a reward-model or PRM benchmark')
      .requiredOption('--benchmark <name>', `one of ${BENCHMARK_NAMES.join(', ')}`)
      .requiredOption('--data <file>', 'the benchmark file (JSONL)')
      .option('--scorer <spec>', 'a reward spec to score with (YAML or JSON)')
      .option('--scores <file>', 'precomputed scores, one {"id", "score"?, "step_scores"?} per line')
      .option('--out <file>', 'metrics as JSON')
      .option('--predictions <file>', 'one prediction (or error) per input line, JSONL')
      .option('--report <file>', 'a self-contained HTML report with tables and charts')
      .option(
        '--threshold <x>',
        'step-score threshold (default 0.5): prmbench judges a step valid above it (as PRMBench does), processbench wrong below it',
      )
      .option('--tune-split <name>', 'processbench: choose the threshold on this split, report the others')
      .option('--concurrency <n>', 'samples in flight with --scorer (default 16; 1024 with --redis)')
      .option(
        '--ece-bins <n>',
        'bon: equal-width bins of the expected calibration error (default 15, as Guo et al. 2017)',
      );
    withFanOutFlags(evaluate, 'the scoring of the samples (score jobs)')
      .addHelpText('after', EXAMPLE)
      .action(async (flags: EvalFlags) => {
        try {
          process.exitCode = await runEvalCommand(flags);
        } catch (error) {
          process.exitCode = reportError(error);
        }
      });
  },
};
