import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxAvailability } from '../sandbox/availability.js';
import { renderReport } from './exec.js';

const main = join(import.meta.dirname, 'main.ts');
const projectRoot = join(import.meta.dirname, '..', '..');

function files(entries: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'rk-exec-'));
  for (const [name, content] of Object.entries(entries)) writeFileSync(join(directory, name), content);
  return directory;
}

/** Runs the CLI from the project root (where tsx resolves) on files in `directory`. */
function rewardkit(args: string[], directory: string) {
  const absolute = args.map((arg) => (/\.(md|py|js|json)$/.test(arg) ? join(directory, arg) : arg));
  return spawnSync(process.execPath, ['--import', 'tsx', main, ...absolute], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('renderReport', () => {
  it('prints one row per test with status, time, name and the last line of the error', () => {
    const table = renderReport({
      tests: [
        { name: 'assert f(1) == 1', status: 'passed', ms: 0.25, stderr: '' },
        {
          name: 'assert f(2) == 3',
          status: 'failed',
          ms: 1,
          stderr: 'Traceback ...\nAssertionError: 2 != 3\n',
        },
        { name: 'io[0]', status: 'timeout', ms: null, stderr: 'killed' },
      ],
      passed: 1,
      total: 3,
      runs: 2,
      wallMs: 42,
    });
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^#\s+status\s+time\s+test\s+error$/);
    expect(lines[1]).toMatch(/^0\s+passed\s+0\.3ms\s+assert f\(1\) == 1$/);
    expect(lines[2]).toContain('AssertionError: 2 != 3');
    expect(lines[3]).toMatch(/^2\s+timeout\s+-\s+io\[0\]\s+killed$/);
    expect(table).toContain('1/3 passed (score 0.333), 2 sandboxed run(s)');
  });
});

describe.skipIf(!sandboxAvailability().available)('rewardkit exec', () => {
  it('runs a program against assert tests and exits 1 when one fails', () => {
    const directory = files({
      'answer.md': 'Sure:\n```python\ndef double(x):\n    return x * 2\n```\n',
      'tests.py': 'assert double(2) == 4\nassert double(3) == 7\n',
    });
    const run = rewardkit(['exec', 'answer.md', '--tests', 'tests.py'], directory);
    expect(run.stdout).toMatch(/0\s+passed\s+[\d.]+ms\s+assert double\(2\) == 4/);
    expect(run.stdout).toMatch(/1\s+failed\s+[\d.]+ms\s+assert double\(3\) == 7\s+AssertionError/);
    expect(run.stdout).toContain('1/2 passed');
    expect(run.status).toBe(1);
  });

  it('runs stdin/stdout cases and prints JSON with --json, exiting 0 when all pass', () => {
    const directory = files({
      'main.js':
        "const text = require('fs').readFileSync(0, 'utf8');\nconsole.log(text.trim().split('').reverse().join(''));\n",
      'cases.json': JSON.stringify([
        { stdin: 'abc', stdout: 'cba' },
        { stdin: 'xy\n', stdout: 'yx' },
      ]),
    });
    const run = rewardkit(
      ['exec', 'main.js', '--language', 'javascript', '--io', 'cases.json', '--json'],
      directory,
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { passed: number; total: number };
    expect(report).toMatchObject({ passed: 2, total: 2 });
  });

  it('exits 2 on unusable arguments', () => {
    const directory = files({ 'p.py': 'x = 1' });
    const run = rewardkit(['exec', 'p.py'], directory);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('RK_USAGE');
    const ruby = rewardkit(['exec', 'p.py', '--language', 'ruby', '--tests', 'p.py'], directory);
    expect(ruby.status).toBe(2);
    expect(ruby.stderr).toContain("unknown language 'ruby'");
  });
});
