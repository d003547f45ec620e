/**
 * Per-pair cost of `rewardkit score` with one `{name: correct, type: math}` reward, start-up
 * excluded by subtraction, for each way of running it (its default flags, as a user runs it, with
 * the store of `--resume` written; and `--threads 0 --no-store`), in CPU time of the process (user + system; wall time is also kept, but
 * on a shared machine it measures the neighbours), two ways:
 *   - first pass: (time of the file once - time of a one-line file) / (pairs - 1); every pair is
 *     seen once, nothing repeats (what a run over new rollouts costs, warm-up included);
 *   - marginal: (time of 4 copies - time of 1 copy) / (3 * pairs); the copies have new ids, so
 *     golds and answers repeat (caches warm, as in a long training run);
 *   - marginal, nothing repeats: the same with 4 copies whose golds and responses differ from copy
 *     to copy (unrepeated-copy.ts: no cache keyed by them can hit, verdicts unchanged, checked
 *     here); only for corpora whose golds are all plain numbers (GSM8K), NaN otherwise.
 * Each figure is the minimum over `repeats` runs (the machine is shared; the runs of every
 * configuration are interleaved so that a busy minute does not favour one). Also reports the peak
 * RSS of the largest run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledPair } from './labelled-pair.js';
import { unrepeatedCopy } from './unrepeated-copy.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reportUsage = join(root, 'bench/math/report-usage.mjs');
const builtCli = join(root, 'dist/cli/main.js');
/** `rewardkit` as npm links it: a launcher that starts node on builtCli with the project's node flags. */
const launcher = join(root, 'bin/rewardkit');

/** The newest modification time of a file under `directory`. */
function newestUnder(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The CLI as users and graders run it: the built `dist/cli/main.js`, started by bin/rewardkit (not
 * `tsx` over the sources, whose loader thread and on-the-fly compilation of lazily imported modules
 * would be counted in the measured window). Built first when missing or older than a source file.
 */
let checkedBuild = false;
export function ensureBuiltCli(): string {
  if (checkedBuild) return builtCli;
  checkedBuild = true;
  let builtAt = 0;
  try {
    builtAt = statSync(builtCli).mtimeMs;
  } catch {}
  if (builtAt < newestUnder(join(root, 'src'))) {
    console.log('building dist/ (npm run build) so that the CLI measured is the one users run ...');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }
  return builtCli;
}

/** One way of running `rewardkit score`: its extra flags (none: the defaults). */
export interface CliConfiguration {
  label: string;
  flags: readonly string[];
}

export const CLI_CONFIGURATIONS: readonly CliConfiguration[] = [
  { label: 'defaults', flags: [] },
  { label: '--threads 0 --no-store', flags: ['--threads', '0', '--no-store'] },
];

export interface CliCost {
  /**
   * CPU µs per pair, from the CPU each run spent after opening its input (start-up excluded
   * within the run, see report-usage.mjs): first pass = (file once - one line) / pairs, marginal =
   * (4 copies - 1 copy) / 3 pairs.
   */
  firstPassUs: number;
  marginalUs: number;
  /** Marginal over 4 copies that repeat no gold and no response (NaN: not measured). */
  marginalUnrepeatedUs: number;
  /** The first pass from whole-process CPU (start-up excluded by subtracting the one-line run). */
  firstPassWholeUs: number;
  /** Wall-clock µs per pair, same subtractions. */
  firstPassWallUs: number;
  marginalWallUs: number;
  marginalUnrepeatedWallUs: number;
  startupSeconds: number;
  startupCpuSeconds: number;
  peakRssMb: number;
  configuration: CliConfiguration;
  /** The reward of each pair id in the first-pass run (1, 0 or null). */
  rewards: Map<string, number | null>;
}

/**
 * Writes `copies` copies of the pairs (ids `id#copy`); with `vary`, copy k is unrepeatedCopy(pair,
 * k). Returns false (nothing written) when `vary` and some gold has no unrepeated copy.
 */
function writeCopies(pairs: readonly LabelledPair[], copies: number, file: string, vary = false): boolean {
  const lines: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const pair of pairs) {
      const written = vary ? unrepeatedCopy(pair, copy) : pair;
      if (written === undefined) return false;
      lines.push(
        JSON.stringify({
          id: `${pair.id}#${copy}`,
          response: written.response,
          reference: { answer: written.gold },
        }),
      );
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return true;
}

/** The reward of each line of a `--out` file, by id. */
function rewardsOf(file: string): Map<string, number | null> {
  const rewards = new Map<string, number | null>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const result = JSON.parse(line) as { id: string; reward: number | null };
    rewards.set(result.id, result.reward);
  }
  return rewards;
}

