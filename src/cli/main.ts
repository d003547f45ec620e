#!/usr/bin/env -S node --single-threaded-gc
// `rewardkit` runs with V8's garbage collector on the thread that allocates (no parallel or
// concurrent helper threads). The helpers buy shorter pauses with more CPU in all (tasks to start,
// work to share out); a batch run wants the CPU, and where every core scores there is no idle one
// for them. Measured on `score` over GSM8K (docs/engine.md, "The garbage collector"): 3-16% less
// CPU a line in the minimum of interleaved runs. Only the shebang can ask for it: V8 cannot switch
// its collector once running.
import { Command, CommanderError } from 'commander';
import type { CliCommand } from './command.js';
import { loadCommands } from './commands.js';
import { deferOptimizingCompiler } from './optimizing-compiler-gate.js';
import { reportError } from './report-error.js';

export function buildProgram(commands: readonly CliCommand[]): Command {
  const program = new Command('rewardkit')
    .description('A reward engine for RL of language models and reward-guided test-time scaling')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const command of commands) command.register(program);
  return program;
}

async function main(): Promise<void> {
  try {
    // Before `score` loads its scoring modules, so that none is optimized before the run asks.
    if (process.argv[2] === 'score') deferOptimizingCompiler();
    await buildProgram(await loadCommands(process.argv)).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.exitCode = reportError(error);
  }
}

await main();
