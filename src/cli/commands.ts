import type { CliCommand } from './command.js';

/** A command's name and how to load it: commands load lazily so `score` does not load the server. */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<CliCommand>;
}

/** Every CLI command. Add a command: one file in src/cli/, one line here. */
export const commands: readonly CommandEntry[] = [
  { name: 'score', load: async () => (await import('./score.js')).scoreCommand },
  { name: 'advantages', load: async () => (await import('./advantages.js')).advantagesCommand },
  { name: 'check-shaping', load: async () => (await import('./check-shaping.js')).checkShapingCommand },
  { name: 'serve', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'worker', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'exec', load: async () => (await import('./exec.js')).execCommand },
  { name: 'search', load: async () => (await import('./search.js')).searchCommand },
  { name: 'label', load: async () => (await import('./label.js')).labelCommand },
  { name: 'world', load: async () => (await import('./world.js')).worldCommand },
  { name: 'eval', load: async () => (await import('./eval.js')).evalCommand },
];

/** The commands to load for these arguments: just the one named, or all (for help and typos). */
export async function loadCommands(argv: readonly string[]): Promise<CliCommand[]> {
  const named = commands.find((entry) => entry.name === argv[2]);
  const wanted = named === undefined ? commands : [named];
  return Promise.all(wanted.map((entry) => entry.load()));
}
