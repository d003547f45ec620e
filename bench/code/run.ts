/**
 * `npm run bench -- code`: the code sandbox on HumanEval (located by bench/dataset-path.ts).
 *  1. Correctness through `rewardkit score` with a `type: code` spec: every canonical solution
 *     must score 1, every broken variant (body replaced by `return None`; a syntax error) 0.
 *  2. Throughput, measured in the same run with a pool of N = cores concurrent runs: sandboxed
 *     HumanEval executions/s and sandboxed trivial programs/s, against bare
 *     `/usr/bin/python3 -c pass` spawns/s. The ratio is the sandbox's overhead (goal >= 0.6).
 *     Each sample costs one fresh sandboxed candidate (the program) plus a fork of the slot's
 *     long-lived trusted test runner, and one relayed round trip per call of the program.
 *  3. CPU time per sample, which the machine's load hardly changes (wall-clock rates on a shared
 *     machine do): user + system time of this process and of every process it started and reaped
 *     (the sandboxes, bwrap, the interpreters, the fork servers, which are stopped and reaped at the
 *     end of each phase so that their time is counted), divided by the samples of the phase. The
 *     CPU ratio is bare spawn CPU / sandboxed sample CPU: the throughput ratio a CPU-bound machine
 *     would reach.
 * BENCH_ROUNDS sets the number of interleaved measurement rounds (default 3).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxAvailability } from '../../src/sandbox/availability.js';
import { languageNamed } from '../../src/sandbox/languages.js';
import { SandboxLimitsSchema } from '../../src/sandbox/limits.js';
import { runCodeTests } from '../../src/sandbox/run-tests.js';
import { stopTestRunners } from '../../src/sandbox/test-runner-pool.js';
import { HUMANEVAL, locateDataset } from '../dataset-path.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const located = locateDataset(HUMANEVAL.variable, HUMANEVAL.path);
if (located.file === undefined) {
  console.log(`bench/code: skipped, HumanEval not found (tried ${located.tried.join(', ')})`);
  process.exit(0);
}
const dataFile = located.file;
const availability = sandboxAvailability();
if (!availability.available) {
  console.log(`bench/code: skipped, the sandbox is not available (${availability.reason})`);
  process.exit(0);
}

interface Problem {
  task_id: string;
  prompt: string;
  canonical_solution: string;
  test: string;
  entry_point: string;
}
const problems = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Problem);

const variants: Record<string, (problem: Problem) => string> = {
  canonical: (problem) => problem.prompt + problem.canonical_solution,
  return_none: (problem) => `${problem.prompt}    return None\n`,
  syntax_error: (problem) => `${problem.prompt}    return (\n`,
};

// 1. Correctness through the CLI (BENCH_CODE_THROUGHPUT_ONLY=1 skips it, to iterate on speed).
const checkCorrectness = process.env['BENCH_CODE_THROUGHPUT_ONLY'] !== '1';
function checkThroughCli(): boolean {
  let ok = true;
  const work = mkdtempSync(join(tmpdir(), 'rk-bench-code-'));
  const spec = join(work, 'spec.yaml');
  const input = join(work, 'in.jsonl');
  const output = join(work, 'out.jsonl');
  writeFileSync(
    spec,
    'name: humaneval\nrewards:\n  - name: tests\n    type: code\n    options: {scoring: all_or_nothing}\n',
  );
  const samples = Object.entries(variants).flatMap(([variant, program]) =>
    problems.map((problem) => ({
      id: `${problem.task_id}#${variant}`,
      response: `\`\`\`python\n${program(problem)}\n\`\`\``,
      reference: { language: 'python', tests: problem.test, entry_point: problem.entry_point, timeout_s: 10 },
    })),
  );
  writeFileSync(input, `${samples.map((sample) => JSON.stringify(sample)).join('\n')}\n`);
  const cliStarted = performance.now();
  const cli = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/cli/main.ts'),
      'score',
      '--spec',
      spec,
      '--in',
      input,
      '--out',
      output,
      '--no-store',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const cliSeconds = (performance.now() - cliStarted) / 1000;
  if (cli.status !== 0) {
    console.error(`rewardkit score failed (exit ${cli.status}):\n${cli.stderr}`);
    return false;
  }
  const results = readFileSync(output, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { id: string; reward: number | null });
  rmSync(work, { recursive: true, force: true });
  console.log(
    `rewardkit score: ${samples.length} samples in ${cliSeconds.toFixed(1)} s (CLI start included)`,
  );
  for (const variant of Object.keys(variants)) {
    const rows = results.filter((result) => result.id.endsWith(`#${variant}`));
    const expected = variant === 'canonical' ? 1 : 0;
    const good = rows.filter((row) => row.reward === expected);
    const bad = rows.filter((row) => row.reward !== expected).map((row) => `${row.id}=${row.reward}`);
    ok &&= good.length === problems.length;
    console.log(
      `  ${variant.padEnd(13)} ${good.length}/${problems.length} ${expected === 1 ? 'pass' : 'fail'} as expected${bad.length > 0 ? `; unexpected: ${bad.slice(0, 5).join(', ')}` : ''}`,
    );
  }
  return ok;
}
const ok = checkCorrectness ? checkThroughCli() : true;

// 2. Throughput, interleaved so that the machine's load affects both sides alike.
const concurrency = availableParallelism();
const python = languageNamed('python');
const limits = SandboxLimitsSchema.parse({ timeoutMs: 10_000 });

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU ms of this process plus its reaped descendants (cutime + cstime of /proc/self/stat). */
function treeCpuMs(): number {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", field 3 (state) is index 0, so cutime (16) and cstime (17) are 13 and 14.
  const children = Number(fields[13]) + Number(fields[14]);
  return (own.user + own.system) / 1000 + (children * 1000) / CLOCK_TICKS;
}

