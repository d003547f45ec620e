/**
 * Red-team suite: programs that try to get out of the sandbox. Each must be contained (the host
 * sees no effect, secrets stay out of the report) and leave no process behind.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecSchema } from '../src/core/spec.js';
import { Pipeline } from '../src/engine/pipeline.js';
import { sandboxAvailability } from '../src/sandbox/availability.js';
import { cgroupsAvailable } from '../src/sandbox/cgroups.js';
import { languageNamed } from '../src/sandbox/languages.js';
import { SandboxLimitsSchema } from '../src/sandbox/limits.js';
import { configureSandboxPool, hostUidForSlot, sharedSandboxPool } from '../src/sandbox/pool.js';
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
    const report = await attack('fork-memory-bomb.py', { timeoutMs: 15_000 });
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

  it('cannot forge passing results on any channel', async () => {
    const report = await attack('forge-results.py');
    expect(['runtime_error', 'output_limit']).toContain(report.tests[0]?.status);
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

const forgeries = join(fixtures, 'forgery');
const benign = join(fixtures, 'benign');

/** Tests every forgery fixture must fail: each fixture's `add` is wrong (it returns a - b). */
const PYTHON_TESTS = [
  'assert add(2, 2) == 4',
  'assert add(1, 5) == 6',
  'assert abs(add(1, 1) - 2) < 1e-9',
  'assert sorted([add(3, 1)]) == [4]',
  "assert name() == 'right'",
  'assert items() == [1]',
  'def check(candidate):',
  '    assert candidate(3, 4) == 7',
].join('\n');
const JAVASCRIPT_TESTS = [
  'assert.strictEqual(add(2, 2), 4);',
  'assert.deepStrictEqual(add(1, 5), 6);',
  'assert.equal(add(2, 3), 5); assert.deepEqual(add(2, 3), 5); assert.ok(add(2, 3) == 5);',
  'assert.ok(true); void Promise.resolve(add(1, 1)).then((value) => assert.strictEqual(value, 2)); undefined;',
  'assert.ok(true); setTimeout(() => { if (add(3, 1) !== 4) process.exitCode = 1; }, 0); undefined;',
  'const check = async (candidate) => {',
  '  assert.strictEqual(await candidate(3, 4), 7);',
  '};',
].join('\n');

function forge(file: string, program?: string): Promise<CodeTestReport> {
  const javascript = file.endsWith('.js');
  return runCodeTests({
    language: languageNamed(javascript ? 'javascript' : 'python'),
    program: program ?? readFileSync(join(forgeries, file), 'utf8'),
    tests: javascript ? JAVASCRIPT_TESTS : PYTHON_TESTS,
    entryPoint: 'add',
    comparison: { mode: 'whitespace' },
    limits: SandboxLimitsSchema.parse({ timeoutMs: 5000, memoryMb: 512 }),
  });
}

