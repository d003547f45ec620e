/**
 * Hostile inputs against the real `rewardkit score` and the real `rewardkit serve`, each run as a
 * child process: malformed and invalid lines, absurd ids, deep nesting, prototype keys, huge
 * key counts, catastrophic-backtracking bait, lying content lengths, oversized bodies, outputs
 * that alias the input. The goal of issue 8: 0 crashed runs or servers, 0 lost lines, benign
 * controls scored as they are alone.
 */
import { spawnSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, repositoryRoot, startCli } from './helpers/cli-process.js';
import { freePort } from './helpers/redis-server.js';
import { type JsonAnswer, postJson } from './helpers/test-server.js';

const SPEC = 'test/fixtures/hostile/spec.yaml';
const MATH_SPEC = 'test/fixtures/hostile/math-spec.yaml';
const work = mkdtempSync(join(tmpdir(), 'rk-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function deepText(depth: number, open: string, close: string, leaf: string): string {
  return `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
}

function manyKeys(count: number): string {
  const keys: string[] = [];
  for (let index = 0; index < count; index++) keys.push(`"k${index}":${index}`);
  return `{${keys.join(',')}}`;
}

/** Benign samples whose results must not change whatever stands around them. */
const CONTROLS = [
  { id: 'control-1', response: '<answer>18</answer>', reference: { answer: '18' } },
  { id: 'control-2', response: '<think>x</think>\n\n<answer>seven</answer>', reference: { text: 'seven' } },
  { id: 'control-3', response: '```json\n{"a": "aaa"}\n```', reference: { answer: 'x' } },
];

/** Hostile samples that are valid JSON text (sent as lines to `score` and as samples to `serve`). */
const HOSTILE_JSON: Record<string, string> = {
  'long id': JSON.stringify({ id: 'i'.repeat(100_000), response: '<answer>1</answer>' }),
  'duplicate id': JSON.stringify({ id: 'control-1', response: 'again' }),
  'escaped null byte': JSON.stringify({ id: 'nul', response: 'a\u0000b<answer>\u0000</answer>' }),
  'array sample': '[1,2,3]',
  'number sample': '42',
  'null sample': 'null',
  'string sample': '"a sample"',
  'deep reference': `{"id":"deep-3000","response":"x","reference":${deepText(3000, '{"a":', '}', '1')}}`,
  'deeper meta': `{"id":"deep-100k","response":"x","meta":{"a":${deepText(100_000, '[', ']', '')}}}`,
  'proto key': '{"id":"proto","response":"x","__proto__":{"polluted":true}}',
  'nested proto key': '{"id":"proto-2","response":"x","reference":{"__proto__":{"answer":"x"}}}',
  'constructor prototype':
    '{"id":"ctor","response":"x","meta":{"constructor":{"prototype":{"polluted":true}}}}',
  'many keys': `{"id":"many-keys","response":"x","meta":${manyKeys(1_100_000)}}`,
  'number response': '{"id":"number-response","response":5}',
  'object response': '{"id":"object-response","response":{"text":"x"}}',
  'number id': '{"id":5,"response":"x"}',
  'object id': '{"id":{"a":1},"response":"x"}',
  'empty id': '{"id":"","response":"x"}',
  'backtracking bait': JSON.stringify({ id: 'bait', response: `<answer>${'a'.repeat(2_000_000)}` }),
  'many fences': JSON.stringify({ id: 'fences', response: '```'.repeat(100_000) }),
  'many answer tags': JSON.stringify({
    id: 'tags',
    response: '<answer>'.repeat(50_000),
    reference: { answer: '1' },
  }),
  'many blank lines': JSON.stringify({ id: 'blank-lines', response: `a${'\n'.repeat(300_000)}b` }),
  'hostile reference schema': JSON.stringify({
    id: 'ref-schema',
    response: '{"a":1}',
    reference: { schema: 5 },
  }),
};

/** Lines that are not JSON at all, or not UTF-8: only `score` reads them as lines. */
const BROKEN_LINES: Record<string, Buffer> = {
  'cut JSON': Buffer.from('{"id":"cut","response":'),
  'not JSON': Buffer.from('not json at all'),
  'invalid UTF-8': Buffer.concat([
    Buffer.from('{"id":"bad-utf8","response":"'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"}'),
  ]),
  'raw null byte': Buffer.from('{"id":"raw-nul","response":"a\u0000b"}'),
  'blank line': Buffer.from(''),
};

interface OutputLine {
  id: string;
  reward: number | null;
  error: { code: string; message: string } | null;
  components: Record<string, { score: number | null; status: string }>;
}

function readOutput(file: string): OutputLine[] {
  const text = readFileSync(file, 'utf8');
  return text === ''
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as OutputLine);
}

function score(args: readonly string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'score', ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stderr: run.stderr };
}

