import type { Command } from 'commander';

/** A CLI command: one file in `src/cli/`, registered in `commands.ts`. */
export interface CliCommand {
  readonly name: string;
  register(program: Command): void;
}