describe.skipIf(!available)('sandbox red team: the program cannot decide its own verdict', () => {
  it('passes an honest program against the same tests (the control)', async () => {
    const python = await forge(
      'control.py',
      "def add(a, b):\n    return a + b\ndef name():\n    return 'right'\ndef items():\n    return [1]\n",
    );
    expect(statuses(python)).toEqual(Array(7).fill('passed'));
    const javascript = await forge('control.js', 'function add(a, b) { return a + b; }');
    expect(statuses(javascript)).toEqual(Array(6).fill('passed'));
  });

  for (const file of existsSync(forgeries) ? readdirSync(forgeries).sort() : []) {
    it(`fails every test of a wrong program that tries to forge: ${file}`, async () => {
      const report = await forge(file);
      expect(report.tests.length).toBeGreaterThan(0);
      expect(report.passed, JSON.stringify(report.tests, null, 1)).toBe(0);
      expect(report.error).toBeUndefined();
    });
  }

  it('scores every forgery 0 through the pipeline (type: code)', async () => {
    const spec = SpecSchema.parse({ name: 'forgery', rewards: [{ name: 'tests', type: 'code' }] });
    const pipeline = Pipeline.compile(spec, {});
    const files = readdirSync(forgeries).filter((file) => file.endsWith('.py'));
    const results = await pipeline.scoreBatch(
      files.map((file) => ({
        id: file,
        response: `\`\`\`python\n${readFileSync(join(forgeries, file), 'utf8')}\n\`\`\``,
        reference: { language: 'python', tests: PYTHON_TESTS, entry_point: 'add', timeout_s: 5 },
      })),
    );
    await pipeline.close();
    expect(Object.fromEntries(results.map((result) => [result.id, result.reward]))).toEqual(
      Object.fromEntries(files.map((file) => [file, 0])),
    );
  });

  it("scores 0, not null, a program that fakes bwrap's error, on stdin/stdout cases and asserts", async () => {
    // on_error: null, so that a sandbox error would show as reward null (the default turns it into 0).
    const spec = SpecSchema.parse({
      name: 'fake-sandbox-error',
      on_error: 'null',
      rewards: [{ name: 'tests', type: 'code' }],
    });
    const pipeline = Pipeline.compile(spec, {});
    const samples = ['python', 'javascript'].flatMap((language) => {
      const file = `fake-sandbox-error.${language === 'python' ? 'py' : 'js'}`;
      const response = `\`\`\`${language}\n${readFileSync(join(forgeries, file), 'utf8')}\n\`\`\``;
      return [
        { id: `${language}/io`, response, reference: { language, io: [{ stdin: '', stdout: '' }] } },
        {
          id: `${language}/asserts`,
          response,
          reference: {
            language,
            tests: language === 'python' ? PYTHON_TESTS : JAVASCRIPT_TESTS,
            entry_point: 'add',
          },
        },
      ];
    });
    const results = await pipeline.scoreBatch(samples);
    await pipeline.close();
    for (const result of results) {
      expect(result.reward, `${result.id}: ${JSON.stringify(result)}`).toBe(0);
      expect(result.components.tests?.error, String(result.id)).toBeUndefined();
    }
    const report = await runCodeTests({
      language: languageNamed('python'),
      program: readFileSync(join(forgeries, 'fake-sandbox-error.py'), 'utf8'),
      io: [{ stdin: '', stdout: '' }],
      comparison: { mode: 'whitespace' },
      limits,
    });
    expect(statuses(report)).toEqual(['runtime_error']);
    expect(report.tests[0]?.stderr).toContain("bwrap: Can't mount proc");
  });

  it('tells why a test failed: not plain data, the program gone, a timeout', async () => {
    const report = await forge('generator-and-nan.py');
    expect(report.tests[0]?.stderr).toMatch(/generator.*not plain data/);
    const exit = await forge('os-exit.py');
    expect(exit.tests[0]?.stderr).toMatch(/ended during the tests/);
    const hang = await runCodeTests({
      language: languageNamed('python'),
      program: 'def add(a, b):\n    while True: pass\n',
      tests: 'assert add(1, 1) == 2\nassert 1 + 1 == 2\nassert add(2, 2) == 4',
      comparison: { mode: 'whitespace' },
      limits: SandboxLimitsSchema.parse({ timeoutMs: 1000 }),
    });
    expect(statuses(hang)).toEqual(['timeout', 'passed', 'timeout']);
  });
});

