#!/usr/bin/env node
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
