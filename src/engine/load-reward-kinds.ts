import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RewardKitError } from '../core/errors.js';
import type { Registry } from '../core/registry.js';
import type { RewardKind } from '../core/reward-kind.js';
import { rewardKinds as builtinRewardKinds } from '../rewards/index.js';

/**
 * The built-in reward kinds, extended with the kinds a module exports (`--kinds FILE` on the CLI).
 * The module exports `rewardKinds`: an array of RewardKind. Worker threads call this too, with
 * the same path, so every thread scores with the same registry. Absolute paths, file URLs and
 * paths relative to the working directory are accepted.
 */
export async function loadRewardKinds(kindsModule?: string): Promise<Registry<RewardKind<unknown>>> {
  if (kindsModule === undefined) return builtinRewardKinds;
  const url = kindsModuleUrl(kindsModule);
  let loaded: { rewardKinds?: unknown };
  try {
    loaded = (await import(url)) as { rewardKinds?: unknown };
  } catch (cause) {
    throw new RewardKitError(
      'RK_USAGE',
      `cannot load reward kinds from ${kindsModule}: ${(cause as Error).message}`,
      {
        where: kindsModule,
        cause,
      },
    );
  }
  if (!Array.isArray(loaded.rewardKinds)) {
    throw new RewardKitError('RK_USAGE', `${kindsModule} does not export an array named rewardKinds`, {
      hint: 'export const rewardKinds = [defineRewardKind({...})]',
      where: kindsModule,
    });
  }
  return builtinRewardKinds.extend(loaded.rewardKinds as RewardKind<unknown>[]);
}

/** A kinds module path as an import URL that resolves the same on every thread. */
export function kindsModuleUrl(kindsModule: string): string {
  if (kindsModule.startsWith('file:')) return kindsModule;
  return pathToFileURL(isAbsolute(kindsModule) ? kindsModule : resolve(kindsModule)).href;
}
