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

export const DEFAULT_SAMPLE_SHAPE_LIMITS: SampleShapeLimits = { maxDepth: 64, maxValues: 200_000 };

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

function describePath(path: string, key: string | number): string {
  if (path.length > MAX_PATH_LENGTH) return path;
  const shownKey = typeof key === 'string' && key.length > 40 ? `${key.slice(0, 40)}...` : key;
  const next =
    typeof shownKey === 'number'
      ? `${path}[${shownKey}]`
      : /^[A-Za-z_$][\w$]*$/.test(shownKey)
        ? `${path}.${shownKey}`
        : `${path}[${JSON.stringify(shownKey)}]`;
  return next.length > MAX_PATH_LENGTH ? `${next}...` : next;
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
  const stack: { value: unknown; depth: number; path: string; key: string | undefined }[] = [
    { value: input, depth: 1, path: where, key: undefined },
  ];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth, path, key } = stack.pop() as (typeof stack)[number];
    values++;
    if (values > limits.maxValues) {
      return {
        code: 'RK_INPUT_TOO_LARGE',
        message: `${where} holds more than ${limits.maxValues} values; the limit is ${limits.maxValues}`,
        where,
      };
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) {
      return {
        code: 'RK_INPUT_INVALID',
        message: `${path} is nested more than ${limits.maxDepth} levels deep; the limit is ${limits.maxDepth}`,
        where: path,
      };
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        stack.push({
          value: value[index],
          depth: depth + 1,
          path: describePath(path, index),
          key: undefined,
        });
      }
      continue;
    }
    for (const childKey of Object.keys(value)) {
      if (forbiddenKey(childKey, key)) {
        return {
          code: 'RK_INPUT_INVALID',
          message: `${describePath(path, childKey)}: the key '${childKey}' is not allowed in a sample`,
          where: describePath(path, childKey),
        };
      }
      stack.push({
        value: (value as Record<string, unknown>)[childKey],
        depth: depth + 1,
        path: describePath(path, childKey),
        key: childKey,
      });
    }
  }
  return undefined;
}
