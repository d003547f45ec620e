import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RewardKitError } from '../core/errors.js';
import { describeZodIssues } from '../core/spec.js';
import { checkShaping, denseMdp, type LoadedMdp, MdpFileSchema, type ShapingReport } from '../mdp/index.js';
import type { CliCommand } from './command.js';

const EXAMPLE = `
The file describes a small tabular MDP and a shaping of its reward:
  {"states": ["start", "middle", "goal"], "actions": ["stay", "forward"], "gamma": 0.9,
   "terminal": ["goal"],
   "transitions": {"start": {"stay": {"start": 1}, "forward": {"middle": 1}},
                   "middle": {"stay": {"middle": 1}, "forward": {"goal": 1}}},
   "rewards": {"middle": {"forward": 1}},
   "shaping": {"table": {"middle": {"stay": 0.2}}}}
rewards and shaping.table give R(s, a) or, per next state, {"goal": 1}. Instead of a table,
"shaping": {"potential": {"middle": 0.5}} adds F = gamma * Phi(s') - Phi(s).

Example:
  $ rewardkit check-shaping --mdp examples/shaping-corridor.json
  optimal policy preserved: NO
  potential-based shaping: no
  STARC distance (original vs shaped reward): 0.744523
    state 'middle': optimal forward -> stay
  why: ...
Exit code: 0 when the optimal policy is preserved, 1 when the shaping changes it.`;

/** Loads and validates an MDP file; every problem is named by its path. */
export function loadMdpFile(file: string): LoadedMdp {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new RewardKitError('RK_IO', `cannot read ${file} as JSON: ${(cause as Error).message}`, {
      where: file,
    });
  }
  const parsed = MdpFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new RewardKitError(
      'RK_INPUT_INVALID',
      `${file} is not a valid MDP:\n  ${describeZodIssues(parsed.error, data).join('\n  ')}`,
      {
        where: file,
      },
    );
  }
  try {
    return denseMdp(parsed.data);
  } catch (error) {
    throw new RewardKitError(
      'RK_INPUT_INVALID',
      `${file} is not a valid MDP:\n  ${(error as Error).message.replace(/\n/g, '\n  ')}`,
      {
        where: file,
      },
    );
  }
}

/** The human-readable report. */
export function formatShapingReport(report: ShapingReport, loaded: LoadedMdp): string {
  const names = (actions: number[]) => actions.map((a) => loaded.actionNames[a]).join('|') || '-';
  const lines = [
    `optimal policy preserved: ${report.policyPreserved ? 'yes' : 'NO'}`,
    `potential-based shaping: ${report.potentialBased ? 'yes' : 'no'}`,
    `STARC distance (original vs shaped reward): ${report.distance.toFixed(6)}`,
  ];
  for (const change of report.changedStates) {
    lines.push(
      `  state '${loaded.stateNames[change.state]}': optimal ${names(change.before)} -> ${names(change.after)}`,
    );
  }
  lines.push('why:', ...report.reasons.map((reason) => `  - ${reason}`));
  return `${lines.join('\n')}\n`;
}

export const checkShapingCommand: CliCommand = {
  name: 'check-shaping',
  register(program: Command): void {
    program
      .command('check-shaping')
      .description('tell whether a reward shaping of a small tabular MDP keeps its optimal policy')
      .requiredOption('--mdp <file>', 'the MDP and its shaping, as JSON')
      .option('--json', 'print the report as JSON')
      .addHelpText('after', EXAMPLE)
      .action((flags: { mdp: string; json?: boolean }) => {
        const loaded = loadMdpFile(flags.mdp);
        const report = checkShaping(loaded.mdp, loaded.shaping);
        process.stdout.write(
          flags.json === true
            ? `${JSON.stringify({
                ...report,
                changedStates: report.changedStates.map((change) => ({
                  state: loaded.stateNames[change.state],
                  before: change.before.map((a) => loaded.actionNames[a]),
                  after: change.after.map((a) => loaded.actionNames[a]),
                })),
              })}\n`
            : formatShapingReport(report, loaded),
        );
        if (!report.policyPreserved) process.exitCode = 1;
      });
  },
};
