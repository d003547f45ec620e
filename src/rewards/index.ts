import { Registry } from '../core/registry.js';
import type { RewardKind } from '../core/reward-kind.js';
import { codeReward } from './code.js';
import { formatReward } from './format.js';
import { genprmReward } from './genprm.js';
import { implicitPrmReward } from './implicit-prm.js';
import { jsonSchemaReward } from './json-schema.js';
import { judgeReward } from './judge.js';
import { lengthReward } from './length.js';
import { matchReward } from './match.js';
import { mathReward } from './math.js';
import { ormReward } from './orm.js';
import { prmReward } from './prm.js';
import { stepCheckReward } from './step-check.js';

/** Every built-in reward kind, keyed by the spec's `type`. Add a kind: one file, one line here. */
export const rewardKinds = new Registry<RewardKind<unknown>>('reward type', [
  formatReward,
  lengthReward,
  matchReward,
  mathReward,
  jsonSchemaReward,
  codeReward,
  stepCheckReward,
  ormReward,
  prmReward,
  judgeReward,
  genprmReward,
  implicitPrmReward,
]);
