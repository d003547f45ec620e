import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RewardKitError, UsageError } from '../core/errors.js';
import { extractProgram } from '../rewards/extract-code-block.js';
import { assertSandboxAvailable, sandboxAvailability } from '../sandbox/availability.js';
import { OutputComparisonSchema } from '../sandbox/compare-output.js';
import { LANGUAGE_NAMES, languageNamed } from '../sandbox/languages.js';
import { SandboxLimitsSchema } from '../sandbox/limits.js';
import { type CodeTestReport, type IoCase, runCodeTests } from '../sandbox/run-tests.js';
import type { CliCommand } from './command.js';
import { integerOption } from './integer-option.js';
import { reportError } from './report-error.js';
import { UNSANDBOXED_FLAG } from './unsandboxed-flag.js';

interface ExecFlags {
  language: string;
  tests?: string;
  entryPoint?: string;
  io?: string;
  timeout: number;
  memory: number;
  comparison: string;
  floatTolerance?: string;
  json?: boolean;
  iKnowThisRunsUntrustedCodeUnsandboxed?: boolean;
}

const EXAMPLE = `
Examples:
  rewardkit exec solution.py --tests tests.py
  rewardkit exec response.md --language javascript --tests tests.js --entry-point add
  echo 'print(input()[::-1])' | rewardkit exec - --io cases.json     # [{"stdin": "ab", "stdout": "ba"}]

The program is the last fenced code block of the file, or the whole file. Exit status: 0 when
every test passed, 1 when some did not, 2 on unusable arguments or when the sandbox is unavailable.`;

export const execCommand: CliCommand = {
  name: 'exec',
  register(program: Command) {
    program
      .command('exec')
      .description('run one program against tests in the sandbox and print the per-test table')
      .argument('<program>', "file with the program (or a response with fenced code); '-' reads stdin")
      .option('--language <name>', `one of ${LANGUAGE_NAMES.join(', ')}`, 'python')
      .option('--tests <file>', 'assert-style tests run after the program (MBPP, or HumanEval check())')
      .option('--entry-point <name>', "the function passed to the tests' check(candidate)")
      .option('--io <file>', 'JSON array (or JSONL) of {"stdin", "stdout"} cases')
      .option('--timeout <seconds>', 'wall-clock limit per run', integerOption('--timeout', 1, 600), 5)
      .option('--memory <mb>', 'memory limit per process', integerOption('--memory', 16, 65_536), 512)
      .option('--comparison <mode>', 'stdout comparison: whitespace | exact', 'whitespace')
      .option('--float-tolerance <x>', 'with whitespace comparison: numeric tolerance')
      .option('--json', 'print the report as JSON instead of a table')
      .option(UNSANDBOXED_FLAG, 'DANGEROUS: run without the sandbox when it is unavailable (rlimits only)')
      .addHelpText('after', EXAMPLE)
      .action(async (programPath: string, flags: ExecFlags) => {
        process.exitCode = await exec(programPath, flags);
      });
  },
};

/** Errors that mean the arguments are unusable (or no sandbox): exit status 2, as documented. */
const ARGUMENT_ERRORS: ReadonlySet<string> = new Set([
  'RK_USAGE',
  'RK_UNKNOWN_NAME',
  'RK_SANDBOX_UNAVAILABLE',
  'RK_INPUT_INVALID',
]);

async function exec(programPath: string, flags: ExecFlags): Promise<number> {
  let report: CodeTestReport;
  try {
    const unsandboxed =
      flags.iKnowThisRunsUntrustedCodeUnsandboxed === true && !sandboxAvailability().available;
    if (!unsandboxed) assertSandboxAvailable();
    const language = languageNamed(flags.language);
    const tests = flags.tests === undefined ? undefined : readText(flags.tests, '--tests');
    const io = flags.io === undefined ? undefined : parseIoCases(readText(flags.io, '--io'));
    if (tests === undefined && io === undefined) throw new UsageError('give --tests or --io (or both)');
    const comparison = OutputComparisonSchema.safeParse({
      mode: flags.comparison,
      ...(flags.floatTolerance === undefined ? {} : { float_tolerance: Number(flags.floatTolerance) }),
    });
    if (!comparison.success)
      throw new UsageError('--comparison must be whitespace or exact; --float-tolerance a number >= 0');
    report = await runCodeTests({
      language,
      program: extractProgram(readText(programPath, 'program')),
      ...(tests === undefined ? {} : { tests }),
      ...(flags.entryPoint === undefined ? {} : { entryPoint: flags.entryPoint }),
      ...(io === undefined ? {} : { io }),
      comparison: comparison.data,
      limits: SandboxLimitsSchema.parse({ timeoutMs: flags.timeout * 1000, memoryMb: flags.memory }),
      unsandboxed,
    });
  } catch (error) {
    const code = reportError(error);
    return error instanceof RewardKitError && !ARGUMENT_ERRORS.has(error.code) ? code : 2;
  }
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  if (report.error !== undefined) reportError(new RewardKitError(report.error.code, report.error.message));
  return report.passed === report.total && report.error === undefined ? 0 : 1;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch {
    throw new UsageError(`${what} ${path}: cannot read the file`);
  }
}

function parseIoCases(text: string): IoCase[] {
  const trimmed = text.trim();
  try {
    const raw: unknown = trimmed.startsWith('[')
      ? JSON.parse(trimmed)
      : trimmed
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line));
    if (!Array.isArray(raw)) throw new Error('not an array');
    return raw.map((entry: { stdin?: unknown; stdout?: unknown }) => {
      if (typeof entry.stdout !== 'string') throw new Error('a case without a string stdout');
      return { stdin: typeof entry.stdin === 'string' ? entry.stdin : '', stdout: entry.stdout };
    });
  } catch (error) {
    throw new UsageError(
      `--io: ${error instanceof Error ? error.message : String(error)}`,
      'give [{"stdin": "...", "stdout": "..."}]',
    );
  }
}

/** The per-test table: one row per test with its status, time, name and the first line of its error. */
export function renderReport(report: CodeTestReport): string {
  const rows = report.tests.map((test, index) => {
    const lastLine = test.stderr.trim().split('\n').at(-1) ?? '';
    return [
      String(index),
      test.status,
      test.ms === null ? '-' : `${test.ms.toFixed(1)}ms`,
      clip(test.name, 40),
      clip(lastLine, 60),
    ];
  });
  const header = ['#', 'status', 'time', 'test', 'error'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `${cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()}\n`;
  const score = report.total === 0 ? 0 : report.passed / report.total;
  return `${line(header)}${rows.map(line).join('')}\n${report.passed}/${report.total} passed (score ${score.toFixed(3)}), ${report.runs} sandboxed run(s), ${report.wallMs.toFixed(0)} ms\n`;
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}
