import { UsageError } from '../core/errors.js';

/** A commander argument parser for integers within bounds, with a usage error that names the option. */
export function integerOption(name: string, minimum: number, maximum = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < minimum || value > maximum) {
      throw new UsageError(`${name} must be an integer from ${minimum} to ${maximum}, got '${text}'`);
    }
    return value;
  };
}