/** The line's id when it is one the contract accepts: a non-empty string or an integer (given back as given). */
function usableId(text: string): string | number | undefined {
  try {
    const value = JSON.parse(text) as { id?: unknown } | null;
    const id = value?.id;
    return (typeof id === 'string' && id !== '') || Number.isSafeInteger(id)
      ? (id as string | number)
      : undefined;
  } catch {
    return undefined;
  }
}

describe('rewardkit score on hostile input files', () => {
  it('writes one line per input line, in order, each bad line its own error, controls as alone', () => {
    const lines: { name: string; bytes: Buffer }[] = [];
    const controlLines = CONTROLS.map((control) => JSON.stringify(control));
    lines.push({ name: 'control-1', bytes: Buffer.from(controlLines[0] as string) });
    for (const [name, text] of Object.entries(HOSTILE_JSON)) lines.push({ name, bytes: Buffer.from(text) });
    lines.push({ name: 'control-2', bytes: Buffer.from(controlLines[1] as string) });
    for (const [name, bytes] of Object.entries(BROKEN_LINES)) lines.push({ name, bytes });
    lines.push({ name: 'control-3', bytes: Buffer.from(controlLines[2] as string) });
    const input = join(work, 'hostile.jsonl');
    writeFileSync(input, Buffer.concat(lines.flatMap((line) => [line.bytes, Buffer.from('\n')])));
    const controlsInput = join(work, 'controls.jsonl');
    writeFileSync(controlsInput, `${controlLines.join('\n')}\n`);

    const out = join(work, 'hostile.out.jsonl');
    const run = score(['--spec', SPEC, '--in', input, '--out', out, '--no-store', '--threads', '0']);
    expect(run.stderr).not.toMatch(/RK_INTERNAL|FATAL|Maximum call stack/);
    expect(run.status).toBe(0);
    const results = readOutput(out);
    expect(results).toHaveLength(lines.length);

    const controlsOut = join(work, 'controls.out.jsonl');
    expect(score(['--spec', SPEC, '--in', controlsInput, '--out', controlsOut, '--no-store']).status).toBe(0);
    const alone = new Map(readOutput(controlsOut).map((result) => [result.id, result]));

    const seen = new Set<string>();
    lines.forEach((line, index) => {
      const result = results[index] as OutputLine;
      expect(result.reward === null || Number.isFinite(result.reward), line.name).toBe(true);
      expect(result.reward !== null || result.error !== null, `${line.name}: a null reward says why`).toBe(
        true,
      );
      // A line that is not JSON or not UTF-8 has no id to give back: it is answered as line:N.
      const id = line.name in BROKEN_LINES ? undefined : usableId(line.bytes.toString('utf8'));
      if (id !== undefined) expect(result.id, line.name).toBe(id);
      else if (!line.name.startsWith('control-') && usableId(line.bytes.toString('utf8')) === undefined) {
        expect(result.error, line.name).not.toBeNull();
      }
      if (line.name.startsWith('control-')) {
        const reference = alone.get(line.name);
        expect(result.reward, line.name).toBe(reference?.reward);
        expect(result.components, line.name).toEqual(reference?.components);
      }
      if (id !== undefined && seen.has(String(id)))
        expect(result.error?.code, line.name).toBe('RK_DUPLICATE_ID');
      if (id !== undefined) seen.add(String(id));
    });
    const byName = new Map(lines.map((line, index) => [line.name, results[index] as OutputLine]));
    expect(byName.get('cut JSON')?.error?.code).toBe('RK_INPUT_MALFORMED_JSON');
    expect(byName.get('invalid UTF-8')?.error?.code).toBe('RK_INPUT_INVALID_UTF8');
    expect(byName.get('raw null byte')?.error?.code).toBe('RK_INPUT_MALFORMED_JSON');
    expect(byName.get('array sample')?.error?.code).toBe('RK_INPUT_INVALID');
    expect(byName.get('number response')?.error?.code).toBe('RK_INPUT_INVALID');
    expect(byName.get('backtracking bait')?.components['tagged']?.status).toBe('incorrect');
  }, 300_000);

  it('refuses an output that is the input through a symlink or a hard link, and leaves the input whole', () => {
    const input = join(work, 'mine.jsonl');
    const content = `${CONTROLS.map((control) => JSON.stringify(control)).join('\n')}\n`;
    writeFileSync(input, content);
    symlinkSync('mine.jsonl', join(work, 'mine-link.jsonl'));
    linkSync(input, join(work, 'mine-hard.jsonl'));
    for (const out of ['mine-link.jsonl', 'mine-hard.jsonl', 'mine.jsonl']) {
      const run = score(['--spec', SPEC, '--in', input, '--out', join(work, out), '--no-store']);
      expect(run.status, out).toBe(2);
      expect(run.stderr).toMatch(/RK_USAGE: --out .* is the same file as --in/);
      expect(readFileSync(input, 'utf8')).toBe(content);
    }
    const spec = score(['--spec', SPEC, '--in', input, '--out', join(repositoryRoot, SPEC), '--no-store']);
    expect(spec.status).toBe(2);
    expect(spec.stderr).toMatch(/same file as --spec/);
  }, 120_000);

  it('keeps the previous output whole when a rerun is aborted', () => {
    const input = join(work, 'abort.jsonl');
    writeFileSync(input, `${JSON.stringify(CONTROLS[0])}\n`);
    const out = join(work, 'abort.out.jsonl');
    writeFileSync(out, 'previous results\n');
    const run = score(['--spec', join(work, 'missing-spec.yaml'), '--in', input, '--out', out, '--no-store']);
    expect(run.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous results\n');
  }, 60_000);

  it('bounds LaTeX bombs under a math spec: each is a timeout or a verdict, controls score 1', () => {
    const bombs = [
      '\\boxed{\\sum_{k=1}^{1000000000} k}',
      '\\boxed{\\prod_{k=1}^{10^{9}} k}',
      '\\boxed{\\int_{0}^{10^{9}} x^{10^{9}} dx}',
      '\\boxed{9^{9^{9^{9}}}}',
    ];
    const samples = [
      { id: 'math-control-1', response: 'The answer is \\boxed{18}', reference: { answer: '18' } },
      ...bombs.map((response, index) => ({ id: `bomb-${index}`, response, reference: { answer: '18' } })),
      { id: 'math-control-2', response: 'so the answer is 7', reference: { answer: '7' } },
    ];
    const input = join(work, 'bombs.jsonl');
    writeFileSync(input, `${samples.map((sample) => JSON.stringify(sample)).join('\n')}\n`);
    const out = join(work, 'bombs.out.jsonl');
    const run = score(['--spec', MATH_SPEC, '--in', input, '--out', out, '--no-store', '--threads', '1']);
    expect(run.stderr).not.toMatch(/RK_INTERNAL|FATAL|heap out of memory/);
    expect(run.status).toBe(0);
    const results = readOutput(out);
    expect(results.map((result) => result.id)).toEqual(samples.map((sample) => sample.id));
    expect(results[0]?.components['correct']?.score).toBe(1);
    expect(results.at(-1)?.components['correct']?.score).toBe(1);
  }, 300_000);
});

/** Sends raw bytes on a socket and returns what the server answered before closing (or `waitMs`). */
function rawExchange(
  port: number,
  head: string,
  body: (write: (chunk: Buffer | string) => boolean, answered: () => boolean) => Promise<void>,
  waitMs = 15_000,
): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1');
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('close', finish);
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.write(head);
      // Stop writing once the server has answered: more bytes after its close would reset the
      // connection and could discard the answer before it is read.
      void body(
        (chunk) => {
          if (socket.destroyed || answer !== '') return false;
          socket.write(chunk);
          return true;
        },
        () => answer !== '',
      );
    });
  });
}