describe.skipIf(!available)('sandbox red team: correct programs still pass (benign controls)', () => {
  it('Python: prints, recursion, multiprocessing, classes, objects passed back, every plain type', async () => {
    const tests = [
      'import math',
      'assert squares(4) == [0, 1, 4, 9]',
      'assert depth(3000) == 3000',
      "assert kinds() == (None, True, 2**200, 1.5, 's\\u00e9\\ud800', b'\\x00\\xff', [1, [2]], {'a': {1, 2}}, frozenset([3]), 0.0, 1 + 2j)",
      'assert math.copysign(1, kinds()[9]) == -1',
      'assert big() == 10**5000',
      'assert math.isnan(nan())',
      'assert LIMIT == 10**9 + 7',
      'assert Solution().two_sum([2, 7, 11, 15], 9) == [0, 1]',
      'assert Solution().total(Node(1, Node(2, Node(3)))) == 6',
      'assert len(Solution()) == 3',
      'assert Node(5).value == 5',
      'try:\n    fail(-1)\n    raise AssertionError("no error")\nexcept ValueError as error:\n    assert "negative" in str(error)',
      'assert fail(2) == 2',
    ].join('\n');
    const report = await runCodeTests({
      language: languageNamed('python'),
      program: readFileSync(join(benign, 'everything.py'), 'utf8'),
      tests,
      comparison: { mode: 'whitespace' },
      limits: SandboxLimitsSchema.parse({ timeoutMs: 10_000 }),
    });
    expect(report.tests.filter((test) => test.status !== 'passed')).toEqual([]);
  });

  it('JavaScript: prints, recursion, async functions, classes with constructors, Map/Set/BigInt', async () => {
    const tests = [
      'assert.strictEqual(depth(2000), 2000);',
      'const check = async () => { assert.strictEqual(await later(21), 42); };',
      'check();',
      "assert.deepStrictEqual(kinds(), [null, undefined, true, 1.5, NaN, -0, 2n ** 100n, 's', [1, [2]], { a: 1 }, new Set([1]), new Map([[1, 2]])]);",
      'assert.deepStrictEqual(new Solution().twoSum([2, 7, 11, 15], 9), [0, 1]);',
      'assert.strictEqual(new Solution(5).shifted(1), 6);',
      'assert.strictEqual(LIMIT, 1000000007);',
    ].join('\n');
    const report = await runCodeTests({
      language: languageNamed('javascript'),
      program: readFileSync(join(benign, 'everything.js'), 'utf8'),
      tests,
      comparison: { mode: 'whitespace' },
      limits: SandboxLimitsSchema.parse({ timeoutMs: 10_000 }),
    });
    expect(report.tests.filter((test) => test.status !== 'passed')).toEqual([]);
  });

  it('stdin/stdout programs may open /dev/stdin and use multiprocessing', async () => {
    const report = await runCodeTests({
      language: languageNamed('python'),
      program: [
        'import multiprocessing',
        'data = open("/dev/stdin").read().split()',
        'with multiprocessing.Pool(2) as pool:',
        '    print(sum(pool.map(int, data)))',
      ].join('\n'),
      io: [{ stdin: '1 2 3', stdout: '6' }],
      comparison: { mode: 'whitespace' },
      limits: SandboxLimitsSchema.parse({ timeoutMs: 10_000 }),
    });
    expect(statuses(report)).toEqual(['passed']);
    const javascript = await runCodeTests({
      language: languageNamed('javascript'),
      program:
        "console.log(require('fs').readFileSync('/dev/stdin', 'utf8').trim().split('').reverse().join(''));",
      io: [{ stdin: 'abc', stdout: 'cba' }],
      comparison: { mode: 'whitespace' },
      limits,
    });
    expect(statuses(javascript)).toEqual(['passed']);
  });

  it('reports a file over the size limit as output_limit', async () => {
    const program = 'with open("big", "wb") as f:\n    f.write(b"x" * (20 * 1024 * 1024))\nprint("done")';
    const io = await runCodeTests({
      language: languageNamed('python'),
      program,
      io: [{ stdin: '', stdout: 'done' }],
      comparison: { mode: 'whitespace' },
      limits: SandboxLimitsSchema.parse({ fileSizeMb: 16, tmpSizeMb: 64 }),
    });
    expect(statuses(io)).toEqual(['output_limit']);
    const asserted = await runCodeTests({
      language: languageNamed('python'),
      program: `def write():\n${program.replace(/^/gm, '    ')}\n    return 1`,
      tests: 'assert write() == 1',
      comparison: { mode: 'whitespace' },
      limits: SandboxLimitsSchema.parse({ fileSizeMb: 16, tmpSizeMb: 64 }),
    });
    expect(statuses(asserted)).toEqual(['output_limit']);
  });
});

