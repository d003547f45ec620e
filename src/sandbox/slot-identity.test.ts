import { describe, expect, it } from 'vitest';
import { hostUidForSlot, RUNNER_UID_OFFSET } from './pool.js';
import { runsAsRoot, slotIdentity } from './slot-identity.js';

describe('slotIdentity', () => {
  it.runIf(runsAsRoot())("gives a slot's programs its uid and its test runner another, as root", () => {
    expect(slotIdentity(3)).toEqual({ uid: hostUidForSlot(3), gid: hostUidForSlot(3) });
    const runner = hostUidForSlot(3) + RUNNER_UID_OFFSET;
    expect(slotIdentity(3, 'runner')).toEqual({ uid: runner, gid: runner });
    expect(slotIdentity(4)?.uid).not.toBe(slotIdentity(3)?.uid);
  });

  it.skipIf(runsAsRoot())("keeps rewardkit's own uid when not root", () => {
    expect(slotIdentity(3)).toBeUndefined();
    expect(slotIdentity(3, 'runner')).toBeUndefined();
  });
});
