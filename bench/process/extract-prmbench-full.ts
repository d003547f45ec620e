/**
 * Builds PRMBench's full test set as one JSONL file, the way PRMBench's own loader sees it.
 *
 *   npx tsx bench/process/extract-prmbench-full.ts SOURCE OUT.jsonl [--test-files-only]
 *
 * SOURCE is a checkout of github.com/ssmisya/PRMBench, or a bare git directory of it (read at
 * HEAD with `git show`). PRMBench's test task `mr_eval/tasks/prmtest_classified` (task.py,
 * `load_data_function` over `load_dir_of_jsonl_data_function_default`) loads every `*.jsonl` file
 * directly in its `data/` folder (not `data/debug/`): the `prm800k_test_p1_4o_<category>`,
 * `prm800k_test_p2_4o_<category>` and `prm800k_train_p1_first400_4o_<category>` files and
 * `prm_test_p12_multi_solutions.jsonl`, 6,216 lines in all (the size of the HF release
 * PRMBench_Preview), and keeps the first process of each `<classification>_<idx>`. With
 * `--test-files-only` it keeps the files built from PRM800K's test split (`prm800k_test_*` and
 * `prm_test_*`: 3,013 lines, 3,365 processes), leaving out the `prm800k_train_p1_first400_*`
 * files that the loader also reads. This script
 * reads the files in name order and drops later lines whose (classification, idx) was seen (5
 * duplicated multi_solutions lines at ssmisya/PRMBench@a1ae4ea), so that `rewardkit eval` and the
 * bench, which do not deduplicate, score the same processes as PRMBench. The output holds
 * PRMBench's data (Apache-2.0): keep it out of the repository (e.g. under /tmp) and point the bench
 * at it with REWARDKIT_PRMBENCH_FULL (see bench/dataset-path.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA_FOLDER = 'mr_eval/tasks/prmtest_classified/data';

interface SourceFile {
  name: string;
  read: () => string;
}

function sourceFiles(source: string): SourceFile[] {
  const checkout = join(source, DATA_FOLDER);
  if (existsSync(checkout)) {
    return readdirSync(checkout, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.jsonl'))
      .map((entry) => ({ name: entry.name, read: () => readFileSync(join(checkout, entry.name), 'utf8') }));
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', source, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return git('ls-tree', '--name-only', `HEAD:${DATA_FOLDER}`)
    .split('\n')
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => ({ name, read: () => git('show', `HEAD:${DATA_FOLDER}/${name}`) }));
}

function main(): void {
  const args = process.argv.slice(2);
  const testFilesOnly = args.includes('--test-files-only');
  const [source, out] = args.filter((arg) => arg !== '--test-files-only');
  if (source === undefined || out === undefined) {
    console.error(
      'usage: extract-prmbench-full.ts PRMBENCH_CHECKOUT_OR_GIT_DIR OUT.jsonl [--test-files-only]',
    );
    process.exit(2);
  }
  const files = sourceFiles(source)
    .filter((file) => !testFilesOnly || /^prm(?:800k)?_test_/.test(file.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (files.length === 0) throw new Error(`no ${DATA_FOLDER}/*.jsonl in ${source}`);
  const seen = new Set<string>();
  const kept: string[] = [];
  let lines = 0;
  for (const file of files) {
    file
      .read()
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        lines++;
        let record: { idx?: unknown; classification?: unknown };
        try {
          record = JSON.parse(line) as typeof record;
        } catch (error) {
          throw new Error(`${file.name} line ${index + 1}: not JSON (${(error as Error).message})`);
        }
        const key = `${String(record.classification)}_${String(record.idx)}`;
        if (seen.has(key)) return;
        seen.add(key);
        kept.push(line);
      });
  }
  writeFileSync(out, `${kept.join('\n')}\n`);
  console.log(
    `${files.length} files, ${lines} lines, ${kept.length} kept (${lines - kept.length} repeated processes dropped) -> ${out}`,
  );
}

main();
