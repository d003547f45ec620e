/**
 * Agreement with an external suite of expected verdicts, at the `math` kind's defaults:
 *
 *   npx tsx bench/math/suite.ts --suite FILE [--show N]
 *
 * FILE is JSONL, one `{"id", "gold", "pred" (or "response"), "expected": 0|1}` a line, e.g. a
 * peer's public regression tests dumped to pairs (not shipped here: such suites are held-out
 * yardsticks). Each pair is scored as the acceptance runs do: one `{name: correct, type: math}`
 * reward, `reference.answer` = gold, `response` = pred. Prints the agreement overall and per
 * group (the id's part before `[`), the undecidable count, and the disagreements.
 */
import { readFileSync } from 'node:fs';
import type { ComponentScorer, ScoreContext } from '../../src/core/reward-kind.js';
import { rewardKinds } from '../../src/rewards/index.js';

interface SuiteCase {
  id: string;
  gold: string;
  response: string;
  expected: 0 | 1;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function loadSuite(file: string): SuiteCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      const row = JSON.parse(line) as Record<string, unknown>;
      const response = row['pred'] ?? row['response'];
      const expected = typeof row['equal'] === 'boolean' ? Number(row['equal']) : row['expected'];
      if (
        typeof row['gold'] !== 'string' ||
        typeof response !== 'string' ||
        (expected !== 0 && expected !== 1)
      ) {
        throw new Error(
          `${file} line ${index + 1}: needs string gold, string pred/response, expected 0 or 1`,
        );
      }
      return [{ id: String(row['id'] ?? index + 1), gold: row['gold'], response, expected }];
    });
}

const suiteFile = argument('--suite');
if (suiteFile === undefined) {
  console.error('usage: tsx bench/math/suite.ts --suite FILE [--show N]');
  process.exit(2);
}
const show = Number(argument('--show') ?? 1000);
const kind = rewardKinds.get('math');
const scorer = kind.create(kind.optionsSchema.parse({}), {
  concurrency: 1,
  allowUnsandboxed: false,
}) as ComponentScorer;
const context: ScoreContext = {
  steps: [],
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
};

const cases = loadSuite(suiteFile);
const groups = new Map<string, { total: number; agree: number }>();
const misses: string[] = [];
let agree = 0;
let undecided = 0;
for (const suiteCase of cases) {
  const sample = { id: suiteCase.id, response: suiteCase.response, reference: { answer: suiteCase.gold } };
  const result = await scorer.score(sample, context);
  const score = result.score === 1 ? 1 : 0;
  if (result.score === null) undecided++;
  const group = suiteCase.id.split('[')[0] ?? suiteCase.id;
  const tally = groups.get(group) ?? { total: 0, agree: 0 };
  tally.total++;
  if (score === suiteCase.expected) {
    agree++;
    tally.agree++;
  } else if (misses.length < show) {
    const reason = JSON.stringify(result.details ?? {}).slice(0, 300);
    misses.push(
      `${suiteCase.id} expected ${suiteCase.expected} got ${result.score}\n  gold ${JSON.stringify(suiteCase.gold)}\n  pred ${JSON.stringify(suiteCase.response.slice(-200))}\n  ${reason}`,
    );
  }
  groups.set(group, tally);
}
for (const [group, tally] of groups)
  console.log(`${String(tally.agree).padStart(4)} / ${String(tally.total).padStart(4)}  ${group}`);
console.log(misses.join('\n'));
console.log(
  `agreement ${agree}/${cases.length} = ${((100 * agree) / cases.length).toFixed(1)}%, undecidable ${undecided}`,
);
