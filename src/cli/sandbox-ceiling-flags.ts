import type { Command } from 'commander';
import {
  operatorCeilings,
  type SandboxCeilings,
  SandboxCeilingsSchema,
  setOperatorCeilings,
} from '../sandbox/ceilings.js';
import { integerOption } from './integer-option.js';

/** The `--sandbox-max-*` flags: the operator's ceilings on limits a spec or a sample may ask for. */
const FLAGS: readonly {
  flag: string;
  key: keyof SandboxCeilings;
  property: string;
  what: string;
  max: number;
}[] = [
  {
    flag: '--sandbox-max-timeout-s',
    key: 'timeout_s',
    property: 'sandboxMaxTimeoutS',
    what: 'wall-clock seconds',
    max: 600,
  },
  {
    flag: '--sandbox-max-memory-mb',
    key: 'memory_mb',
    property: 'sandboxMaxMemoryMb',
    what: 'memory MiB',
    max: 65_536,
  },
  {
    flag: '--sandbox-max-processes',
    key: 'processes',
    property: 'sandboxMaxProcesses',
    what: 'processes',
    max: 4096,
  },
  {
    flag: '--sandbox-max-tmp-mb',
    key: 'tmp_size_mb',
    property: 'sandboxMaxTmpMb',
    what: '/tmp MiB',
    max: 4096,
  },
  {
    flag: '--sandbox-max-output-bytes',
    key: 'output_bytes',
    property: 'sandboxMaxOutputBytes',
    what: 'output bytes',
    max: 64 * 1024 * 1024,
  },
];

/** Adds the ceiling flags to a command (serve, score). */
export function addSandboxCeilingFlags(command: Command): Command {
  const defaults = SandboxCeilingsSchema.parse({});
  for (const { flag, key, what, max } of FLAGS) {
    command.option(
      `${flag} <n>`,
      `ceiling on the ${what} a spec or sample may ask for (default ${defaults[key]})`,
      integerOption(flag, key === 'processes' ? 4 : key === 'memory_mb' ? 16 : 1, max),
    );
  }
  return command;
}

/** Makes the flags given the process-wide ceilings (worker threads inherit them). */
export function applySandboxCeilingFlags(flags: object): void {
  const values = flags as Record<string, number | undefined>;
  const given: Partial<SandboxCeilings> = {};
  for (const { key, property } of FLAGS) if (values[property] !== undefined) given[key] = values[property];
  if (Object.keys(given).length > 0) setOperatorCeilings({ ...operatorCeilings(), ...given });
}
