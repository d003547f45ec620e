import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

/** A file the output must never overwrite, and the flag that named it. */
export interface ProtectedFile {
  flag: string;
  path: string;
}

/** Names that write into the process's standard input, whatever it is connected to. */
const STDIN_ALIASES = [/^\/dev\/stdin$/, /^\/dev\/fd\/0$/, /^\/proc\/(?:self|thread-self|\d+)\/fd\/0$/];

function identityOf(path: string): { device: number; inode: number } | undefined {
  try {
    const stats = statSync(path);
    return { device: stats.dev, inode: stats.ino };
  } catch {
    return undefined;
  }
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Refuses an output file that is one of the protected files (the input, the spec, the store ...):
 * the same path, the same file through a symlink or a hard link (same device and inode), or an
 * alias of standard input. Checked before anything is opened, so nothing the user owns is
 * truncated; exits 2 with the reason.
 */
export function checkOutputTarget(out: string, protectedFiles: readonly ProtectedFile[]): void {
  if (STDIN_ALIASES.some((alias) => alias.test(resolve(out)))) {
    throw new UsageError(
      `--out ${out} is standard input`,
      'write the results to a new file, or omit --out for stdout',
    );
  }
  const outIdentity = identityOf(out);
  const outPath = realPathOf(out);
  if (outIdentity !== undefined && statSync(out).isDirectory()) {
    throw new UsageError(`--out ${out} is a directory`, 'give a file path');
  }
  for (const file of protectedFiles) {
    const identity = identityOf(file.path);
    const sameFile =
      realPathOf(file.path) === outPath ||
      (outIdentity !== undefined &&
        identity !== undefined &&
        outIdentity.device === identity.device &&
        outIdentity.inode === identity.inode);
    if (sameFile) {
      throw new UsageError(
        `--out ${out} is the same file as ${file.flag} ${file.path}; writing it would destroy it`,
        'write the results to a new file',
      );
    }
  }
}
