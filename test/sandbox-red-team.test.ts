/**
 * Red-team suite: programs that try to get out of the sandbox. Each must be contained (the host
 * sees no effect, secrets stay out of the report) and leave no process behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecSchema } from '../src/core/spec.js';
import { Pipeline } from '../src/engine/pipeline.js';
import { sandboxAvailability } from '../src/sandbox/availability.js';
import { cgroupsAvailable } from '../src/sandbox/cgroups.js';
import { languageNamed } from '../src/sandbox/languages.js';
import { SandboxLimitsSchema } from '../src/sandbox/limits.js';
import { hostUidForSlot, sharedSandboxPool } from '../src/sandbox/pool.js';
import { type CodeTestReport, runCodeTests } from '../src/sandbox/run-tests.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'red-team');
const project = join(import.meta.dirname, '..');
const marker = `rkredteam${randomBytes(6).toString('hex')}`;
const hostFile = `/tmp/${marker}-host-file`;
const canary = `canary-${randomBytes(12).toString('hex')}`;
const limits = SandboxLimitsSchema.parse({ timeoutMs: 3000, memoryMb: 256 });

let server: Server;
let port = 0;
const received: string[] = [];
let sentinel: ChildProcess;

function program(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8')
    .replaceAll('{{PORT}}', String(port))
    .replaceAll('{{MARKER}}', marker)
    .replaceAll('{{HOST_FILE}}', hostFile)
    .replaceAll('{{PROJECT}}', project);
}

async function attack(name: string, overrides: Partial<typeof limits> = {}): Promise<CodeTestReport> {
  const javascript = name.endsWith('.js');
  return runCodeTests({
    language: languageNamed(javascript ? 'javascript' : 'python'),
    program: program(name),
    tests: javascript ? "assert.strictEqual(attack(), 'never')" : "assert attack() == 'never'",
    comparison: { mode: 'whitespace' },
    limits: { ...limits, ...overrides },
  });
}

/** Host processes whose command line carries the marker (other than the sentinel we started). */
function leftoverProcesses(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === sentinel.pid) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'latin1');
      if (commandLine.includes(marker) && !commandLine.includes('vitest'))
        found.push(`${entry}: ${commandLine}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Processes owned by the host uids of this process's sandbox slots. */
function sandboxUidProcesses(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      if (uid !== undefined && ownUids.has(Number(uid))) {
        const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replaceAll('\0', ' ');
        found.push(
          `${entry} ${/^State:\s+(\S+)/m.exec(status)?.[1]} ppid=${/^PPid:\s+(\d+)/m.exec(status)?.[1]} nspid=${/^NSpid:(.*)$/m.exec(status)?.[1]} ${commandLine.slice(0, 120)}`,
        );
      }
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function expectNoLeftovers(): Promise<void> {
  for (let attempt = 0; attempt < 20 && leftoverProcesses().length > 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(leftoverProcesses()).toEqual([]);
}

const text = (report: CodeTestReport) => JSON.stringify(report);
const statuses = (report: CodeTestReport) => report.tests.map((test) => test.status);

const available = sandboxAvailability().available;
const ownUids = new Set(Array.from({ length: sharedSandboxPool().size }, (_, slot) => hostUidForSlot(slot)));

describe.skipIf(!available)('sandbox red team: every escape attempt is contained', () => {
  beforeAll(async () => {
    process.env['RK_REDTEAM_CANARY'] = canary;
    server = createServer((socket) => {
      received.push('connection');
      socket.on('data', (data) => received.push(String(data)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    // A host process carrying the marker: the sandbox must neither see nor signal it.
    sentinel = spawn('/usr/bin/sleep', ['120'], { argv0: `sleep-${marker}`, stdio: 'ignore' });
  });

  afterAll(async () => {
    sentinel.kill('SIGKILL');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    delete process.env['RK_REDTEAM_CANARY'];
    rmSync(hostFile, { force: true });
  });

  it('cannot open a TCP connection to a listener on the host loopback', async () => {
    const report = await attack('tcp-loopback.py');
    expect(statuses(report)).toEqual(['runtime_error']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
  });

  it('cannot resolve names', async () => {
    const report = await attack('dns-lookup.py');
    expect(statuses(report)).toEqual(['runtime_error']);
    expect(text(report)).not.toContain('resolved');
  });

  it('cannot write outside its private /tmp', async () => {
    const report = await attack('write-outside-tmp.py');
    expect(text(report)).toContain('WROTE []');
    for (const path of [
      hostFile,
      join(project, marker),
      `/usr/${marker}`,
      `/${marker}`,
      `/root/${marker}`,
      `/dev/shm/${marker}`,
    ]) {
      expect(existsSync(path), path).toBe(false);
    }
  });

  it('cannot read /etc/shadow or /etc/passwd', async () => {
    const report = await attack('read-shadow.py');
    expect(text(report)).toContain('LEAK []');
    expect(text(report)).not.toContain('root:');
  });

  it("cannot read the project's files or the home directory", async () => {
    const report = await attack('read-project.py');
    expect(text(report)).toContain('LEAK []');
    expect(text(report)).not.toContain('A reward engine');
  });

  it("cannot see the host process's environment", async () => {
    const report = await attack('host-environment.py');
    expect(text(report)).toContain('LEAK');
    expect(text(report)).not.toContain(canary);
    expect(text(report)).not.toContain('RK_REDTEAM_CANARY');
  });

  it('caps a fork bomb at the process limit and leaves no process behind', async () => {
    const report = await attack('fork-bomb.py', { processes: 32 });
    const forked = Number(/FORKED (\d+)/.exec(text(report))?.[1]);
    expect(forked).toBeGreaterThan(0);
    expect(forked).toBeLessThan(32);
    expect(sandboxUidProcesses()).toEqual([]);
  });

  it('stops a memory bomb at the memory limit', async () => {
    const report = await attack('memory-bomb.py', { timeoutMs: 10_000 });
    expect(statuses(report)).toEqual(['memory_exceeded']);
  });

  it('caps the memory of the sandbox as a whole, not only per process', async () => {
    const report = await attack('fork-memory-bomb.py', { timeoutMs: 4000 });
    expect(report.tests[0]?.status).not.toBe('passed');
    if (cgroupsAvailable()) expect(statuses(report)).toEqual(['memory_exceeded']);
    expect(sandboxUidProcesses()).toEqual([]);
  });

  it('kills an infinite loop at the wall-clock limit', async () => {
    const report = await attack('infinite-loop.py', { timeoutMs: 1000 });
    expect(statuses(report)).toEqual(['timeout']);
  });

  it('kills detached children that outlive the program', async () => {
    const report = await attack('detached-child.py');
    expect(statuses(report)).toEqual(['failed']);
    await expectNoLeftovers();
  });

  it('stops a flood of output at the output cap', async () => {
    const report = await attack('output-flood.py', { outputBytes: 256 * 1024 });
    expect(statuses(report)).toEqual(['output_limit']);
  });

  it('cannot signal its parent or any host process', async () => {
    const report = await attack('signal-parent.py');
    expect(report.tests[0]?.status).not.toBe('passed');
    expect(sentinel.exitCode).toBeNull();
    expect(sentinel.signalCode).toBeNull();
  });

  it('sees none of the host processes through /proc', async () => {
    const report = await attack('proc-snoop.py');
    expect(text(report)).toContain('PROCS');
    expect(text(report)).not.toContain(marker);
    expect(Number(/PROCS (\d+)/.exec(text(report))?.[1])).toBeLessThanOrEqual(3);
  });

  it('cannot fill the disk beyond its tmpfs', async () => {
    const report = await attack('disk-fill.py', { tmpSizeMb: 32 });
    const wrote = Number(/WROTE (\d+)/.exec(text(report))?.[1]);
    expect(wrote).toBeGreaterThan(0);
    expect(wrote).toBeLessThanOrEqual(32 * 1024 * 1024);
  });

  it('cannot forge passing results on the harness channel', async () => {
    const report = await attack('forge-results.py');
    expect(statuses(report)).toEqual(['runtime_error']);
    expect(report.passed).toBe(0);
  });

  it('contains JavaScript too: no network, no host files, no detached leftovers', async () => {
    const report = await attack('tcp-loopback.js');
    expect(report.tests[0]?.status).not.toBe('passed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
    expect(existsSync(hostFile)).toBe(false);
    await expectNoLeftovers();
  });

  it('contains attacks scored through the pipeline (type: code), each scoring 0', async () => {
    const spec = SpecSchema.parse({ name: 'red-team', rewards: [{ name: 'tests', type: 'code' }] });
    const pipeline = Pipeline.compile(spec, {});
    const names = ['fork-bomb.py', 'tcp-loopback.py', 'detached-child.py', 'write-outside-tmp.py'];
    const results = await pipeline.scoreBatch(
      names.map((name) => ({
        id: name,
        response: `\`\`\`python\n${program(name)}\n\`\`\``,
        reference: { language: 'python', tests: "assert attack() == 'never'", timeout_s: 3 },
      })),
    );
    await pipeline.close();
    expect(results.map((result) => result.reward)).toEqual([0, 0, 0, 0]);
    expect(received).toEqual([]);
    expect(existsSync(hostFile)).toBe(false);
    await expectNoLeftovers();
    expect(sandboxUidProcesses()).toEqual([]);
  });

  it('leaves no sandbox process behind after the whole suite', () => {
    expect(sandboxUidProcesses()).toEqual([]);
    expect(leftoverProcesses()).toEqual([]);
  });
});

describe.skipIf(available)('sandbox red team (skipped)', () => {
  it.todo('needs bubblewrap and user namespaces: run bash scripts/setup.sh');
});
