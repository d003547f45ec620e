/**
 * `npm run bench [-- NAME...]`: runs every benchmark folder `bench/<name>/run.ts` (or the named
 * ones) one after another, each in its own process so that memory figures do not mix.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDirectory = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(benchDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(benchDirectory, entry.name, 'run.ts')))
  .map((entry) => entry.name)
  .sort();
// `--data-dir DIR`: where the public datasets are (see bench/dataset-path.ts).
const argv = process.argv.slice(2);
const dataDirectoryAt = argv.indexOf('--data-dir');
if (dataDirectoryAt >= 0) {
  const directory = argv[dataDirectoryAt + 1];
  if (directory === undefined) {
    console.error('--data-dir needs a directory');
    process.exit(2);
  }
  process.env['REWARDKIT_DATA_DIR'] = directory;
  argv.splice(dataDirectoryAt, 2);
}
const wanted = argv;
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n=== bench/${name} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(benchDirectory, name, 'run.ts')], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