describe.skipIf(!available)('sandbox red team: limits belong to the operator', () => {
  it('clamps limits raised by an inline spec and by the reference, and says so in the details', async () => {
    const spec = SpecSchema.parse({
      name: 'greedy',
      rewards: [
        {
          name: 'tests',
          type: 'code',
          options: { memory_mb: 65_536, processes: 4096, tmp_size_mb: 4096, timeout_s: 600 },
        },
      ],
    });
    const pipeline = Pipeline.compile(spec, {
      limitCeilings: { memory_mb: 512, processes: 64, tmp_size_mb: 64, timeout_s: 10 },
    });
    const [result] = await pipeline.scoreBatch([
      {
        id: 'two-gib',
        response: '```python\ndef grab():\n    block = bytearray(2 * 1024 ** 3)\n    return len(block)\n```',
        reference: { tests: 'assert grab() == 2 * 1024 ** 3', memory_mb: 65_536, timeout_s: 3600 },
      },
    ]);
    await pipeline.close();
    expect(result?.reward).toBe(0);
    const details = result?.components['tests']?.details as { limits: unknown; tests: { status: string }[] };
    expect(details.tests[0]?.status).toBe('memory_exceeded');
    expect(details.limits).toEqual({
      timeout_s: { requested: 3600, applied: 10, ceiling: 10 },
      memory_mb: { requested: 65_536, applied: 512, ceiling: 512 },
      processes: { requested: 4096, applied: 64, ceiling: 64 },
      tmp_size_mb: { requested: 4096, applied: 64, ceiling: 64 },
    });
  });

  it('applies safe default ceilings when the operator set none', async () => {
    const spec = SpecSchema.parse({
      name: 'greedy',
      rewards: [{ name: 'tests', type: 'code', options: { memory_mb: 65_536 } }],
    });
    const pipeline = Pipeline.compile(spec, {});
    const [result] = await pipeline.scoreBatch([
      { id: 'x', response: 'def f():\n    return 1\n', reference: { tests: 'assert f() == 1' } },
    ]);
    await pipeline.close();
    expect(result?.reward).toBe(1);
    expect((result?.components['tests']?.details as { limits?: unknown } | undefined)?.limits).toEqual({
      memory_mb: { requested: 65_536, applied: 1024, ceiling: 1024 },
    });
  });
});

describe.skipIf(!available)('sandbox red team: one sample never reaches the next', () => {
  it("leaves nothing of one sample's tests (processes, files) to the next sample's runner", async () => {
    const run = (tests: string) =>
      runCodeTests({
        language: languageNamed('python'),
        program: 'def f():\n    return 1\n',
        tests,
        comparison: { mode: 'whitespace' },
        limits,
      });
    const first = await run(
      [
        'import os, time',
        'open("left-behind", "w").write("x")',
        'open("/dev/shm/left-behind", "wb").write(b"x" * (8 * 1024 * 1024))',
        'if os.fork() == 0:\n    time.sleep(60)\n    os._exit(0)',
        'assert f() == 1',
      ].join('\n'),
    );
    expect(statuses(first)).toEqual(['passed']);
    const second = await run(
      [
        'import os',
        'assert not os.path.exists("left-behind") and os.listdir("/dev/shm") == []',
        'assert len([pid for pid in os.listdir("/proc") if pid.isdigit()]) <= 2',
      ].join('\n'),
    );
    expect(statuses(second)).toEqual(['passed', 'passed']);
  });
});

