import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cgroupsAvailable, slotCgroups } from './cgroups.js';

describe.skipIf(!cgroupsAvailable())('slot cgroups', () => {
  it('creates one memory and one pids cgroup per slot with the given limits', () => {
    const cgroups = slotCgroups(0, 300 * 1024 * 1024, 40);
    expect(cgroups?.procsFiles).toHaveLength(2);
    const [memory, pids] = cgroups!.procsFiles.map((file) => file.replace(/\/cgroup\.procs$/, ''));
    expect(readFileSync(`${memory}/memory.limit_in_bytes`, 'utf8').trim()).toBe(String(300 * 1024 * 1024));
    expect(readFileSync(`${pids}/pids.max`, 'utf8').trim()).toBe('40');
    expect(cgroups!.oomKills()).toBe(0);
  });

  it('raises and lowers the limits of a slot between runs', () => {
    slotCgroups(1, 200 * 1024 * 1024, 10);
    const larger = slotCgroups(1, 900 * 1024 * 1024, 20);
    const memory = larger!.procsFiles[0]!.replace(/\/cgroup\.procs$/, '');
    expect(readFileSync(`${memory}/memory.limit_in_bytes`, 'utf8').trim()).toBe(String(900 * 1024 * 1024));
    expect(existsSync(memory)).toBe(true);
  });
});

describe('cgroups availability', () => {
  it('is a plain yes or no, never a crash', () => {
    expect(typeof cgroupsAvailable()).toBe('boolean');
  });
});
