/**
 * The JSONL contract of `rewardkit score`, run as a real child process: every input line yields
 * exactly one output line, in input order, with a clear RK_* error for each kind of bad input;
 * unusable arguments exit 2; `--resume` after a killed run does not rescore stored lines.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'test/fixtures/score');
const kinds = join(fixtures, 'test-kinds.ts');
const work = mkdtempSync(join(tmpdir(), 'rk-contract-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

function outputLines(file: string): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  return text === ''
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function codeOf(result: Record<string, unknown>): string | null {
  return (result['error'] as { code?: string } | null)?.code ?? null;
}

const good = (id: string, response = '<think>t</think><answer>1</answer>') =>
  JSON.stringify({ id, response });

/** One input with every kind of bad line, and the id + error code expected for each line. */
function badInput(): { bytes: Buffer; expected: [string, string | null][] } {
  const parts: (string | Buffer)[] = [
    `${good('a')}\n`,
    '{"id": "b", "response": \n',
    `${JSON.stringify({ response: 'no id' })}\n`,
    `${JSON.stringify({ id: 'c' })}\n`,
    `${JSON.stringify({ id: 'd', response: 42 })}\n`,
    '\n',
    Buffer.concat([Buffer.from('{"id": "e", "response": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]),
    `${good('a', 'again')}\n`,
    '[1, 2, 3]\r\n',
    `${good('f', 'no tags')}\r\n`,
    `${JSON.stringify({ id: 'big', response: `<think>${'x'.repeat(50 * 1024 * 1024)}</think><answer>1</answer>` })}\n`,
    good('last'),
  ];
  const expected: [string, string | null][] = [
    ['a', null],
    ['line:2', 'RK_INPUT_MALFORMED_JSON'],
    ['line:3', 'RK_INPUT_INVALID'],
    ['c', 'RK_INPUT_INVALID'],
    ['d', 'RK_INPUT_INVALID'],
    ['line:6', 'RK_INPUT_INVALID'],
    ['line:7', 'RK_INPUT_INVALID_UTF8'],
    ['a', 'RK_DUPLICATE_ID'],
    ['line:9', 'RK_INPUT_INVALID'],
    ['f', null],
    ['big', null],
    ['last', null],
  ];
  return {
    bytes: Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))),
    expected,
  };
}

