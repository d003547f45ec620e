import type { ErrorInfo } from '../core/errors.js';

/**
 * Bounds on the shape of one raw sample, checked before anything walks it recursively (the cache
 * key, validation, structured clone to a worker): a sample nested thousands of levels deep, or
 * holding millions of values, would otherwise overflow the stack or stall the batch it came in.
 */
export interface SampleShapeLimits {
  /** Deepest nesting of objects and arrays (the sample object itself is depth 1). */
  maxDepth: number;
  /** Most values (objects, arrays, strings, numbers ...) in one sample, all levels counted. */
  maxValues: number;
}

export const DEFAULT_SAMPLE_SHAPE_LIMITS: SampleShapeLimits = { maxDepth: 64, maxValues: 1_000_000 };

/**
 * Keys refused anywhere in a sample: `__proto__` (and `prototype` under `constructor`) do nothing
 * in JSON itself, but any code that later merges the object with assignment would rewrite an
 * object prototype. Refusing them costs honest data nothing.
 */
function forbiddenKey(key: string, parentKey: string | undefined): boolean {
  return key === '__proto__' || (key === 'prototype' && parentKey === 'constructor');
}

/** Paths are cut at this length in messages (a path 3,000 levels deep says nothing more). */
const MAX_PATH_LENGTH = 160;

/** A container on the walk, with the way back to the root (paths are built only for an error). */
interface Frame {
  value: object;
  depth: number;
  key: string | number | undefined;
  parent: Frame | undefined;
}

function pathOf(where: string, frame: Frame | undefined, lastKey?: string | number): string {
  const keys: (string | number)[] = lastKey === undefined ? [] : [lastKey];
  for (let current = frame; current?.key !== undefined; current = current.parent) keys.push(current.key);
  let path = where;
  for (const key of keys.reverse()) {
    if (path.length > MAX_PATH_LENGTH) return `${path}...`;
    const shown = typeof key === 'string' && key.length > 40 ? `${key.slice(0, 40)}...` : key;
    path +=
      typeof shown === 'number'
        ? `[${shown}]`
        : /^[A-Za-z_$][\w$]*$/.test(shown)
          ? `.${shown}`
          : `[${JSON.stringify(shown)}]`;
  }
  return path;
}

/**
 * Walks one raw sample without recursion and returns why it is refused (RK_INPUT_INVALID for the
 * shape, RK_INPUT_TOO_LARGE for the count), or undefined when it is within the limits. `where`
 * names the sample (`samples[3]`, `line 7`) and starts the path of the problem.
 */
export function checkSampleShape(
  input: unknown,
  where: string,
  limits: SampleShapeLimits = DEFAULT_SAMPLE_SHAPE_LIMITS,
): ErrorInfo | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const stack: Frame[] = [{ value: input, depth: 1, key: undefined, parent: undefined }];
  let values = 1;
  const tooMany = (): ErrorInfo => ({
    code: 'RK_INPUT_TOO_LARGE',
    message: `${where} holds more than ${limits.maxValues} values; the limit is ${limits.maxValues}`,
    where,
  });
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.depth > limits.maxDepth) {
      const path = pathOf(where, frame);
      return {
        code: 'RK_INPUT_INVALID',
        message: `${path} is nested more than ${limits.maxDepth} levels deep; the limit is ${limits.maxDepth}`,
        where: path,
      };
    }
    if (Array.isArray(frame.value)) {
      const items = frame.value as unknown[];
      values += items.length;
      if (values > limits.maxValues) return tooMany();
      for (let index = items.length - 1; index >= 0; index--) {
        const item = items[index];
        if (item !== null && typeof item === 'object') {
          stack.push({ value: item, depth: frame.depth + 1, key: index, parent: frame });
        }
      }
      continue;
    }
    const record = frame.value as Record<string, unknown>;
    const keys = Object.keys(record);
    values += keys.length;
    if (values > limits.maxValues) return tooMany();
    for (const key of keys) {
      if (forbiddenKey(key, typeof frame.key === 'string' ? frame.key : undefined)) {
        const path = pathOf(where, frame, key);
        return {
          code: 'RK_INPUT_INVALID',
          message: `${path}: the key '${key}' is not allowed in a sample`,
          where: path,
        };
      }
      const child = record[key];
      if (child !== null && typeof child === 'object') {
        stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
      }
    }
  }
  return undefined;
}
