import { dirname } from 'node:path';
import { UnknownNameError } from '../core/errors.js';
import { JAVASCRIPT_CANDIDATE } from './candidate-javascript.js';
import { PYTHON_CANDIDATE } from './candidate-python.js';
import { RLIMIT_NAMES, rlimitValues } from './command-builder.js';
import { PYTHON_HANDOVER } from './handover.js';
import type { SandboxLimits } from './limits.js';
import { precompiledPython } from './precompiled-python.js';
import { JAVASCRIPT_RUNNER } from './runner-javascript.js';
import { PYTHON_RUNNER } from './runner-python.js';

/**
 * How to run one language in the sandbox. Adding a language is one entry in `languages` below:
 * the file the program is written to, an optional compile step, the run command, the harness that
 * runs assert-style tests, and what the interpreter needs to see (read-only) inside the sandbox.
 */
export interface LanguageSpec {
  readonly name: string;
  /** File name of the program in the sandbox's working directory (stdin/stdout tests). */
  readonly fileName: string;
  /**
   * The trusted test runner of assert-style tests (see run-assert-tests.ts): its command, and
   * whether it is a fork server kept per pool slot (forks a pristine child per sample) or started
   * fresh per sample (languages whose runtime cannot fork).
   */
  readonly runnerCommand: (limits: SandboxLimits) => readonly string[];
  readonly runnerForks: boolean;
  /**
   * The candidate: its command and stdin (which carries the program); it then serves calls on fd 3.
   * `setsRlimits`: the command's trusted preamble sets the rlimits (from stdin, before the program)
   * instead of a `prlimit` exec.
   */
  readonly candidate: (
    limits: SandboxLimits,
    program: string,
  ) => { command: readonly string[]; stdin: Buffer | string; setsRlimits?: boolean };
  /** Optional compile step run before `run` in the same sandbox (stdin/stdout cases). */
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

const PYTHON = ['/usr/bin/python3', '-I', '-S', '-B'];

/**
 * Sets the rlimits read from stdin (hard = soft; a host hard limit below the operator's wins, so
 * setting never fails and a limit is never looser than asked), marks the handover (handover.ts),
 * then runs the candidate code.
 */
const PYTHON_CANDIDATE_LOADER = [
  'import marshal, sys, resource as r',
  'b = sys.stdin.buffer',
  'm, n, *l = map(int, b.readline().split())',
  `for k, v in zip((${RLIMIT_NAMES.map((name) => `r.${name}`).join(', ')}), l):`,
  '    h = r.getrlimit(k)[1]',
  '    v = v if h == r.RLIM_INFINITY else min(v, h)',
  '    r.setrlimit(k, (v, v))',
  PYTHON_HANDOVER,
  'c = marshal.loads(b.read(n)) if m else b.read(n)',
  'del m, n, l, k, v, h, r',
  'exec(c)',
].join('\n');

export const pythonLanguage: LanguageSpec = {
  name: 'python',
  fileName: 'main.py',
  // -I: isolated (no PYTHON* variables, no user site, no cwd on sys.path); -S: no site import
  // (faster start, no site-packages); -B: no .pyc writes.
  run: (file) => [...PYTHON, file],
  runnerCommand: () => [...PYTHON, '-c', PYTHON_RUNNER],
  runnerForks: true,
  candidate: (limits, program) => {
    // stdin: a header line (the candidate code's kind and length, then the rlimits), the candidate
    // code (marshalled, or source if it could not be compiled here), then the program. The loader
    // sets the rlimits before it reads the program, so they bind everything the program does.
    const code = precompiledPython(PYTHON[0]!, PYTHON_CANDIDATE);
    const body = code ?? Buffer.from(PYTHON_CANDIDATE);
    const header = [code === undefined ? 0 : 1, body.length, ...rlimitValues(limits, limits.memoryMb)];
    return {
      command: [...PYTHON, '-c', PYTHON_CANDIDATE_LOADER],
      stdin: Buffer.concat([Buffer.from(`${header.join(' ')}\n`), body, Buffer.from(program)]),
      setsRlimits: true,
    };
  },
  // A compile-time SyntaxError has no traceback header; one raised at run time (eval) has.
  compileErrorPattern:
    /^(?![\s\S]*Traceback \(most recent call last\))[\s\S]*(?:^|\n)(SyntaxError|IndentationError|TabError):/,
  addressSpaceSlackMb: 0,
  readOnlyPaths: SYSTEM_PATHS,
};

function nodeCommand(limits: SandboxLimits): string[] {
  return [process.execPath, `--max-old-space-size=${limits.memoryMb}`, '--no-warnings'];
}

export const javascriptLanguage: LanguageSpec = {
  name: 'javascript',
  fileName: 'main.js',
  // V8's heap is capped by its own flag; RLIMIT_AS gets slack for V8's up-front reservations.
  compileErrorPattern: /^SyntaxError:[^\n]*\n\s+at (wrapSafe|internalCompileFunction)/m,
  run: (file, limits) => [...nodeCommand(limits), file],
  runnerCommand: (limits) => [...nodeCommand(limits), '-e', JAVASCRIPT_RUNNER],
  runnerForks: false,
  candidate: (limits, program) => ({
    command: [...nodeCommand(limits), '-e', JAVASCRIPT_CANDIDATE],
    stdin: program,
  }),
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
