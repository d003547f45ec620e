import { RewardKitError } from '../core/errors.js';

/** Prints an error with its code and fix to stderr and returns the exit code to use. */
export function reportError(error: unknown): number {
  if (error instanceof RewardKitError) {
    process.stderr.write(`rewardkit: ${error.code}: ${error.message}\n`);
    if (error.hint !== undefined) process.stderr.write(`  hint: ${error.hint}\n`);
    return error.code === 'RK_USAGE' ? 2 : 1;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`rewardkit: RK_INTERNAL: ${message}\n`);
  return 1;
}
