import { readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { RewardKitError, UsageError } from '../core/errors.js';
import type { ComponentResult } from '../core/result.js';
import { loadSpecFile } from '../core/spec.js';
import { composeBackend } from '../engine/backends/compose-backend.js';
import { needsBatchStage } from '../engine/batch-stage.js';
import { loadRewardKinds } from '../engine/load-reward-kinds.js';
import { validateSpec } from '../engine/validate-spec.js';
import { DEFAULT_MAX_LINE_BYTES } from '../io/jsonl-reader.js';
import { JsonlWriter } from '../io/jsonl-writer.js';
import { SqliteResultCache } from '../store/result-cache-sqlite.js';
import { DEFAULT_STORE_PATH, RunStore, runKeyOf } from '../store/run-store.js';
import type { CliCommand } from './command.js';
import { optimizingCompilerGate } from './optimizing-compiler-gate.js';
import { checkOutputTarget } from './output-target.js';
import { reportError } from './report-error.js';
import { addSandboxCeilingFlags, applySandboxCeilingFlags } from './sandbox-ceiling-flags.js';
import { applyBatchStageToFiles } from './score-batch-stage.js';
import { createScoreProgress } from './score-progress.js';
import { runScore } from './score-run.js';
import { renderSummary } from './score-summary.js';
import { interruptOnSignal } from './stop-signal.js';
import { UNSANDBOXED_FLAG } from './unsandboxed-flag.js';

interface ScoreFlags {
  spec: string;
  in: string;
  out?: string;
  concurrency?: string;
  threads?: string;
  resume?: boolean;
  store: string | false;
  kinds?: string;
  maxLineBytes?: string;
  chunkSize?: string;
  redis?: string;
  iKnowThisRunsUntrustedCodeUnsandboxed?: boolean;
}

const EXAMPLE = `
Example:
  rewardkit score --spec examples/gsm8k-grpo.yaml --in examples/gsm8k-rollouts.jsonl --out gsm8k-scored.jsonl

Every input line yields exactly one output line, in input order. Unreadable lines, invalid
samples and duplicate ids yield {"id": ..., "reward": null, "error": {"code": "RK_...", ...}}.
Exit status: 0 when the run finished (sample errors are counted in the summary), 2 on unusable
arguments (missing file, invalid spec), 1 when the run was aborted (on_error: fail, I/O error).`;

export const scoreCommand: CliCommand = {
  name: 'score',
  register(program: Command) {
    program
      .command('score')
      .description('score a JSONL file of samples with a reward spec; JSONL results out, in input order')
      .requiredOption('--spec <file>', 'reward spec (YAML or JSON)')
      .requiredOption('--in <file>', 'input samples, one JSON object per line')
      .option('--out <file>', 'output results (default: stdout)')
      .option('--concurrency <n>', 'samples in flight at once (default: 128 per scoring thread)')
      .option(
        '--threads <n>',
        'worker threads, 0 for the main thread, or auto: the main thread scores, helped by cores-1 threads on inputs of 1 MiB or more',
        'auto',
      )
      .option('--resume', 'continue the run of this spec and input: stored lines are not rescored')
      .option(
        '--store <path>',
        'SQLite store of runs (for --resume); env REWARDKIT_STORE',
        process.env['REWARDKIT_STORE'] || DEFAULT_STORE_PATH,
      )
      .option('--no-store', 'do not record results (disables --resume)')
      .option('--kinds <module>', 'a module exporting extra rewardKinds (custom reward types)')
      .option(
        '--max-line-bytes <n>',
        'longer input lines yield RK_INPUT_TOO_LARGE',
        String(DEFAULT_MAX_LINE_BYTES),
      )
      .option('--chunk-size <n>', 'samples per task sent to a worker (default: derived from --concurrency)')
      .option(
        '--redis <url>',
        'distributed mode: BullMQ jobs on Redis, scored by `rewardkit worker` processes',
      )
      .option(UNSANDBOXED_FLAG, 'DANGEROUS: run code rewards without the sandbox when it is unavailable')
      .addHelpText('after', EXAMPLE)
      .action(async (flags: ScoreFlags) => {
        process.exitCode = await score(flags);
      });
    addSandboxCeilingFlags(program.commands.find((command) => command.name() === 'score')!);
  },
};

/** Runs the command; returns the exit status. */
async function score(flags: ScoreFlags): Promise<number> {
  let setup: Awaited<ReturnType<typeof prepare>>;
  try {
    applySandboxCeilingFlags(flags);
    setup = await prepare(flags);
  } catch (error) {
    reportError(error);
    // Unusable arguments exit 2; a model endpoint that is down at start is the machine's, not the user's.
    return error instanceof RewardKitError && error.code === 'RK_UNAVAILABLE' ? 1 : 2;
  }
  const { spec, writer, backend, store, runKey } = setup;
  const started = performance.now();
  const progress = createScoreProgress(setup.inputSize);
  // Ctrl-C / SIGTERM: nothing more is scored (model requests and sandbox runs in flight are
  // cancelled); every line not scored is written as an RK_CANCELLED result and not stored, so
  // --resume scores exactly those. A second signal ends the process at once.
  // Without a store that outlives the process (--no-store, --store :memory:) a rerun scores every
  // line again: no --resume to advise.
  const resumable = store?.persistent === true;
  const rerun = resumable ? 'rerun with --resume to score them' : 'rerun to score them';
  const stop = interruptOnSignal(
    (signal) =>
      `\nrewardkit: ${signal}: stopping; lines not scored are written as RK_CANCELLED (${rerun}; ${signal} again quits at once)\n`,
  );
  try {
    const summary = await runScore({
      spec,
      inputPath: flags.in,
      writer,
      backend,
      chunkSize: setup.chunkSize,
      window: setup.window,
      maxLineBytes: setup.maxLineBytes,
      store: store === undefined ? undefined : { store, runKey, resume: flags.resume === true },
      progress,
      signal: stop.signal,
      optimizer: optimizingCompilerGate(setup.inputSize),
    });
    progress.stop();
    await writer.close();
    if (stop.signal.aborted) {
      // The batch stage needs every line of a group: not applied to a stopped run.
      if (setup.partialFile !== undefined) rmSync(setup.partialFile, { force: true });
      process.stderr.write(`\n${renderSummary(summary, (performance.now() - started) / 1000)}`);
      process.stderr.write(
        resumable
          ? `rewardkit: the run was interrupted; rerun with --resume to score the ${cancelledCount(summary)} cancelled lines\n`
          : `rewardkit: the run was interrupted; ${cancelledCount(summary)} lines were cancelled (without the store a rerun scores every line again)\n`,
      );
      return 130;
    }
    store?.finishRun(runKey, summary.count);
    if (setup.partialFile !== undefined) {
      await applyBatchStageToFiles(spec, flags.in, setup.partialFile, flags.out);
      process.stderr.write('rewardkit: batch stage applied (the summary shows rewards before it)\n');
    }
    process.stderr.write(`\n${renderSummary(summary, (performance.now() - started) / 1000)}`);
    process.stderr.write(`backend       ${backend.describe()}\n`);
    if (resumable && typeof flags.store === 'string') {
      process.stderr.write(
        `store         ${resolve(flags.store)} (move it: --store PATH or REWARDKIT_STORE; skip it: --no-store)\n`,
      );
    }
    return 0;
  } catch (error) {
    progress.stop();
    // The previous output (if any) stays whole; finished lines are in the store for --resume.
    writer.abandon();
    const code = reportError(error);
    // Resuming needs a store, and one whose own content stopped the run cannot be resumed from.
    if (resumable && !(error instanceof RewardKitError && error.where === store?.file)) {
      process.stderr.write(
        'rewardkit: the run was aborted; rerun with --resume to continue where it stopped\n',
      );
    }
    return code === 0 ? 1 : code;
  } finally {
    stop.dispose();
    await backend.close();
    store?.close();
  }
}

async function prepare(flags: ScoreFlags) {
  const cores = availableParallelism();
  const threads =
    flags.threads === undefined || flags.threads === 'auto'
      ? 'auto'
      : parseCount(flags.threads, '--threads', cores, 0);
  // auto scores on the main thread helped by cores - 1 threads: every core scores.
  const scoringThreads = threads === 'auto' ? cores : Math.max(1, threads);
  const concurrency = parseCount(flags.concurrency, '--concurrency', 128 * scoringThreads, 1);
  const maxLineBytes = parseCount(flags.maxLineBytes, '--max-line-bytes', DEFAULT_MAX_LINE_BYTES, 1);
  // A chunk (a block of lines) is scored as a whole; keep >= 2 chunks per scoring thread in flight.
  const defaultChunk = Math.max(1, Math.min(256, Math.floor(concurrency / (2 * scoringThreads))));
  const chunkSize = parseCount(flags.chunkSize, '--chunk-size', defaultChunk, 1);
  let input: ReturnType<typeof statSync>;
  try {
    input = statSync(flags.in);
  } catch {
    throw new UsageError(`--in ${flags.in}: no such file`, 'give the path of a JSONL file of samples');
  }
  if (!input.isFile()) throw new UsageError(`--in ${flags.in}: not a file`);
  if (flags.out !== undefined) {
    const protectedFiles = [
      { flag: '--in', path: flags.in },
      { flag: '--spec', path: flags.spec },
      ...(flags.kinds === undefined ? [] : [{ flag: '--kinds', path: flags.kinds }]),
      ...(flags.store === false
        ? []
        : ['', '-wal', '-shm'].map((suffix) => ({ flag: '--store', path: `${flags.store}${suffix}` }))),
    ];
    checkOutputTarget(flags.out, protectedFiles);
    checkOutputTarget(`${flags.out}.partial`, protectedFiles);
  }
  if (flags.resume === true && flags.store === false) {
    throw new UsageError('--resume needs the store; drop --no-store');
  }
  const spec = loadSpecFile(flags.spec);
  const specText = readFileSync(flags.spec, 'utf8');
  const rewardKinds = await loadRewardKinds(flags.kinds);
  const allowUnsandboxed = flags.iKnowThisRunsUntrustedCodeUnsandboxed === true;
  // Fail at start: validate the spec (no scorer is built for that), then build the scorers this
  // thread will use (each once; an async create runs here) before the first line is read.
  validateSpec(spec, { rewardKinds });
  // Fail at start, not mid-run: every endpoint of the spec's models: section must answer.
  if (Object.keys(spec.models).length > 0) {
    const { probeEndpoints } = await import('../models/index.js');
    await probeEndpoints(spec.models);
  }
  const backend = composeBackend({
    concurrency,
    threads,
    inputBytes: Number(input.size),
    poolConcurrency: chunkSize,
    rewardKinds,
    kindsModule: flags.kinds,
    redisUrl: flags.redis,
    allowUnsandboxed,
    // The run is the per-line path: compile it at start-up on the kinds' synthetic inputs.
    warmUpLines: true,
    // The store file's component_cache table (opened directly, not through openComponentCache,
    // whose Redis branch would load ioredis into every `score`; with --redis the workers cache).
    componentCache:
      flags.store === false || flags.redis !== undefined
        ? undefined
        : new SqliteResultCache<ComponentResult>({ file: flags.store, table: 'component_cache' }),
  });
  try {
    await backend.prepare(spec);
  } catch (error) {
    await backend.close();
    throw error;
  }
  let store: RunStore | undefined;
  let runKey = '';
  try {
    if (flags.store !== false) {
      store = RunStore.open(flags.store);
      const identity = {
        specText,
        inputPath: resolve(flags.in),
        inputSize: Number(input.size),
        inputMtimeMs: Number(input.mtimeMs),
      };
      runKey = runKeyOf(identity);
      const already = store.beginRun(runKey, { ...identity, specName: spec.name }, flags.resume === true);
      if (flags.resume === true) {
        process.stderr.write(
          `rewardkit: resuming run ${runKey.slice(0, 12)}: ${already} lines already scored\n`,
        );
      }
    }
  } catch (error) {
    await backend.close();
    throw error;
  }
  // With a batch stage, per-sample results go to a partial file first (see score-batch-stage.ts).
  const partialFile = needsBatchStage(spec)
    ? `${flags.out ?? join(tmpdir(), `rewardkit-${process.pid}-${Date.now()}`)}.partial`
    : undefined;
  const writer = JsonlWriter.open(partialFile ?? flags.out);
  return {
    spec,
    partialFile,
    writer,
    backend,
    store,
    runKey,
    chunkSize,
    window: concurrency,
    maxLineBytes,
    inputSize: Number(input.size),
  };
}

function cancelledCount(summary: { errors: ReadonlyMap<string, number> }): number {
  return summary.errors.get('RK_CANCELLED') ?? 0;
}

function parseCount(raw: string | undefined, flag: string, fallback: number, minimum: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) {
    throw new UsageError(`${flag} ${raw}: expected an integer >= ${minimum}`);
  }
  return value;
}