interface Phase {
  perSecond: number;
  cpuMsPerSample: number;
}

async function measure(count: number, task: (index: number) => Promise<unknown>): Promise<Phase> {
  const cpuBefore = treeCpuMs();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await stopTestRunners(); // their CPU (imports, every fork) is counted once they are reaped
  return { perSecond: count / seconds, cpuMsPerSample: (treeCpuMs() - cpuBefore) / count };
}
const bareSpawn = () =>
  new Promise((resolve) =>
    spawn('/usr/bin/python3', ['-c', 'pass'], { stdio: 'ignore' }).on('close', resolve),
  );
const trivial = () =>
  runCodeTests({
    language: python,
    program: 'def f(x):\n    return x\n',
    tests: 'assert f(1) == 1',
    comparison: { mode: 'whitespace' },
    limits,
  });
const humaneval = (index: number) => {
  const problem = problems[index % problems.length]!;
  return runCodeTests({
    language: python,
    program: problem.prompt + problem.canonical_solution,
    tests: problem.test,
    entryPoint: problem.entry_point,
    comparison: { mode: 'whitespace' },
    limits,
  });
};

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const perRound = 60;
const totals = { bare: [] as Phase[], trivial: [] as Phase[], humaneval: [] as Phase[] };
await measure(concurrency * 2, trivial); // warm-up
for (let round = 0; round < rounds; round++) {
  const bare = await measure(perRound, bareSpawn);
  const sandboxed = await measure(perRound, trivial);
  const executions = await measure(problems.length, humaneval);
  totals.bare.push(bare);
  totals.trivial.push(sandboxed);
  totals.humaneval.push(executions);
  console.log(
    `  round ${round + 1}: bare ${bare.perSecond.toFixed(1)}/s ${bare.cpuMsPerSample.toFixed(1)} ms CPU, sandboxed trivial ${sandboxed.perSecond.toFixed(1)}/s ${sandboxed.cpuMsPerSample.toFixed(1)} ms CPU, HumanEval ${executions.perSecond.toFixed(1)}/s ${executions.cpuMsPerSample.toFixed(1)} ms CPU`,
  );
}
const mean = (phases: Phase[], key: keyof Phase) =>
  phases.reduce((sum, phase) => sum + phase[key], 0) / phases.length;
const bareRate = mean(totals.bare, 'perSecond');
const bareCpu = mean(totals.bare, 'cpuMsPerSample');
const [load1] = loadavg();
console.log(
  `pool of ${concurrency} (cores), mean of ${rounds} interleaved rounds, load average ${load1!.toFixed(1)}:`,
);
console.log(
  '                                        wall-clock rate       CPU per sample (whole process tree)',
);
console.log(
  `  bare /usr/bin/python3 -c pass spawns   ${bareRate.toFixed(1).padStart(6)}/s              ${bareCpu.toFixed(1).padStart(5)} ms`,
);
for (const [label, phases] of [
  ['sandboxed trivial program + 1 assert', totals.trivial],
  ['sandboxed HumanEval executions      ', totals.humaneval],
] as const) {
  const rate = mean(phases, 'perSecond');
  const cpu = mean(phases, 'cpuMsPerSample');
  console.log(
    `  ${label}  ${rate.toFixed(1).padStart(6)}/s ratio ${(rate / bareRate).toFixed(2)}   ${cpu.toFixed(1).padStart(5)} ms  ratio ${(bareCpu / cpu).toFixed(2)}`,
  );
}
console.log(
  '  wall ratio = sandboxed rate / bare rate (load-sensitive); CPU ratio = bare CPU / sandboxed CPU (goal >= 0.6 for both)',
);
process.exit(ok ? 0 : 1);
