import { createWriteStream, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RewardKitError, UsageError } from '../core/errors.js';
import { loadSpecFile, type Spec } from '../core/spec.js';
import { readJsonlFile } from '../io/jsonl-reader.js';
import { JsonlWriter } from '../io/jsonl-writer.js';
import type { JobClient } from '../queue/job-client.js';
import { queueSearchExecutor } from '../queue/search-executor.js';
import {
  createSearchServer,
  type EndpointPolicy,
  endpointPolicyOf,
  lineSummary,
  type PolicySettings,
  readRunLines,
  readRunsForResume,
  runSearchProblems,
  type SearchRunLine,
  SpecVerifier,
  searchReportHtml,
  searchStrategies,
  summarizeRuns,
} from '../search/index.js';
import type { CliCommand } from './command.js';
import { type FanOutFlags, openJobClient, withFanOutFlags } from './fan-out-flags.js';
import { integerOption } from './integer-option.js';
import { jsonObjectOption } from './json-object-option.js';
import { type PolicyFlags, policySettingsFromFlags, withPolicyFlags } from './policy-flags.js';
import { reportError } from './report-error.js';

interface SearchFlags extends PolicyFlags, FanOutFlags {
  strategy: string;
  scorer: string;
  component?: string;
  in: string;
  out: string;
  budget: string;
  seeds: string;
  options?: string;
  concurrency: number;
  resume?: boolean;
  report?: string;
  keepCandidates?: boolean;
  pricePrompt?: string;
  priceCompletion?: string;
}

const EXAMPLE = `
Example (against the reference world, see docs/world.md):
  rewardkit world serve --port 8100 &
  rewardkit world problems --n 50 --out problems.jsonl
  rewardkit search --strategy beam_search --policy http://127.0.0.1:8100/v1 --policy-model policy-0.6 \\
    --scorer examples/search-prm.yaml --in problems.jsonl --budget 4,8,16 --seeds 1,2,3 \\
    --out runs-beam.jsonl --report report.html

One output line per (problem, budget, seed): the chosen answer, whether it matches
reference.answer (math verifier), the selection and the compute spent (generator and verifier
calls, prompt and generated tokens, wall time, cost with --price-*). A bad problem line yields an
error line naming the line and field; --resume skips finished units.

The budget N is the strategy's width: samples (best_of_n, majority_vote, weighted_vote), candidate
steps per iteration (beam_search, early_rejection), total width (dvts, rebase), particles
(particle_filtering), simulations (mcts); compare strategies on generated tokens too.`;

function integerList(flag: string, text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new UsageError(`${flag} must be a comma-separated list of integers >= 1, got '${text}'`);
  }
  return values;
}

function numberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`${flag} must be a number >= 0, got '${text}'`);
  return value;
}

interface SearchServeFlags extends PolicyFlags {
  scorer: string;
  component?: string;
  strategy: string;
  strategies?: string;
  budget: number;
  maxBudget: number;
  maxSearches: number;
  port: number;
  host: string;
}

/** The policy and verifier both commands build from their flags. */
function policyAndVerifier(
  flags: PolicyFlags & { scorer: string; component?: string | undefined },
  concurrency: number,
): { policy: EndpointPolicy; verifier: SpecVerifier; settings: PolicySettings; spec: Spec } {
  const spec = loadSpecFile(flags.scorer);
  const settings = policySettingsFromFlags(flags, spec.models, concurrency);
  return {
    policy: endpointPolicyOf(settings),
    verifier: new SpecVerifier(spec, flags.component),
    settings,
    spec,
  };
}

