import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './helpers/cli-process.js';

const run = promisify(execFile);

interface Example {
  name: string;
  file: string;
  code: string;
  prints: string[];
}

/** The `<!-- ts-example: NAME -->` blocks of docs/library.md; a first line `// FILE.ts` names the file. */
function examplesOfDocs(): Example[] {
  const text = readFileSync(join(repositoryRoot, 'docs/library.md'), 'utf8');
  return [...text.matchAll(/<!-- ts-example: ([\w-]+) -->\n```ts\n([\s\S]*?)```/g)].map((match) => {
    const code = match[2]!;
    const named = /^\/\/ ([\w-]+\.ts)\n/.exec(code);
    return {
      name: match[1]!,
      file: named?.[1] ?? `${match[1]}.ts`,
      code,
      prints: [...code.matchAll(/^\/\/ prints: (.*)$/gm)].map((line) => line[1]!),
    };
  });
}

/** The package's entry points (package.json `exports`), mapped to the sources they are built from. */
function sourceOfEntryPoints(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, { default?: string } | string>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const built = typeof target === 'string' ? target : target.default;
    if (built === undefined || !built.startsWith('./dist/')) continue;
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    entries.set(specifier, join(repositoryRoot, 'src', built.slice('./dist/'.length)));
  }
  return entries;
}

describe('docs/library.md examples', () => {
  const examples = examplesOfDocs();
  const entries = sourceOfEntryPoints();
  const directory = mkdtempSync(join(tmpdir(), 'rewardkit-library-docs-'));

  beforeAll(() => {
    symlinkSync(join(repositoryRoot, 'node_modules'), join(directory, 'node_modules'), 'dir');
    writeFileSync(join(directory, 'package.json'), '{"type": "module"}\n');
    for (const example of examples) {
      const code = example.code.replace(/from '(rewardkit(?:\/[\w-]+)?)'/g, (_whole, specifier: string) => {
        const source = entries.get(specifier);
        if (source === undefined) throw new Error(`${example.name}: '${specifier}' is not an entry point`);
        return `from '${source}'`;
      });
      writeFileSync(join(directory, example.file), code);
    }
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('has the documented examples, each printing what it says', () => {
    expect(examples.map((example) => example.name)).toEqual([
      'pipeline',
      'advantages',
      'custom-kind',
      'custom-kind-use',
      'client',
    ]);
  });

  it('type-checks every example against the sources (strict)', () => {
    const configText = ts.readConfigFile(join(repositoryRoot, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(configText.config, ts.sys, repositoryRoot);
    const program = ts.createProgram(
      examples.map((example) => join(directory, example.file)),
      {
        ...parsed.options,
        noEmit: true,
        declaration: false,
        rootDir: '/',
        types: ['node'],
        typeRoots: [join(repositoryRoot, 'node_modules/@types')],
      },
    );
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where =
        diagnostic.file === undefined
          ? ''
          : `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `;
      return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  }, 240_000);

  for (const example of examples.filter((candidate) => candidate.prints.length > 0)) {
    it(`runs the ${example.name} example and prints what the page says`, async () => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', example.file], {
        cwd: directory,
        timeout: 60_000,
      });
      expect(stdout.trim().split('\n')).toEqual(example.prints);
    }, 90_000);
  }

  it('loads the custom kind into `rewardkit score` with --kinds', async () => {
    writeFileSync(
      join(directory, 'kw.yaml'),
      'name: kw\nrewards:\n  - {name: covers, type: keywords, options: {keywords: [a, b]}}\n',
    );
    writeFileSync(
      join(directory, 'in.jsonl'),
      '{"id": 1, "response": "a and b"}\n{"id": 2, "response": "only a"}\n',
    );
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repositoryRoot, 'src/cli/main.ts'),
        'score',
        '--spec',
        'kw.yaml',
        '--in',
        'in.jsonl',
        '--kinds',
        'keyword-kinds.ts',
        '--no-store',
      ],
      { cwd: directory, timeout: 60_000 },
    );
    const rewards = stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { reward: number }).reward);
    expect(rewards).toEqual([1, 0.5]);
  }, 90_000);
});
