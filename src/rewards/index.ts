import { Registry } from '../core/registry.js';
import type { RewardKind } from '../core/reward-kind.js';
import { formatReward } from './format.js';

/** Every built-in reward kind, keyed by the spec's `type`. Add a kind: one file, one line here. */
export const rewardKinds = new Registry<RewardKind<unknown>>('reward type', [formatReward]);