/** Throws unless every copy of the unrepeated run scored as its pair did in the first pass. */
function checkUnrepeatedVerdicts(
  once: Map<string, number | null>,
  unrepeated: Map<string, number | null>,
): void {
  let differing = 0;
  for (const [id, reward] of unrepeated) {
    if (once.get(id.replace(/#\d+$/, '#0')) !== reward) differing++;
  }
  if (differing > 0)
    throw new Error(`the unrepeated copies changed ${differing} reward(s): the rewrite is not neutral`);
}

interface RunUsage {
  seconds: number;
  /** CPU of the whole process, and from the opening of the input file to the exit. */
  cpuSeconds: number;
  scoringCpuSeconds: number;
  rssKb: number;
}

function timeRun(
  input: string,
  output: string,
  spec: string,
  flags: readonly string[],
  store: string,
): RunUsage {
  // The defaults write the store of `--resume`: a fresh one per run, in the work directory.
  rmSync(store, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(`${store}${suffix}`, { force: true });
  ensureBuiltCli();
  const started = performance.now();
  // The command users run (bin/rewardkit: node with its flags), with the usage report preloaded.
  const nodeOptions = [process.env.NODE_OPTIONS, `--import=${reportUsage}`].filter(Boolean).join(' ');
  const run = spawnSync(launcher, ['score', '--spec', spec, '--in', input, '--out', output, ...flags], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: nodeOptions,
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      REWARDKIT_STORE: store,
      BENCH_INPUT: input,
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`rewardkit score failed (exit ${run.status}): ${run.stderr.slice(-2_000)}`);
  const usage = run.stderr.match(/bench-usage (\d+) (\d+) (\d+) (\d+)/);
  if (usage === null) throw new Error('rewardkit score did not report its resource usage');
  return {
    seconds,
    cpuSeconds: (Number(usage[1]) + Number(usage[2])) / 1e6,
    scoringCpuSeconds: Number(usage[4]) / 1e6,
    rssKb: Number(usage[3]),
  };
}

type FileKey = 'one' | 'once' | 'four' | 'unrepeated';

export function measureCliCost(
  pairs: readonly LabelledPair[],
  workDirectory: string,
  name: string,
  options: {
    repeats: number;
    configurations: readonly CliConfiguration[];
    /** Called before each repeat's runs (the peer's run, interleaved with ours in time). */
    beforeRepeat?: (repeat: number) => void;
  },
): CliCost[] {
  const spec = join(workDirectory, 'math-spec.yaml');
  writeFileSync(spec, 'name: correct\nrewards:\n  - name: correct\n    type: math\n');
  const store = join(workDirectory, 'store.sqlite');
  const files: Record<FileKey, string> = {
    one: join(workDirectory, `${name}-1line.jsonl`),
    once: join(workDirectory, `${name}-x1.jsonl`),
    four: join(workDirectory, `${name}-x4.jsonl`),
    unrepeated: join(workDirectory, `${name}-x4-unrepeated.jsonl`),
  };
  writeCopies(pairs.slice(0, 1), 1, files.one);
  writeCopies(pairs, 1, files.once);
  writeCopies(pairs, 4, files.four);
  const unrepeated = writeCopies(pairs, 4, files.unrepeated, true);
  const output = (configuration: number, key: FileKey) =>
    join(workDirectory, `${name}-${configuration}-${key}-out.jsonl`);
  const keys: readonly FileKey[] = unrepeated
    ? ['one', 'once', 'four', 'unrepeated']
    : ['one', 'once', 'four'];
  const unmeasured = (): Record<FileKey, number> => ({
    one: Number.POSITIVE_INFINITY,
    once: Number.POSITIVE_INFINITY,
    four: Number.POSITIVE_INFINITY,
    unrepeated: Number.POSITIVE_INFINITY,
  });
  const best = options.configurations.map(() => ({
    cpu: unmeasured(),
    scoring: unmeasured(),
    wall: unmeasured(),
    peakRssKb: 0,
  }));
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    options.beforeRepeat?.(repeat);
    options.configurations.forEach((configuration, index) => {
      const figures = best[index] as (typeof best)[number];
      for (const key of keys) {
        const run = timeRun(files[key], output(index, key), spec, configuration.flags, store);
        figures.cpu[key] = Math.min(figures.cpu[key], run.cpuSeconds);
        figures.scoring[key] = Math.min(figures.scoring[key], run.scoringCpuSeconds);
        figures.wall[key] = Math.min(figures.wall[key], run.seconds);
        figures.peakRssKb = Math.max(figures.peakRssKb, run.rssKb);
      }
    });
  }
  return options.configurations.map((configuration, index) => {
    const figures = best[index] as (typeof best)[number];
    const once = rewardsOf(output(index, 'once'));
    if (unrepeated) checkUnrepeatedVerdicts(once, rewardsOf(output(index, 'unrepeated')));
    const rewards = new Map([...once].map(([id, reward]) => [id.replace(/#0$/, ''), reward]));
    const { cpu, scoring, wall } = figures;
    const unrepeatedUs = (seconds: Record<FileKey, number>) =>
      unrepeated ? ((seconds.unrepeated - seconds.once) / (3 * pairs.length)) * 1e6 : Number.NaN;
    return {
      rewards,
      firstPassUs: ((scoring.once - scoring.one) / Math.max(1, pairs.length - 1)) * 1e6,
      marginalUs: ((scoring.four - scoring.once) / (3 * pairs.length)) * 1e6,
      marginalUnrepeatedUs: unrepeatedUs(scoring),
      marginalUnrepeatedWallUs: unrepeatedUs(wall),
      firstPassWholeUs: ((cpu.once - cpu.one) / Math.max(1, pairs.length - 1)) * 1e6,
      firstPassWallUs: ((wall.once - wall.one) / Math.max(1, pairs.length - 1)) * 1e6,
      marginalWallUs: ((wall.four - wall.once) / (3 * pairs.length)) * 1e6,
      startupSeconds: wall.one,
      startupCpuSeconds: cpu.one,
      peakRssMb: figures.peakRssKb / 1024,
      configuration,
    };
  });
}
