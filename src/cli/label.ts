import { createWriteStream, existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { countLines } from '../io/count-lines.js';
import { readJsonlFile } from '../io/jsonl-reader.js';
import { JsonlWriter } from '../io/jsonl-writer.js';
import { type LabelFormat, type LabelRunLine, labelMethods, runLabelProblems } from '../labels/index.js';
import { queueLabelExecutor } from '../queue/label-executor.js';
import { endpointPolicyOf } from '../search/index.js';
import type { CliCommand } from './command.js';
import { type FanOutFlags, openJobClient, withFanOutFlags } from './fan-out-flags.js';
import { integerOption } from './integer-option.js';
import { jsonObjectOption } from './json-object-option.js';
import { type PolicyFlags, policySettingsFromFlags, withPolicyFlags } from './policy-flags.js';
import { reportError } from './report-error.js';
import { createScoreProgress } from './score-progress.js';
import { interruptOnSignal } from './stop-signal.js';

interface LabelFlags extends PolicyFlags, FanOutFlags {
  method: string;
  in: string;
  out: string;
  format: string;
  options?: string;
  prover?: string;
  proverModel?: string;
  concurrency: number;
  seed: number;
  resume?: boolean;
}

const EXAMPLE = `
Example (against the reference world, see docs/world.md):
  rewardkit world serve --port 8100 &
  rewardkit world problems --n 20 --out problems.jsonl
  rewardkit label --method omegaprm --policy http://127.0.0.1:8100/v1 --policy-model policy-0.6 \\
    --in problems.jsonl --out labels.jsonl --options '{"rollouts":8}'

Each problem needs reference.answer (or answer); its solution comes as steps (array) or solution
(text split at blank lines), else the policy writes one. Output (--format trl, the default):
TRL's stepwise-supervision columns prompt, completions, labels, plus values (the Monte Carlo
estimates), rollouts and compute; --format math_shepherd writes input/label with ки and +/- tags.`;

/** Ids of the problems `file` already holds labels for, read line by line (the file may be large). */
async function finishedIds(file: string): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!existsSync(file)) return ids;
  for await (const batch of readJsonlFile(file)) {
    for (const record of batch) {
      // An unreadable line (an unfinished last line): that problem is labelled again.
      if ('value' in record && (record.value as LabelRunLine | null)?.status === 'ok')
        ids.add(JSON.stringify((record.value as LabelRunLine).id));
    }
  }
  return ids;
}

async function runLabel(flags: LabelFlags): Promise<number> {
  const method = labelMethods.get(flags.method, '--method');
  const raw = jsonObjectOption('--options', flags.options);
  const options = method.optionsSchema.safeParse(raw);
  if (!options.success) {
    throw new UsageError(
      `--options for ${method.name}: ${options.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
    );
  }
  if (flags.format !== 'trl' && flags.format !== 'math_shepherd') {
    throw new UsageError(`--format must be trl or math_shepherd, got '${flags.format}'`);
  }
  const policySettings = policySettingsFromFlags(flags, {}, flags.concurrency);
  const proverSettings =
    flags.prover === undefined
      ? undefined
      : policySettingsFromFlags(
          { ...flags, policy: flags.prover, policyModel: flags.proverModel ?? flags.policyModel },
          {},
          flags.concurrency,
        );
  const jobs =
    flags.redis === undefined ? undefined : await openJobClient({ ...flags, redis: flags.redis }, 'label');
  // Ctrl-C / SIGTERM: no more problems are read; the problems in flight stop calling the models and
  // the queued ones call none (with --redis their jobs are removed or aborted on the workers); each
  // becomes an error line with the reason, and --resume labels them and the problems not read.
  const stop = interruptOnSignal(
    (signal) => `\nrewardkit: ${signal}: stopping; rerun with --resume to label what is left\n`,
  );
  const executor =
    jobs === undefined
      ? undefined
      : queueLabelExecutor(
          jobs,
          {
            method: method.name,
            options: raw,
            policy: policySettings,
            ...(proverSettings === undefined ? {} : { prover: proverSettings }),
            format: flags.format as LabelFormat,
            seed: flags.seed,
          },
          stop.signal,
        );
  const done = flags.resume ? await finishedIds(flags.out) : new Set<string>();
  const writer = new JsonlWriter(createWriteStream(flags.out, { flags: flags.resume ? 'a' : 'w' }), true);
  let ok = 0;
  let errors = 0;
  let rollouts = 0;
  let labelled = 0;
  // Labelling a problem is slow and the reader runs ahead: the bar counts lines done of all lines.
  const progress = createScoreProgress(
    process.stderr.isTTY === true && existsSync(flags.in) ? await countLines(flags.in) : 0,
    process.stderr,
    { task: `label ${method.name}`, items: 'problems' },
  );
  try {
    await runLabelProblems(
      readJsonlFile(flags.in),
      {
        method,
        options: options.data,
        policy: endpointPolicyOf(policySettings),
        prover: proverSettings === undefined ? undefined : endpointPolicyOf(proverSettings),
        format: flags.format as LabelFormat,
        concurrency: flags.concurrency,
        seed: flags.seed,
        executor,
        signal: stop.signal,
      },
      done,
      async (line) => {
        if (line.status === 'ok') ok += 1;
        else errors += 1;
        rollouts += typeof line['rollouts'] === 'number' ? (line['rollouts'] as number) : 0;
        const labels = line['labels'];
        labelled += Array.isArray(labels) ? labels.length : 0;
        await writer.writeLines([JSON.stringify(line)]);
        progress.update(ok + errors + done.size, ok + errors);
      },
    );
  } finally {
    stop.dispose();
    progress.stop();
    await writer.close();
    await jobs?.close();
  }
  process.stderr.write(
    `label ${method.name}: ${ok} problems labelled, ${errors} errors, ${rollouts} rollouts (${labelled > 0 ? (rollouts / labelled).toFixed(2) : '-'} per label) -> ${flags.out}\n`,
  );
  return stop.signal.aborted ? 130 : 0;
}

export const labelCommand: CliCommand = {
  name: 'label',
  register(program: Command) {
    const label = withPolicyFlags(program.command('label'))
      .description('automatic step labels by Monte Carlo rollouts (math_shepherd, omegaprm, progress)')
      .requiredOption('--method <name>', `one of: ${labelMethods.names().join(', ')}`)
      .requiredOption('--in <file>', 'problems with reference.answer and steps (or solution), one per line')
      .requiredOption('--out <file>', 'labels, one line per problem')
      .option('--format <format>', 'trl (stepwise supervision) or math_shepherd (step tags)', 'trl')
      .option('--options <json|file>', "the method's options as JSON (e.g. '{\"rollouts\":8}')")
      .option('--prover <endpoint>', 'progress: the prover policy (a base URL); the policy itself by default')
      .option('--prover-model <name>', 'progress: the model name sent to the prover')
      .option('--concurrency <n>', 'problems in flight', integerOption('--concurrency', 1, 10_000), 8)
      .option('--seed <n>', 'sampling seed', integerOption('--seed', 0), 1)
      .option('--resume', 'append to --out, skipping problems it already holds');
    withFanOutFlags(label, 'the problems (one job per problem)')
      .addHelpText('after', EXAMPLE)
      .action(async (flags: LabelFlags) => {
        try {
          process.exitCode = await runLabel(flags);
        } catch (error) {
          process.exitCode = reportError(error);
        }
      });
  },
};