describe.skipIf(!available)(
  "sandbox red team: the trusted runner's end is the program's when the program caused it",
  () => {
    const honest = 'def add(a, b):\n    return a + b\n';
    const tests = 'assert add(1, 1) == 2\nassert add(2, 2) == 4';

    /** Scores `program` (Python or JavaScript) under on_error: null, so a sandbox error shows as reward null. */
    async function scoreThenHonest(
      language: 'python' | 'javascript',
      program: string,
      attackTests: string,
      timeoutS = 30,
    ) {
      const spec = SpecSchema.parse({
        name: 'runner-end',
        on_error: 'null',
        rewards: [{ name: 'tests', type: 'code' }],
      });
      const pipeline = Pipeline.compile(spec, {});
      const sample = (id: string, text: string, sampleTests: string) => ({
        id,
        response: `\`\`\`${language}\n${text}\n\`\`\``,
        // A long deadline: the runner must get as far as decoding the reply (a few seconds on a loaded machine).
        reference: { language, tests: sampleTests, timeout_s: timeoutS },
      });
      const honestSample = (id: string) =>
        language === 'python'
          ? sample(id, honest, tests)
          : sample(id, 'function add(a, b) { return a + b; }', 'assert.strictEqual(add(1, 1), 2);');
      try {
        const [attacker] = await pipeline.scoreBatch([sample('attacker', program, attackTests)]);
        const after = await pipeline.scoreBatch([honestSample('honest-1'), honestSample('honest-2')]);
        const details = attacker?.components.tests?.details as {
          tests: { status: string; stderr: string }[];
        };
        return { attacker, details, after: after.map((result) => result.reward) };
      } finally {
        await pipeline.close();
      }
    }

    it('refuses a reply nested deeper than 1,000 levels before building it (it used to crash the runner): 0, and the next samples pass', async () => {
      const { attacker, details, after } = await scoreThenHonest(
        'python',
        readFileSync(join(fixtures, 'runner', 'crash-the-runner.py'), 'utf8'),
        tests,
      );
      expect(attacker?.reward, JSON.stringify(attacker)).toBe(0);
      expect(attacker?.components.tests?.error).toBeUndefined();
      // The second call finds the candidate gone (it left after its forged reply).
      expect(details.tests.map((test) => test.status)).toEqual(['failed', 'runtime_error']);
      expect(details.tests[0]?.stderr).toMatch(/nested more than 1,000 levels deep/);
      expect(after).toEqual([1, 1]);
    }, 120_000);

    it('still passes plain data nested 900 deep both ways (under the limit)', async () => {
      const report = await runCodeTests({
        language: languageNamed('python'),
        program:
          'def nest(value, n):\n    for _ in range(n):\n        value = (value,)\n    return {value}\n',
        tests:
          'value = 0\nfor _ in range(900):\n    value = (value,)\nassert nest(0, 900) == {value}\nassert nest(value, 0) == {value}',
        comparison: { mode: 'whitespace' },
        limits,
      });
      expect(statuses(report)).toEqual(['passed', 'passed']);
    });

    it.each([
      {
        runner: 'its own test kills the Python runner',
        language: 'python',
        program: () => honest,
        tests: 'import os\nassert add(1, 1) == 2 and os.kill(os.getpid(), 9)\nassert add(2, 2) == 4',
      },
      {
        runner: 'its reply crashes the JS runner',
        language: 'javascript',
        program: () => readFileSync(join(fixtures, 'runner', 'crash-the-runner.js'), 'utf8'),
        tests: 'assert.strictEqual(add(1, 1), 2);\nassert.strictEqual(add(2, 2), 4);',
      },
    ] as const)(
      'scores 0, not null, when $runner after reading the reply, and the next samples pass',
      async ({ language, program, tests }) => {
        const { attacker, details, after } = await scoreThenHonest(language, program(), tests);
        expect(attacker?.reward, JSON.stringify(attacker)).toBe(0);
        expect(attacker?.components.tests?.error).toBeUndefined();
        expect(details.tests.map((test) => test.status)).toEqual(['runtime_error', 'runtime_error']);
        expect(details.tests[0]?.stderr).toMatch(/runner ended after reading the program's reply/);
        expect(after).toEqual([1, 1]);
      },
      120_000,
    );

    it("does not let a program's StopIteration end the test's own loop (map, filter) early", async () => {
      const report = await runCodeTests({
        language: languageNamed('python'),
        program: readFileSync(join(fixtures, 'runner', 'stop-iteration.py'), 'utf8'),
        tests:
          'assert all(map(add, [1, 2], [3, 4]))\nassert list(filter(lambda x: add(x, 1) != x + 1, [1, 2])) == []',
        comparison: { mode: 'whitespace' },
        limits,
      });
      expect(statuses(report)).toEqual(['runtime_error', 'runtime_error']);
      expect(report.tests[0]?.stderr).toMatch(/StopIteration/);
    });

    it('keeps a runner that rewardkit itself stopped mid-sample a sandbox error', async () => {
      const { stopTestRunners } = await import('../src/sandbox/test-runner-pool.js');
      const running = runCodeTests({
        language: languageNamed('python'),
        program: honest,
        tests: 'assert add(1, 1) == 2\nimport time\ntime.sleep(20)\nassert add(2, 2) == 4',
        comparison: { mode: 'whitespace' },
        limits: SandboxLimitsSchema.parse({ timeoutMs: 30_000 }),
      });
      await new Promise((resolve) => setTimeout(resolve, 4000));
      await stopTestRunners();
      const report = await running;
      expect(statuses(report)).toEqual(['passed', 'sandbox_error']);
    }, 60_000);
  },
);

const exhaustion = join(fixtures, 'exhaustion');

/** An honest program that checks it got a fresh sandbox: empty /tmp and /dev/shm with room, fds, only itself. */
const FRESH_PYTHON = [
  'import os',
  'def add(a, b):',
  '    return a + b',
  'def fresh():',
  '    files, shm = sorted(os.listdir("/tmp")), os.listdir("/dev/shm")',
  '    for path in ("/tmp/room", "/dev/shm/room"):',
  '        with open(path, "wb") as handle:',
  '            handle.write(b"x" * (4 * 1024 * 1024))',
  '    fds = [os.open("/dev/null", os.O_RDONLY) for _ in range(64)]',
  '    processes = [pid for pid in os.listdir("/proc") if pid.isdigit()]',
  '    return [files, shm, len(fds), len(processes)]',
  'if __name__ == "__main__":',
  '    print(add(*map(int, input().split())), fresh())',
].join('\n');
const FRESH_TESTS = "assert add(1, 1) == 2\nassert fresh() == [['solution.py'], [], 64, 1]";
const FRESH_JAVASCRIPT = [
  "const fs = require('node:fs');",
  'function add(a, b) { return a + b; }',
  "function fresh() { fs.writeFileSync('/tmp/room', Buffer.alloc(4 << 20)); fs.writeFileSync('/dev/shm/room', Buffer.alloc(4 << 20)); return [fs.readdirSync('/dev/shm').length, fs.readdirSync('/proc').filter((pid) => /^\\d+$/.test(pid)).length]; }",
].join('\n');

describe.skipIf(!available)(
  'sandbox red team: exhausting a sandbox leaves its slot whole for the next sample',
  () => {
    let previousPoolSize = 1;
    beforeAll(() => {
      previousPoolSize = sharedSandboxPool().size;
      // One slot: the honest sample after each attack runs on the attacker's slot (same host uid,
      // same slot cgroups, same test runner).
      configureSandboxPool(1);
    });
    afterAll(() => {
      configureSandboxPool(previousPoolSize);
    });

    /**
     * Scores the attacker (`file`: assert tests, or a stdin/stdout case) then an honest sample on the
     * same slot, under on_error: null so that a sandbox error would show as reward null.
     */
    async function attackThenHonest(file: string, mode: 'asserts' | 'io') {
      const language = file.endsWith('.js') ? 'javascript' : 'python';
      const spec = SpecSchema.parse({
        name: 'exhaustion',
        on_error: 'null',
        rewards: [{ name: 'tests', type: 'code', options: { tmp_size_mb: 16, processes: 32 } }],
      });
      const pipeline = Pipeline.compile(spec, {});
      const fence = (text: string) => `\`\`\`${language}\n${text}\n\`\`\``;
      const attackReference =
        mode === 'io'
          ? { language, io: [{ stdin: '', stdout: 'never' }], timeout_s: 10 }
          : {
              language,
              tests:
                language === 'python'
                  ? "assert attack() == 'never'"
                  : "assert.strictEqual(attack(), 'never');",
              timeout_s: 10,
            };
      const honestSample =
        language === 'javascript'
          ? {
              id: 'honest',
              response: fence(FRESH_JAVASCRIPT),
              reference: {
                language,
                tests: 'assert.strictEqual(add(1, 1), 2);\nassert.deepStrictEqual(fresh(), [1, 1]);',
                timeout_s: 10,
              },
            }
          : mode === 'io'
            ? {
                id: 'honest',
                response: fence(FRESH_PYTHON),
                reference: {
                  language,
                  io: [{ stdin: '1 2', stdout: "3 [['.stdin', 'main.py'], [], 64, 1]" }],
                  timeout_s: 10,
                },
              }
            : {
                id: 'honest',
                response: fence(FRESH_PYTHON),
                reference: { language, tests: FRESH_TESTS, timeout_s: 10 },
              };
      try {
        const [attacker] = await pipeline.scoreBatch([
          {
            id: file,
            response: fence(readFileSync(join(exhaustion, file), 'utf8')),
            reference: attackReference,
          },
        ]);
        const [honestResult] = await pipeline.scoreBatch([honestSample]);
        const details = attacker?.components.tests?.details as {
          tests: { status: string; stderr: string }[];
        };
        return {
          attacker,
          honest: honestResult,
          details,
          stderr: details.tests.map((test) => test.stderr).join('\n'),
        };
      } finally {
        await pipeline.close();
      }
    }

    const cases: [string, 'asserts' | 'io', (stderr: string) => void][] = [
      [
        'fill-tmp-and-shm.py',
        'asserts',
        (stderr) => {
          const [, tmp, shm] = /WROTE tmp=(\d+) shm=(\d+)/.exec(stderr) ?? [];
          expect(Number(tmp)).toBeGreaterThan(0);
          expect(Number(tmp)).toBeLessThanOrEqual(16 * 1024 * 1024);
          expect(Number(shm)).toBeGreaterThan(0);
          expect(Number(shm)).toBeLessThanOrEqual(16 * 1024 * 1024);
        },
      ],
      ['fill-tmp-and-shm.py', 'io', (stderr) => expect(stderr).toMatch(/WROTE tmp=\d+ shm=\d+/)],
      [
        'exhaust-fds.py',
        'asserts',
        (stderr) => {
          const opened = Number(/OPENED (\d+)/.exec(stderr)?.[1]);
          expect(opened).toBeGreaterThan(64);
          expect(opened).toBeLessThan(128);
        },
      ],
      ['background-processes.py', 'asserts', () => {}],
      ['background-processes.py', 'io', () => {}],
      ['huge-argv-env.py', 'asserts', (stderr) => expect(stderr).toMatch(/EXEC \[/)],
      [
        'handover-fd.py',
        'asserts',
        (stderr) => expect(stderr).toMatch(/4: Bad file descriptor', '5: Bad file descriptor/),
      ],
      ['handover-fd.py', 'io', (stderr) => expect(stderr).toMatch(/5: Bad file descriptor/)],
      ['inherited-fds.py', 'asserts', (stderr) => expect(stderr).toContain('REACHED []')],
      ['inherited-fds.py', 'io', (stderr) => expect(stderr).toContain('REACHED []')],
      [
        'exhaust-everything.js',
        'asserts',
        (stderr) => {
          const [, tmp, shm, opened] = /WROTE tmp=(\d+) shm=(\d+) OPENED (\d+)/.exec(stderr) ?? [];
          expect(Number(tmp)).toBeLessThanOrEqual(16 * 1024 * 1024);
          expect(Number(shm)).toBeLessThanOrEqual(16 * 1024 * 1024);
          expect(Number(opened)).toBeLessThan(128);
        },
      ],
    ];
    for (const [file, mode, check] of cases) {
      it(`${file} (${mode === 'io' ? 'stdin/stdout case' : 'assert tests'}) scores 0, and the next sample on its slot passes`, async () => {
        const { attacker, honest, stderr } = await attackThenHonest(file, mode);
        expect(attacker?.reward, JSON.stringify(attacker)).toBe(0);
        expect(attacker?.components.tests?.error).toBeUndefined();
        check(stderr);
        expect(honest?.reward, JSON.stringify(honest)).toBe(1);
        expect(sandboxUidProcesses()).toEqual([]);
      }, 60_000);
    }

    it('keeps the fds rewardkit inherited from its own parent out of every sandbox (rewardkit score)', () => {
      const directory = mkdtempSync(join(tmpdir(), 'rk-inherited-'));
      try {
        const spec = join(directory, 'spec.yaml');
        writeFileSync(spec, 'name: leak\non_error: "null"\nrewards:\n  - {name: tests, type: code}\n');
        const attackProgram = `\`\`\`python\n${readFileSync(join(exhaustion, 'inherited-fds.py'), 'utf8')}\n\`\`\``;
        const lines = [
          { id: 'asserts', response: attackProgram, reference: { tests: "assert attack() == 'never'" } },
          { id: 'io', response: attackProgram, reference: { io: [{ stdin: '', stdout: 'never' }] } },
          { id: 'honest', response: FRESH_PYTHON, reference: { tests: FRESH_TESTS } },
        ];
        writeFileSync(
          join(directory, 'in.jsonl'),
          `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`,
        );
        // A host file left open without close-on-exec at fds 23 and 200 of rewardkit (a shell's, a
        // job server's, a supervisor's ...).
        const hostFile = join(directory, 'host-file');
        writeFileSync(hostFile, '');
        const hostFd = openSync(hostFile, 'a');
        try {
          const cli = spawnSync(
            process.execPath,
            [
              '--import',
              'tsx',
              join(project, 'src/cli/main.ts'),
              'score',
              ...['--spec', spec, '--in', join(directory, 'in.jsonl'), '--out', join(directory, 'out.jsonl')],
              ...['--no-store', '--threads', '0'],
            ],
            {
              cwd: project,
              encoding: 'utf8',
              stdio: [
                ...(['ignore', 'pipe', 'pipe'] as const),
                ...Array.from({ length: 197 }, (_, index) => (index === 20 ? hostFd : 'ignore')),
                hostFd,
              ],
            },
          );
          expect(cli.status, cli.stderr).toBe(0);
        } finally {
          closeSync(hostFd);
        }
        expect(readFileSync(hostFile, 'utf8')).toBe('');
        const results = readFileSync(join(directory, 'out.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
        expect(results.map((result) => result.reward)).toEqual([0, 0, 1]);
        for (const result of results.slice(0, 2)) {
          expect(JSON.stringify(result.components.tests.details)).toContain('REACHED []');
        }
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }, 120_000);
  },
);

describe.skipIf(!available)('sandbox red team: ceilings set on the command line', () => {
  it('rewardkit score --sandbox-max-memory-mb clamps an inline spec, also in worker threads', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rk-ceilings-'));
    try {
      writeFileSync(
        join(directory, 'spec.yaml'),
        'name: greedy\nrewards:\n  - {name: tests, type: code, options: {memory_mb: 65536, timeout_s: 600}}\n',
      );
      writeFileSync(
        join(directory, 'in.jsonl'),
        `${JSON.stringify({ id: 'a', response: 'def f():\n    return 1\n', reference: { tests: 'assert f() == 1' } })}\n`,
      );
      for (const threads of ['0', '2']) {
        const cli = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            join(project, 'src/cli/main.ts'),
            'score',
            ...['--spec', join(directory, 'spec.yaml'), '--in', join(directory, 'in.jsonl')],
            ...['--out', join(directory, `out-${threads}.jsonl`), '--no-store', '--threads', threads],
            ...['--sandbox-max-memory-mb', '256', '--sandbox-max-timeout-s', '20'],
          ],
          { cwd: project, encoding: 'utf8' },
        );
        expect(cli.status, cli.stderr).toBe(0);
        const result = JSON.parse(readFileSync(join(directory, `out-${threads}.jsonl`), 'utf8'));
        expect(result.reward).toBe(1);
        expect(result.components.tests.details.limits).toEqual({
          memory_mb: { requested: 65_536, applied: 256, ceiling: 256 },
          timeout_s: { requested: 600, applied: 20, ceiling: 20 },
        });
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 180_000);
});

describe.skipIf(available)('sandbox red team (skipped)', () => {
  it.todo('needs bubblewrap and user namespaces: run bash scripts/setup.sh');
});
