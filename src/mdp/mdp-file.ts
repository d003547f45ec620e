import { z } from 'zod';
import type { RewardTable, TabularMdp } from './mdp.js';

const Name = z.string().min(1);
/** A reward for (s, a): one number, or one per next state ({"goal": 1, "start": 0}). */
const RewardCell = z.union([z.number().finite(), z.record(Name, z.number().finite())]);

/**
 * The JSON format of `rewardkit check-shaping --mdp FILE`:
 * states and actions by name, `transitions[s][a] = {next: probability}`, `rewards[s][a]` (a number,
 * or per next state), optional `terminal` states (absorbing, reward 0, no transitions needed),
 * and the shaping: `{"potential": {state: Phi}}` or `{"table": {s: {a: F}}}` (F like rewards).
 */
export const MdpFileSchema = z
  .object({
    states: z.array(Name).min(1),
    actions: z.array(Name).min(1),
    gamma: z.number().min(0).lt(1, 'gamma must be below 1 (discounted, infinite-horizon check)'),
    terminal: z.array(Name).default([]),
    transitions: z.record(Name, z.record(Name, z.record(Name, z.number().min(0).max(1)))),
    rewards: z.record(Name, z.record(Name, RewardCell)).default({}),
    shaping: z.union([
      z.object({ potential: z.record(Name, z.number().finite()) }).strict(),
      z.object({ table: z.record(Name, z.record(Name, RewardCell)) }).strict(),
    ]),
  })
  .strict();

export type MdpFile = z.output<typeof MdpFileSchema>;

export interface LoadedMdp {
  mdp: TabularMdp;
  shaping: RewardTable;
  stateNames: string[];
  actionNames: string[];
}

/** Turns the named form into dense arrays; every problem is named by its path. Throws a list. */
export function denseMdp(file: MdpFile): LoadedMdp {
  const problems: string[] = [];
  const stateIndex = new Map(file.states.map((name, index) => [name, index]));
  const actionIndex = new Map(file.actions.map((name, index) => [name, index]));
  const terminal = new Set(file.terminal);
  for (const name of terminal) if (!stateIndex.has(name)) problems.push(`terminal: unknown state '${name}'`);
  const states = file.states.length;
  const zeros = () =>
    Array.from({ length: states }, () =>
      Array.from({ length: file.actions.length }, () => new Array<number>(states).fill(0)),
    );
  const transitions = zeros();
  const cellTable = (source: Record<string, Record<string, z.output<typeof RewardCell>>>, where: string) => {
    const table = zeros();
    for (const [stateName, byAction] of Object.entries(source)) {
      const s = stateIndex.get(stateName);
      if (s === undefined) {
        problems.push(`${where}.${stateName}: unknown state`);
        continue;
      }
      for (const [actionName, cell] of Object.entries(byAction)) {
        const a = actionIndex.get(actionName);
        if (a === undefined) {
          problems.push(`${where}.${stateName}.${actionName}: unknown action`);
          continue;
        }
        for (let t = 0; t < states; t++) {
          if (typeof cell === 'number') table[s]![a]![t] = cell;
        }
        if (typeof cell !== 'number') {
          for (const [nextName, value] of Object.entries(cell)) {
            const t = stateIndex.get(nextName);
            if (t === undefined)
              problems.push(`${where}.${stateName}.${actionName}.${nextName}: unknown state`);
            else table[s]![a]![t] = value;
          }
        }
      }
    }
    return table;
  };
  for (const [stateName, byAction] of Object.entries(file.transitions)) {
    if (!stateIndex.has(stateName)) problems.push(`transitions.${stateName}: unknown state`);
    for (const actionName of Object.keys(byAction)) {
      if (!actionIndex.has(actionName))
        problems.push(`transitions.${stateName}.${actionName}: unknown action`);
    }
  }
  file.states.forEach((stateName, s) => {
    file.actions.forEach((actionName, a) => {
      if (terminal.has(stateName)) {
        transitions[s]![a]![s] = 1;
        return;
      }
      const row = file.transitions[stateName]?.[actionName];
      if (row === undefined) {
        problems.push(
          `transitions.${stateName}.${actionName}: missing (every non-terminal state needs every action)`,
        );
        return;
      }
      let total = 0;
      for (const [nextName, probability] of Object.entries(row)) {
        const t = stateIndex.get(nextName);
        if (t === undefined)
          problems.push(`transitions.${stateName}.${actionName}.${nextName}: unknown state`);
        else transitions[s]![a]![t] = probability;
        total += probability;
      }
      if (Math.abs(total - 1) > 1e-9) {
        problems.push(`transitions.${stateName}.${actionName}: probabilities sum to ${total}, expected 1`);
      }
    });
  });
  const rewards = cellTable(file.rewards, 'rewards');
  let shaping: RewardTable;
  if ('potential' in file.shaping) {
    const potentials = file.shaping.potential;
    const potential = file.states.map((name) => potentials[name] ?? 0);
    for (const name of Object.keys(potentials)) {
      if (!stateIndex.has(name)) problems.push(`shaping.potential.${name}: unknown state`);
    }
    shaping = zeros().map((row, s) =>
      row.map((cells) =>
        cells.map((_, t) => file.gamma * (potential[t] as number) - (potential[s] as number)),
      ),
    );
  } else {
    shaping = cellTable(file.shaping.table, 'shaping.table');
  }
  // A terminal state absorbs with reward 0; a shaping table gets no say there either. (A potential
  // keeps F on the absorbing loop: a constant -Phi(terminal) in value, which changes no policy.)
  const tablesToClear = 'table' in file.shaping ? [rewards, shaping] : [rewards];
  for (const name of terminal) {
    const s = stateIndex.get(name);
    if (s === undefined) continue;
    for (const table of tablesToClear) table[s] = (table[s] ?? []).map((cells) => cells.map(() => 0));
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return {
    mdp: { states, actions: file.actions.length, transitions, rewards, gamma: file.gamma },
    shaping,
    stateNames: file.states,
    actionNames: file.actions,
  };
}
