import type { CliCommand } from './command.js';

/** Every CLI command. Add a command: one file in src/cli/, one line here. */
export const commands: readonly CliCommand[] = [];