function bodyOf(answer: string): JsonAnswer {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as JsonAnswer;
}

describe('rewardkit serve on hostile requests', () => {
  let serve: CliProcess;
  let port: number;
  let url: string;

  beforeAll(async () => {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    serve = startCli([
      'serve',
      '--spec',
      SPEC,
      '--port',
      String(port),
      '--cache-file',
      join(work, 'cache.sqlite'),
    ]);
    await serve.waitFor('listening on', 60_000);
  }, 90_000);

  afterAll(async () => {
    await serve.stop();
  });

  it('answers every sample of a hostile batch in place; controls score as alone; no 500', async () => {
    const texts = [
      JSON.stringify(CONTROLS[0]),
      ...Object.values(HOSTILE_JSON),
      JSON.stringify(CONTROLS[1]),
      JSON.stringify(CONTROLS[2]),
    ];
    const names = ['control-1', ...Object.keys(HOSTILE_JSON), 'control-2', 'control-3'];
    const answer = await postJson(`${url}/v1/score`, `{"samples":[${texts.join(',')}]}`);
    expect(answer.status).toBe(200);
    const results = answer.json.results as OutputLine[];
    expect(results).toHaveLength(texts.length);
    const alone = await postJson(`${url}/v1/score`, { samples: CONTROLS });
    const aloneById = new Map((alone.json.results as OutputLine[]).map((result) => [result.id, result]));
    const byName = new Map(names.map((name, index) => [name, results[index] as OutputLine]));
    names.forEach((name, index) => {
      const result = results[index] as OutputLine;
      expect(result.reward !== null || result.error !== null, `${name}: a null reward says why`).toBe(true);
      const id = usableId(texts[index] as string);
      if (id !== undefined) expect(result.id, name).toBe(id);
      else expect(result.id, name).toBe(`samples[${index}]`);
      if (name.startsWith('control-')) {
        expect(result.reward, name).toBe(aloneById.get(name)?.reward);
        expect(result.components, name).toEqual(aloneById.get(name)?.components);
      }
    });
    expect(byName.get('deep reference')?.error?.code).toBe('RK_INPUT_INVALID');
    expect(byName.get('deep reference')?.error?.message).toMatch(/nested more than 64 levels/);
    expect(byName.get('deeper meta')?.error?.code).toBe('RK_INPUT_INVALID');
    expect(byName.get('proto key')?.error?.message).toMatch(/__proto__/);
    expect(byName.get('nested proto key')?.error?.code).toBe('RK_INPUT_INVALID');
    expect(byName.get('constructor prototype')?.error?.code).toBe('RK_INPUT_INVALID');
    expect(byName.get('many keys')?.error?.code).toBe('RK_INPUT_TOO_LARGE');
    expect(byName.get('duplicate id')?.error?.code).toBe('RK_DUPLICATE_ID');
    expect(byName.get('number response')?.error?.code).toBe('RK_INPUT_INVALID');
    expect(byName.get('backtracking bait')?.components['tagged']?.status).toBe('incorrect');
    // Nothing leaked into the server's prototypes: a fresh object has no `polluted`.
    const probe = await postJson(`${url}/v1/score`, {
      samples: [{ id: 'probe', response: '<answer>1</answer>' }],
    });
    expect(probe.status).toBe(200);
  }, 120_000);

  it('answers malformed, non-object and non-UTF-8 bodies in the RK format', async () => {
    const malformed = await postJson(`${url}/v1/score`, '{"samples": [');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('RK_INPUT_MALFORMED_JSON');
    const array = await postJson(`${url}/v1/score`, '[{"id":"a","response":"x"}]');
    expect(array.status).toBe(400);
    expect(array.json.error.code).toBe('RK_REQUEST_INVALID');
    const latin = await fetch(`${url}/v1/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([
        Buffer.from('{"samples":[{"id":"u","response":"'),
        Buffer.from([0xff, 0xc3]),
        Buffer.from('"}]}'),
      ]),
    });
    expect(latin.status).toBeLessThan(500);
    const latinBody = (await latin.json()) as JsonAnswer;
    expect(latinBody.results?.[0]?.id ?? latinBody.error?.code).toBeDefined();
    const getReward = await postJson(`${url}/get_reward`, { query: [{ text: 'x' }, 5] });
    expect(getReward.status).toBe(400);
    expect(getReward.json.error.code).toBe('RK_REQUEST_INVALID');
  });

  it('answers content-length lies without falling over', async () => {
    const shortBody = '{"samples":[{"id":"a","response":"<answer>1</answer>"}]}';
    // Claims fewer bytes than sent: the body is cut, so it is not valid JSON.
    const cut = await rawExchange(
      port,
      `POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 20\r\nconnection: close\r\n\r\n`,
      async (write) => {
        write(shortBody);
      },
    );
    expect(cut).toMatch(/^HTTP\/1.1 400/);
    expect(bodyOf(cut).error.code).toMatch(/^RK_(INPUT_MALFORMED_JSON|REQUEST_INVALID)$/);
    // Claims more bytes than sent, then hangs up: nothing to answer, nothing may break.
    await rawExchange(
      port,
      `POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n`,
      async (write) => {
        write(shortBody);
      },
      500,
    );
    // Not a number.
    const nonsense = await rawExchange(
      port,
      `POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: lots\r\n\r\n`,
      async (write) => {
        write(shortBody);
      },
    );
    expect(nonsense).toMatch(/^HTTP\/1.1 400/);
    expect(bodyOf(nonsense).error.code).toMatch(/^RK_/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('refuses 10,000 samples of 1 MB each with 413 in the RK format, declared or chunked', async () => {
    const megabyteSample = `{"id":"x","response":"${'a'.repeat(1024 * 1024)}"},`;
    const stream = async (
      write: (chunk: Buffer | string) => boolean,
      answered: () => boolean,
      chunked: boolean,
    ): Promise<void> => {
      // Give the server the time to answer from the headers alone (a declared length over the limit).
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (answered() || !write(chunked ? 'c\r\n{"samples":[\r\n' : '{"samples":[')) return;
      // Each 1 MB sample in 64 KiB pieces, so that writing stops soon after the server answers.
      const piece = 64 * 1024;
      for (let index = 0; index < 10_000; index++) {
        for (let offset = 0; offset < megabyteSample.length; offset += piece) {
          const text = megabyteSample.slice(offset, offset + piece);
          const chunk = chunked ? `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n` : text;
          if (answered() || !write(chunk)) return;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
    };
    const declared = await rawExchange(
      port,
      `POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${10_000 * Buffer.byteLength(megabyteSample)}\r\n\r\n`,
      (write, answered) => stream(write, answered, false),
    );
    expect(declared.slice(0, 400)).toMatch(/^HTTP\/1.1 413/);
    expect(bodyOf(declared).error.code).toBe('RK_LIMIT_EXCEEDED');
    const chunked = await rawExchange(
      port,
      'POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n',
      (write, answered) => stream(write, answered, true),
    );
    expect(chunked.slice(0, 400)).toMatch(/^HTTP\/1.1 413/);
    expect(bodyOf(chunked).error.code).toBe('RK_LIMIT_EXCEEDED');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(serve.child.exitCode).toBeNull();
  }, 120_000);
});