describe('rewardkit score: the JSONL contract', () => {
  const input = join(work, 'bad.jsonl');
  const { bytes, expected } = badInput();
  writeFileSync(input, bytes);

  for (const threads of ['0', '1']) {
    it(`gives every input line exactly one output line, in order, with its error code (--threads ${threads})`, () => {
      const out = join(work, `bad-${threads}.out.jsonl`);
      const run = cli([
        'score',
        '--spec',
        join(fixtures, 'format-spec.yaml'),
        '--in',
        input,
        '--out',
        out,
        '--threads',
        threads,
        '--store',
        join(work, 'store.sqlite'),
      ]);
      expect(run.status, run.stderr).toBe(0);
      const results = outputLines(out);
      expect(results.map((result) => [result['id'], codeOf(result)])).toEqual(expected);
      expect(results.map((result) => result['reward'])).toEqual([
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        1,
        1,
      ]);
      const messages = results.map(
        (result) => (result['error'] as { message?: string } | null)?.message ?? '',
      );
      expect(messages[1]).toMatch(/^line 2: not valid JSON: /);
      expect(messages[3]).toMatch(/field 'response': expected string, found nothing/);
      expect(messages[4]).toMatch(/field 'response': expected string, found number 42/);
      expect(messages[6]).toBe('line 7: not valid UTF-8');
      expect(messages[7]).toBe("line 8: id 'a' already occurred earlier in this file");
      expect(run.stderr).toMatch(/samples\s+12/);
      expect(run.stderr).toMatch(/RK_INPUT_INVALID\s+5/);
    });
  }

  it('skips a line over --max-line-bytes with RK_INPUT_TOO_LARGE, and writes to stdout without --out', () => {
    const run = cli([
      'score',
      '--spec',
      join(fixtures, 'format-spec.yaml'),
      '--in',
      input,
      '--no-store',
      '--threads',
      '0',
      '--max-line-bytes',
      '1000000',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const results = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(results).toHaveLength(12);
    expect([results[10]?.['id'], codeOf(results[10] ?? {})]).toEqual(['line:11', 'RK_INPUT_TOO_LARGE']);
    expect(results[11]?.['id']).toBe('last');
  });

  it('scores an empty file to an empty output and exits 0', () => {
    const empty = join(work, 'empty.jsonl');
    writeFileSync(empty, '');
    const out = join(work, 'empty.out.jsonl');
    const run = cli([
      'score',
      '--spec',
      join(fixtures, 'format-spec.yaml'),
      '--in',
      empty,
      '--out',
      out,
      '--no-store',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('');
    expect(run.stderr).toMatch(/samples\s+0/);
  });
});

describe('rewardkit score: unusable arguments exit 2 with the code, the place and a hint', () => {
  const input = join(work, 'small.jsonl');
  writeFileSync(input, `${good('a')}\n`);

  it('names the unknown reward type and suggests the right one', () => {
    const run = cli([
      'score',
      '--spec',
      join(fixtures, 'unknown-type-spec.yaml'),
      '--in',
      input,
      '--no-store',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/RK_SPEC_INVALID/);
    expect(run.stderr).toMatch(/rewards\[0\]\.type: unknown reward type 'fromat'.*did you mean 'format'/);
    expect(run.stdout).toBe('');
  });

  it('points a misspelt key at its file:line:col and suggests the key', () => {
    const run = cli(['score', '--spec', join(fixtures, 'typo-spec.yaml'), '--in', input, '--no-store']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /typo-spec\.yaml:\d+:\d+: rewards\[0\]: unknown key 'wieght'; did you mean 'weight'\?/,
    );
  });

  it('refuses a missing input file and a missing spec file', () => {
    const missingInput = cli([
      'score',
      '--spec',
      join(fixtures, 'format-spec.yaml'),
      '--in',
      join(work, 'nope.jsonl'),
    ]);
    expect(missingInput.status).toBe(2);
    expect(missingInput.stderr).toMatch(/RK_USAGE: --in .*nope\.jsonl: no such file/);
    const missingSpec = cli(['score', '--spec', join(work, 'nope.yaml'), '--in', input]);
    expect(missingSpec.status).toBe(2);
    expect(missingSpec.stderr).toMatch(/RK_SPEC_UNREADABLE/);
  });

  it('documents itself with an example', () => {
    const run = cli(['score', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /rewardkit score --spec examples\/gsm8k-grpo\.yaml --in examples\/gsm8k-rollouts\.jsonl/,
    );
  });
});

describe('rewardkit score: on_error fail', () => {
  it.each([[['--no-store']], [['--store', ':memory:']]])(
    'aborts the run with RK_COMPONENT_FAILED and a non-zero exit (%j: no advice to --resume)',
    (storeFlags) => {
      const spec = join(work, 'fail-spec.yaml');
      writeFileSync(spec, 'name: fail\non_error: fail\nrewards:\n  - name: match\n    type: match\n');
      const input = join(work, 'no-reference.jsonl');
      writeFileSync(input, `${good('a')}\n`);
      const run = cli([
        'score',
        '--spec',
        spec,
        '--in',
        input,
        '--out',
        join(work, 'fail.out.jsonl'),
        ...storeFlags,
        '--threads',
        '1',
      ]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/RK_COMPONENT_FAILED: component 'match' could not decide sample 'a'/);
      // Nothing outlives the process to resume from.
      expect(run.stderr).not.toMatch(/--resume/);
    },
  );
});

describe('rewardkit score with a batch stage', () => {
  it('adds group advantages over the whole file, keeping one line per input in order', () => {
    const spec = join(work, 'advantages-spec.yaml');
    writeFileSync(
      spec,
      'name: adv\nrewards:\n  - name: format\n    type: format\n    options: {tags: [answer]}\nadvantages: {estimator: grpo}\n',
    );
    const input = join(work, 'groups.jsonl');
    const rows = [
      { id: 'g1-a', group: 'g1', response: '<answer>1</answer>' },
      { id: 'g1-b', group: 'g1', response: 'none' },
      { id: 'g2-a', group: 'g2', response: '<answer>2</answer>' },
      { id: 'g2-b', group: 'g2', response: '<answer>2</answer>' },
    ];
    writeFileSync(input, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n{broken\n`);
    const out = join(work, 'groups.out.jsonl');
    const run = cli(['score', '--spec', spec, '--in', input, '--out', out, '--no-store', '--threads', '0']);
    expect(run.status, run.stderr).toBe(0);
    const results = outputLines(out);
    expect(results.map((result) => result['id'])).toEqual(['g1-a', 'g1-b', 'g2-a', 'g2-b', 'line:5']);
    const advantages = results.slice(0, 4).map((result) => result['advantage'] as number);
    expect(advantages[0]).toBeGreaterThan(0);
    expect(advantages[1]).toBeLessThan(0);
    expect(advantages[2]).toBeCloseTo(0, 6);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});

describe('rewardkit score --resume', () => {
  it('continues a killed run without rescoring what the store already holds', async () => {
    const lines = 300;
    const input = join(work, 'resume.jsonl');
    writeFileSync(input, `${Array.from({ length: lines }, (_, index) => good(`r${index}`)).join('\n')}\n`);
    const spec = join(work, 'marker-spec.yaml');
    writeFileSync(
      spec,
      'name: marker\nrewards:\n  - name: marker\n    type: marker\n    options: {delay_ms: 15}\n',
    );
    const store = join(work, 'resume-store.sqlite');
    const marker = join(work, 'marker.txt');
    const out = join(work, 'resume.out.jsonl');
    const args = [
      'score',
      '--spec',
      spec,
      '--in',
      input,
      '--out',
      out,
      '--store',
      store,
      '--kinds',
      kinds,
      '--threads',
      '0',
      '--concurrency',
      '4',
    ];

    const first = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, RK_TEST_MARKER: marker },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => first.once('exit', resolve));
    const storedLines = (): number[] => {
      if (!existsSync(store)) return [];
      const database = new Database(store, { readonly: true, fileMustExist: true });
      try {
        // One row per block of results (see RunStore): its lines as comma-separated ranges (`1-4,7`).
        return (database.prepare('SELECT lines FROM score_blocks').all() as { lines: string }[]).flatMap(
          (row) =>
            row.lines.split(',').flatMap((range) => {
              const [first, last = first] = range.split('-').map(Number) as [number, number?];
              return Array.from({ length: last - first + 1 }, (_, index) => first + index);
            }),
        );
      } catch {
        return [];
      } finally {
        database.close();
      }
    };
    for (let attempt = 0; attempt < 400 && storedLines().length < 20; attempt++) await sleep(50);
    first.kill('SIGKILL');
    await exited;
    const before = new Set(storedLines());
    expect(before.size).toBeGreaterThanOrEqual(20);
    expect(before.size).toBeLessThan(lines);
    rmSync(marker, { force: true });

    const second = cli([...args, '--resume'], { RK_TEST_MARKER: marker });
    expect(second.status, second.stderr).toBe(0);
    const rescored = readFileSync(marker, 'utf8').trimEnd().split('\n');
    const rescoredLines = rescored.map((id) => Number(id.slice(1)) + 1);
    expect(rescoredLines.filter((line) => before.has(line))).toEqual([]);
    expect(rescored).toHaveLength(lines - before.size);
    const results = outputLines(out);
    expect(results.map((result) => result['id'])).toEqual(
      Array.from({ length: lines }, (_, index) => `r${index}`),
    );
    expect(results.every((result) => result['reward'] === 1)).toBe(true);
    expect(second.stderr).toMatch(new RegExp(`resumed from store\\s+${before.size}`));
  });

  it('a damaged store stops --resume with the store named, and no advice to resume again', () => {
    const input = join(work, 'damaged.jsonl');
    writeFileSync(input, `${good('d1')}\n${good('d2')}\n`);
    const spec = join(work, 'damaged-spec.yaml');
    writeFileSync(spec, 'name: damaged\nrewards:\n  - name: match\n    type: match\n');
    const store = join(work, 'damaged-store.sqlite');
    const out = join(work, 'damaged.out.jsonl');
    const args = ['score', '--spec', spec, '--in', input, '--out', out, '--store', store, '--threads', '0'];
    const first = cli(args);
    expect(first.status, first.stderr).toBe(0);
    const database = new Database(store);
    database.prepare('UPDATE score_blocks SET results = ?').run(Buffer.from('not brotli'));
    database.close();

    const resumed = cli([...args, '--resume']);
    expect(resumed.status).not.toBe(0);
    expect(resumed.stderr).toMatch(/damaged-store\.sqlite holds a damaged row \(lines 1-2\)/);
    expect(resumed.stderr).toMatch(/start the run afresh without --resume/);
    expect(resumed.stderr).not.toMatch(/rerun with --resume/);
    // Without --resume the run starts afresh and succeeds.
    expect(cli(args).status).toBe(0);
  });
});
