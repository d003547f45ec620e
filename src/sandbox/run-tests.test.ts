import { describe, expect, it } from 'vitest';
import { sandboxAvailability } from './availability.js';
import { OutputComparisonSchema } from './compare-output.js';
import { type LanguageSpec, languageNamed } from './languages.js';
import { SandboxLimitsSchema } from './limits.js';
import { type CodeTestRequest, runCodeTests } from './run-tests.js';

const python = languageNamed('python');
const javascript = languageNamed('javascript');
const limits = SandboxLimitsSchema.parse({ timeoutMs: 5000 });
const comparison = OutputComparisonSchema.parse({});

function run(request: Partial<CodeTestRequest> & Pick<CodeTestRequest, 'program'>) {
  return runCodeTests({ language: python, comparison, limits, ...request });
}

describe.skipIf(!sandboxAvailability().available)('runCodeTests in the sandbox', () => {
  it("fails a program that prints bwrap's error and exits 1: the program's failure, never a sandbox error", async () => {
    const line = "bwrap: Can't mount proc on /newroot/proc: Operation not permitted";
    const programs = [
      {
        language: python,
        program: `import sys\nprint(${JSON.stringify(line)}, file=sys.stderr)\nsys.exit(1)\ndef f():\n    return 1\n`,
        tests: 'assert f() == 1',
      },
      {
        language: javascript,
        program: `console.error(${JSON.stringify(line)});\nprocess.exit(1);\nfunction f() { return 1; }\n`,
        tests: 'assert.strictEqual(f(), 1);',
      },
    ];
    for (const { language, program, tests } of programs) {
      const io = await run({ language, program, io: [{ stdin: '', stdout: '' }] });
      expect(
        io.tests.map((test) => test.status),
        language.name,
      ).toEqual(['runtime_error']);
      expect(io.tests[0]?.stderr).toContain(line);
      expect(io.error).toBeUndefined();
      const asserts = await run({ language, program, tests });
      expect(
        asserts.tests.map((test) => test.status),
        language.name,
      ).toEqual(['runtime_error']);
      expect(asserts.error).toBeUndefined();
    }
  });

  it('reports every assert of MBPP-style tests on its own, in one sandboxed run', async () => {
    const report = await run({
      program: 'def add(a, b):\n    return a + b\n',
      tests: 'import math\nassert add(1, 2) == 3\nassert add(1, 1) == 3\nassert add(1) == 2\n',
    });
    expect(report.tests.map((test) => [test.name, test.status])).toEqual([
      ['assert add(1, 2) == 3', 'passed'],
      ['assert add(1, 1) == 3', 'failed'],
      ['assert add(1) == 2', 'runtime_error'],
    ]);
    expect(report.tests[2]?.stderr).toContain('TypeError');
    expect(report.tests[0]?.ms).toEqual(expect.any(Number));
    expect(report).toMatchObject({ passed: 1, total: 3, runs: 1 });
    expect(report.error).toBeUndefined();
  });

  it("runs HumanEval's check(candidate) against the entry point", async () => {
    const tests = 'def check(candidate):\n    assert candidate([1, 2]) == 3\n    assert candidate([]) == 0\n';
    const good = await run({ program: 'def total(xs):\n    return sum(xs)\n', tests, entryPoint: 'total' });
    expect(good.tests.map((test) => [test.name, test.status])).toEqual([['check(total)', 'passed']]);
    const broken = await run({ program: 'def total(xs):\n    return None\n', tests, entryPoint: 'total' });
    expect(broken.tests.map((test) => test.status)).toEqual(['failed']);
  });

  it('marks every test syntax_error when the program does not compile', async () => {
    const report = await run({ program: 'def f(:\n', tests: 'assert f() == 1\nassert f() == 2' });
    expect(report.tests.map((test) => test.status)).toEqual(['syntax_error', 'syntax_error']);
    expect(report.tests[0]?.stderr).toContain('SyntaxError');
  });

  it('runs the program under every rlimit, hard and soft, set before it started (no prlimit exec)', async () => {
    const report = await run({
      program: [
        'import resource',
        'NAMES = ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_NOFILE", "RLIMIT_NPROC", "RLIMIT_CORE")',
        'SEEN = [list(resource.getrlimit(getattr(resource, name))) for name in NAMES]',
        'def raise_cpu():',
        '    resource.setrlimit(resource.RLIMIT_CPU, (100, 100))',
      ].join('\n'),
      limits: { ...limits, memoryMb: 300, processes: 20, openFiles: 40, fileSizeMb: 3 },
      tests: [
        `assert SEEN == [[${300 * 2 ** 20}] * 2, [6, 6], [${3 * 2 ** 20}] * 2, [40, 40], [20, 20], [0, 0]]`,
        'assert raise_cpu() is None',
      ].join('\n'),
    });
    expect(report.tests.map((test) => test.status)).toEqual(['passed', 'runtime_error']);
    expect(report.tests[1]?.stderr).toContain('ValueError');
  });

  it('marks the tests runtime_error when the program fails at import time, and memory_exceeded on MemoryError', async () => {
    const crash = await run({ program: 'raise ValueError("boom")', tests: 'assert True' });
    expect(crash.tests.map((test) => test.status)).toEqual(['runtime_error']);
    expect(crash.tests[0]?.stderr).toContain('boom');
    const memory = await run({ program: 'def f():\n    raise MemoryError()\n', tests: 'assert f()' });
    expect(memory.tests.map((test) => test.status)).toEqual(['memory_exceeded']);
  });

  it('times out the test that hangs and those after it, keeping the verdicts before it', async () => {
    const report = await run({
      program: 'def f(x):\n    while x: pass\n    return 0\n',
      tests: 'assert f(0) == 0\nassert f(1) == 0\nassert f(0) == 0',
      limits: { ...limits, timeoutMs: 700 },
    });
    expect(report.tests.map((test) => test.status)).toEqual(['passed', 'timeout', 'timeout']);
    expect(report.tests[1]?.stderr).toContain('wall-clock');
  });

  it('kills a run whose output passes the cap (output_limit)', async () => {
    const report = await run({
      program: 'def f():\n    while True: print("x" * 1000)\n',
      tests: 'assert f()',
      limits: { ...limits, outputBytes: 10_000 },
    });
    expect(report.tests.map((test) => test.status)).toEqual(['output_limit']);
  });

  it('reports broken reference tests as an error, not as a wrong program', async () => {
    const report = await run({ program: 'x = 1', tests: 'assert x ==' });
    expect(report.error?.code).toBe('RK_INPUT_INVALID');
  });

  it('runs stdin/stdout cases, one run each, comparing with the chosen mode', async () => {
    const report = await run({
      program: 'a, b = map(int, input().split())\nprint(a + b)\n',
      io: [
        { stdin: '1 2\n', stdout: '3\n' },
        { stdin: '2 2\n', stdout: '5' },
        { stdin: 'x\n', stdout: '0' },
      ],
    });
    expect(report.tests.map((test) => [test.name, test.status])).toEqual([
      ['io[0]', 'passed'],
      ['io[1]', 'failed'],
      ['io[2]', 'runtime_error'],
    ]);
    expect(report.tests[1]?.stderr).toContain('expected "5"');
    expect(report.runs).toBe(3);
    const floats = await run({
      program: 'print(1 / 3)',
      io: [{ stdin: '', stdout: '0.333333' }],
      comparison: { mode: 'whitespace', float_tolerance: 1e-5 },
    });
    expect(floats.tests[0]?.status).toBe('passed');
    const syntax = await run({ program: 'print(', io: [{ stdin: '', stdout: '' }] });
    expect(syntax.tests[0]?.status).toBe('syntax_error');
  });

  it('runs JavaScript asserts, check(candidate) and stdin/stdout cases', async () => {
    const report = await run({
      language: javascript,
      program: 'function add(a, b) {\n  return a + b;\n}\n',
      tests:
        'assert.strictEqual(add(1, 2), 3);\nassert.strictEqual(add(1, 1), 3);\nconst check = (candidate) => {\n  assert.equal(candidate(2, 2), 4);\n};\n',
      entryPoint: 'add',
    });
    expect(report.tests.map((test) => [test.name, test.status])).toEqual([
      ['assert.strictEqual(add(1, 2), 3);', 'passed'],
      ['assert.strictEqual(add(1, 1), 3);', 'failed'],
      ['check(add)', 'passed'],
    ]);
    const syntax = await run({ language: javascript, program: 'function (', tests: 'assert.ok(true)' });
    expect(syntax.tests.map((test) => test.status)).toEqual(['syntax_error']);
    const io = await run({
      language: javascript,
      program:
        "const [a, b] = require('fs').readFileSync(0, 'utf8').split(' ').map(Number);\nconsole.log(a * b);\n",
      io: [{ stdin: '6 7', stdout: '42' }],
    });
    expect(io.tests[0]?.status).toBe('passed');
  });

  it('runs a compile step before a stdin/stdout program when the language table has one', async () => {
    const checkedPython: LanguageSpec = {
      ...python,
      name: 'python-compiled',
      compile: (file) => ['/usr/bin/python3', '-I', '-S', '-m', 'py_compile', file],
    };
    const good = await run({
      language: checkedPython,
      program: 'print(6 * 7)',
      io: [{ stdin: '', stdout: '42' }],
    });
    expect(good.tests[0]?.status).toBe('passed');
  });
});