async function serveSearch(flags: SearchServeFlags): Promise<void> {
  const allowed =
    flags.strategies === undefined
      ? searchStrategies.names()
      : flags.strategies.split(',').map((name) => name.trim());
  for (const name of [...allowed, flags.strategy]) searchStrategies.get(name, '--strategies');
  if (flags.budget > flags.maxBudget)
    throw new UsageError(`--budget ${flags.budget} is over --max-budget ${flags.maxBudget}`);
  const { policy, verifier } = policyAndVerifier(flags, flags.maxSearches);
  const app = createSearchServer(policy, verifier, {
    maxBudget: flags.maxBudget,
    maxConcurrentSearches: flags.maxSearches,
    defaultStrategy: flags.strategy,
    defaultBudget: flags.budget,
    allowedStrategies: allowed,
  });
  const address = await app.listen({ port: flags.port, host: flags.host });
  process.stderr.write(
    `rewardkit search serve: ${address}/v1/chat/completions (strategies: ${allowed.join(', ')})\n`,
  );
  const close = (): void => {
    void app.close().then(() => verifier.close());
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

async function runSearchCommand(flags: SearchFlags): Promise<number> {
  const strategy = searchStrategies.get(flags.strategy, '--strategy');
  const rawOptions = jsonObjectOption('--options', flags.options);
  const parsedOptions = strategy.optionsSchema.safeParse(rawOptions);
  if (!parsedOptions.success) {
    throw new UsageError(
      `--options for ${strategy.name}: ${parsedOptions.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
    );
  }
  const budgets = integerList('--budget', flags.budget);
  const seeds = integerList('--seeds', flags.seeds);
  const { policy, verifier, settings, spec } = policyAndVerifier(flags, flags.concurrency);
  const pricePrompt = numberFlag('--price-prompt', flags.pricePrompt);
  const priceCompletion = numberFlag('--price-completion', flags.priceCompletion);
  const prices =
    pricePrompt === undefined && priceCompletion === undefined
      ? undefined
      : { promptPerMillion: pricePrompt ?? 0, completionPerMillion: priceCompletion ?? 0 };
  const jobs: JobClient | undefined =
    flags.redis === undefined ? undefined : await openJobClient({ ...flags, redis: flags.redis }, 'search');
  const stop = new AbortController();
  const executor =
    jobs === undefined
      ? undefined
      : queueSearchExecutor(
          jobs,
          {
            strategy: strategy.name,
            options: rawOptions,
            policy: settings,
            scorer: {
              spec: spec as unknown as Record<string, unknown>,
              ...(flags.component === undefined ? {} : { component: flags.component }),
            },
            ...(prices === undefined ? {} : { prices }),
            keepCandidates: flags.keepCandidates === true,
          },
          stop.signal,
        );
  const resumed = flags.resume ? readRunsForResume(flags.out) : { done: new Set<string>(), lines: [] };
  const writer = new JsonlWriter(createWriteStream(flags.out, { flags: flags.resume ? 'a' : 'w' }), true);
  const lines: SearchRunLine[] = [...resumed.lines];
  let finished = 0;
  let errors = 0;
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  const ticker = tty
    ? setInterval(() => {
        const rate = finished / ((performance.now() - started) / 1000);
        process.stderr.write(
          `\rsearch ${strategy.name}: ${finished} done, ${errors} errors, ${rate.toFixed(2)}/s   `,
        );
      }, 500)
    : undefined;
  const onSignal = (): void => {
    // The units in flight stop calling the models at once; each becomes an error line with this
    // reason (and is searched again by --resume). With --redis, jobs no worker has taken are
    // removed and running ones are aborted on their workers (JobClient.cancel).
    stop.abort(new RewardKitError('RK_UNAVAILABLE', 'the run was interrupted (SIGINT)'));
  };
  process.once('SIGINT', onSignal);
  try {
    await runSearchProblems(
      readJsonlFile(flags.in),
      {
        strategy,
        options: parsedOptions.data,
        budgets,
        seeds,
        policy,
        verifier,
        prices,
        concurrency: flags.concurrency,
        keepCandidates: flags.keepCandidates === true,
        signal: stop.signal,
        executor,
      },
      resumed.done,
      async (line) => {
        finished += 1;
        if (line.status === 'error') errors += 1;
        lines.push(lineSummary(line));
        await writer.writeLines([JSON.stringify(line)]);
      },
    );
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
    process.off('SIGINT', onSignal);
    await writer.close();
    await verifier.close();
    await jobs?.close();
  }
  if (tty) process.stderr.write('\n');
  const points = summarizeRuns(lines);
  process.stderr.write(`search ${strategy.name}: ${finished} units (${errors} errors) -> ${flags.out}\n`);
  for (const point of points) {
    process.stderr.write(
      `  N=${String(point.budget).padStart(4)}  accuracy ${point.accuracy.toFixed(4)} ± ${point.halfWidth.toFixed(4)}  tokens/problem ${Math.round(point.completionTokens)}  errors ${point.errors}\n`,
    );
  }
  if (flags.report !== undefined) {
    writeFileSync(flags.report, searchReportHtml(`rewardkit search: ${strategy.name}`, points));
    process.stderr.write(`report: ${flags.report}\n`);
  }
  return stop.signal.aborted ? 130 : 0;
}

export const searchCommand: CliCommand = {
  name: 'search',
  register(program: Command) {
    const search = withPolicyFlags(program.command('search'), false)
      .description('reward-guided test-time search over a problem file: best-of-N to particle filtering')
      .option('--strategy <name>', `one of: ${searchStrategies.names().join(', ')}`)
      .option(
        '--scorer <spec>',
        'reward spec whose first component (or --component) is the verifier (PRM or ORM)',
      )
      .option('--component <name>', 'the verifier component of the scorer spec')
      .option(
        '--in <file>',
        'problems, one JSON object per line: id, prompt (or problem/question), reference.answer',
      )
      .option('--out <file>', 'runs, one JSON line per (problem, budget, seed)')
      .option('--budget <list>', 'budgets N, comma-separated', '4,8,16')
      .option('--seeds <list>', 'seeds, comma-separated (bands over seeds in the report)', '1')
      .option('--options <json|file>', "the strategy's options as JSON (e.g. '{\"beam_width\":4}')")
      .option('--concurrency <n>', 'units of work in flight', integerOption('--concurrency', 1, 100_000), 16)
      .option('--resume', 'append to --out, skipping units it already holds')
      .option('--report <file>', 'write an HTML report with accuracy-vs-budget and -tokens curves')
      .option('--keep-candidates', 'write every candidate and tree node into the runs')
      .option('--price-prompt <x>', 'price per million prompt tokens (cost accounting)')
      .option('--price-completion <x>', 'price per million generated tokens');
    withFanOutFlags(search, 'the units (one job per problem, budget and seed)')
      .addHelpText('after', EXAMPLE)
      .action(async (flags: SearchFlags) => {
        try {
          for (const required of ['strategy', 'policy', 'scorer', 'in', 'out'] as const) {
            if (flags[required] === undefined) throw new UsageError(`--${required} is required`);
          }
          if (flags.api !== 'completions' && flags.api !== 'chat')
            throw new UsageError(`--api must be completions or chat, got '${flags.api}'`);
          process.exitCode = await runSearchCommand(flags);
        } catch (error) {
          process.exitCode = reportError(error);
        }
      });
    withPolicyFlags(search.command('serve'))
      .description('an OpenAI-compatible /v1/chat/completions whose answers are chosen by a search strategy')
      .requiredOption('--scorer <spec>', 'reward spec whose first component (or --component) is the verifier')
      .option('--component <name>', 'the verifier component of the scorer spec')
      .option('--strategy <name>', 'the default strategy', 'best_of_n')
      .option('--strategies <list>', 'strategies a request may ask for (default: all)')
      .option('--budget <n>', 'the default budget', integerOption('--budget', 1, 4096), 8)
      .option(
        '--max-budget <n>',
        'the largest budget a request may ask for',
        integerOption('--max-budget', 1, 4096),
        64,
      )
      .option(
        '--max-searches <n>',
        'searches at once; more get 429',
        integerOption('--max-searches', 1, 10_000),
        32,
      )
      .option('--port <n>', 'port', integerOption('--port', 0, 65_535), 8300)
      .option('--host <host>', 'address to bind', '127.0.0.1')
      .action(async (flags: SearchServeFlags) => {
        try {
          await serveSearch(flags);
        } catch (error) {
          process.exitCode = reportError(error);
        }
      });
    search
      .command('report')
      .description('an HTML report of accuracy-vs-budget and -tokens curves from one or more runs files')
      .requiredOption('--out <file>', 'the HTML file to write')
      .argument('<runs...>', 'runs files written by rewardkit search')
      .action((runs: string[], flags: { out: string }) => {
        try {
          const points = summarizeRuns(readRunLines(runs));
          writeFileSync(flags.out, searchReportHtml('rewardkit search', points));
        } catch (error) {
          process.exitCode = reportError(error);
        }
      });
  },
};
