import { advantagesCommand } from './advantages.js';
import { checkShapingCommand } from './check-shaping.js';
import type { CliCommand } from './command.js';
import { execCommand } from './exec.js';
import { scoreCommand } from './score.js';
import { serveCommand } from './serve.js';
import { workerCommand } from './worker.js';

/** Every CLI command. Add a command: one file in src/cli/, one line here. */
export const commands: readonly CliCommand[] = [
  scoreCommand,
  advantagesCommand,
  checkShapingCommand,
  serveCommand,
  workerCommand,
  execCommand,
];
