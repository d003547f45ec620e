import { dirname } from 'node:path';
import { UnknownNameError } from '../core/errors.js';
import { JAVASCRIPT_HARNESS } from './harness-javascript.js';
import { PYTHON_HARNESS } from './harness-python.js';
import type { SandboxLimits } from './limits.js';

/**
 * How to run one language in the sandbox. Adding a language is one entry in `languages` below:
 * the file the program is written to, an optional compile step, the run command, the harness that
 * runs assert-style tests, and what the interpreter needs to see (read-only) inside the sandbox.
 */
export interface LanguageSpec {
  readonly name: string;
  /** File name of the program in the sandbox's working directory (stdin/stdout tests). */
  readonly fileName: string;
  /** File name of the assert-style harness in the working directory. */
  readonly harnessFileName: string;
  readonly harnessSource: string;
  /** Where the harness reads the program and the tests from (the working directory). */
  readonly harnessProgramFileName: string;
  readonly harnessTestsFileName: string;
  /**
   * When set, the harness is not copied in as a file: this command (a one-line bootstrap) reads
   * `<bytes>\n<harness source>` from stdin and runs it, and the harness then reads the nonce, the
   * program and the tests from stdin too. No file has to be copied into the sandbox (each copied
   * file costs a pipe and a tmpfs write per run), and the command line stays short.
   */
  readonly stdinHarness?: readonly string[];
  /** Optional compile step run before `run` in the same sandbox (none for interpreters). */
  readonly compile?: (file: string) => readonly string[];
  /** The command that runs `file` (a path relative to the working directory). */
  readonly run: (file: string, limits: SandboxLimits) => readonly string[];
  /** Matches stderr of a run that failed to compile (stdin/stdout tests: syntax_error, not runtime_error). */
  readonly compileErrorPattern: RegExp;
  /** Extra address space on top of `memoryMb` (runtimes that reserve virtual memory up front). */
  readonly addressSpaceSlackMb: number;
  /** Host paths the interpreter needs, bound read-only at the same place. */
  readonly readOnlyPaths: readonly string[];
}

/** What every language sees: the system's programs and shared libraries, nothing else of /usr. */
const SYSTEM_PATHS = ['/usr/bin', '/usr/lib', '/usr/lib64'];

/** The directory tree that holds the running `node`, when it is not the system's. */
function nodeInstallPaths(): string[] {
  const prefix = dirname(dirname(process.execPath));
  return prefix === '/usr' ? [] : [prefix];
}

export const pythonLanguage: LanguageSpec = {
  name: 'python',
  fileName: 'main.py',
  harnessFileName: 'harness.py',
  harnessSource: PYTHON_HARNESS,
  harnessProgramFileName: 'solution.py',
  harnessTestsFileName: 'tests.py',
  // -I: isolated (no PYTHON* variables, no user site, no cwd on sys.path); -S: no site import
  // (faster start, no site-packages); -B: no .pyc writes.
  run: (file) => ['/usr/bin/python3', '-I', '-S', '-B', file],
  stdinHarness: [
    '/usr/bin/python3',
    '-I',
    '-S',
    '-B',
    '-c',
    'import sys; s = sys.stdin.buffer; exec(compile(s.read(int(s.readline())), "harness", "exec"))',
  ],
  // A compile-time SyntaxError has no traceback header; one raised at run time (eval) has.
  compileErrorPattern:
    /^(?![\s\S]*Traceback \(most recent call last\))[\s\S]*(?:^|\n)(SyntaxError|IndentationError|TabError):/,
  addressSpaceSlackMb: 0,
  readOnlyPaths: SYSTEM_PATHS,
};

export const javascriptLanguage: LanguageSpec = {
  name: 'javascript',
  fileName: 'main.js',
  harnessFileName: 'harness.js',
  harnessSource: JAVASCRIPT_HARNESS,
  harnessProgramFileName: 'solution.js',
  harnessTestsFileName: 'tests.js',
  // V8's heap is capped by its own flag; RLIMIT_AS gets slack for V8's up-front reservations.
  compileErrorPattern: /^SyntaxError:[^\n]*\n\s+at (wrapSafe|internalCompileFunction)/m,
  run: (file, limits) => [process.execPath, `--max-old-space-size=${limits.memoryMb}`, '--no-warnings', file],
  addressSpaceSlackMb: 2048,
  readOnlyPaths: [...SYSTEM_PATHS, ...nodeInstallPaths()],
};

export const languages: Readonly<Record<string, LanguageSpec>> = {
  python: pythonLanguage,
  javascript: javascriptLanguage,
};

export const LANGUAGE_NAMES = Object.keys(languages);

function shellQuote(argument: string): string {
  return `'${argument.replaceAll("'", "'\\''")}'`;
}

/**
 * The command that runs `file` in the sandbox: the run command, or, for a language with a compile
 * step, `/usr/bin/sh -c 'compile && exec run "$@"'` so that both happen in the same sandbox.
 */
export function commandFor(language: LanguageSpec, file: string, limits: SandboxLimits): readonly string[] {
  const run = language.run(file, limits);
  if (language.compile === undefined) return run;
  const script = `${language.compile(file).map(shellQuote).join(' ')} && exec ${run.map(shellQuote).join(' ')} "$@"`;
  // Arguments appended after this command reach the run command as "$@".
  return ['/usr/bin/sh', '-c', script, 'sh'];
}

export function languageNamed(name: string): LanguageSpec {
  const language = languages[name];
  if (language === undefined) throw new UnknownNameError('language', name, LANGUAGE_NAMES);
  return language;
}
