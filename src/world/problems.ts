import { seededStream } from './seeded-random.js';

export type Operation = { kind: 'add' | 'sub' | 'mul'; operand: number };

/** A multi-step arithmetic word problem with its exact ground truth. */
export interface WorldProblem {
  id: string;
  question: string;
  start: number;
  operations: Operation[];
  /** The true running value after each operation; the last one is the answer. */
  values: number[];
  answer: number;
  /** The number of steps a solution takes (one per operation). */
  difficulty: number;
}

const NAMES = ['Ada', 'Bo', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Juno'];
const ITEMS = ['apples', 'marbles', 'stamps', 'coins', 'shells', 'cards', 'pencils', 'beads'];

const SENTENCES: Record<Operation['kind'], (name: string, operand: number) => string> = {
  add: (name, operand) => `Then ${name} gets ${operand} more.`,
  sub: (name, operand) => `Then ${name} gives away ${operand}.`,
  mul: (name, operand) => `Then ${name} ends up with ${operand} times as many.`,
};

export const SYMBOLS: Record<Operation['kind'], string> = { add: '+', sub: '-', mul: '*' };
export const PHRASES: Record<Operation['kind'], (operand: number) => string> = {
  add: (operand) => `Getting ${operand} more`,
  sub: (operand) => `Giving away ${operand}`,
  mul: (operand) => `Multiplying by ${operand}`,
};

export function apply(kind: Operation['kind'], left: number, right: number): number {
  return kind === 'add' ? left + right : kind === 'sub' ? left - right : left * right;
}

/** Problem `index` of the family generated from `seed` (2 to 6 steps). */
export function generateProblem(seed: number, index: number): WorldProblem {
  const random = seededStream('problem', seed, index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const name = pick(NAMES);
  const item = pick(ITEMS);
  const difficulty = 2 + Math.floor(random() * 5);
  const start = 5 + Math.floor(random() * 40);
  const operations: Operation[] = [];
  const values: number[] = [];
  let value = start;
  for (let step = 0; step < difficulty; step += 1) {
    const roll = random();
    let operation: Operation;
    if (roll < 0.4) operation = { kind: 'add', operand: 2 + Math.floor(random() * 30) };
    else if (roll < 0.75 && value > 3)
      operation = { kind: 'sub', operand: 1 + Math.floor(random() * (value - 1)) };
    else if (value < 200) operation = { kind: 'mul', operand: 2 + Math.floor(random() * 2) };
    else operation = { kind: 'add', operand: 2 + Math.floor(random() * 30) };
    value = apply(operation.kind, value, operation.operand);
    operations.push(operation);
    values.push(value);
  }
  const sentences = operations.map((operation) => SENTENCES[operation.kind](name, operation.operand));
  const question = `${name} has ${start} ${item}. ${sentences.join(' ')} How many ${item} does ${name} have now?`;
  return { id: `world-${seed}-${index}`, question, start, operations, values, answer: value, difficulty };
}

const OPENING = /([A-Z][a-z]+) has (\d+) ([a-z]+)\./g;
const OPERATION_SENTENCE =
  /Then ([A-Z][a-z]+) (?:gets (\d+) more|gives away (\d+)|ends up with (\d+) times as many)\./y;

/**
 * Finds a world problem in any text (a prompt, a chat template, a judge template) and rebuilds
 * its ground truth from the words alone. Returns the last problem found, with the character
 * offset where its question ends, or undefined.
 */
export function findProblem(text: string): { problem: WorldProblem; end: number } | undefined {
  let found: { problem: WorldProblem; end: number } | undefined;
  for (const opening of text.matchAll(OPENING)) {
    const [, name, startText, item] = opening;
    let cursor = (opening.index ?? 0) + opening[0].length;
    const operations: Operation[] = [];
    for (;;) {
      while (text[cursor] === ' ') cursor += 1;
      OPERATION_SENTENCE.lastIndex = cursor;
      const match = OPERATION_SENTENCE.exec(text);
      if (match === null || match[1] !== name) break;
      const kind: Operation['kind'] = match[2] !== undefined ? 'add' : match[3] !== undefined ? 'sub' : 'mul';
      operations.push({ kind, operand: Number(match[2] ?? match[3] ?? match[4]) });
      cursor = OPERATION_SENTENCE.lastIndex;
    }
    const closing = `How many ${item} does ${name} have now?`;
    while (text[cursor] === ' ') cursor += 1;
    if (operations.length === 0 || !text.startsWith(closing, cursor)) continue;
    const start = Number(startText);
    const values: number[] = [];
    let value = start;
    for (const operation of operations) {
      value = apply(operation.kind, value, operation.operand);
      values.push(value);
    }
    const question = text.slice(opening.index, cursor + closing.length);
    found = {
      problem: {
        id: 'parsed',
        question,
        start,
        operations,
        values,
        answer: value,
        difficulty: operations.length,
      },
      end: cursor + closing.length,
    };
  }
  return found;
}
