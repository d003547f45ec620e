import type { ScoreTally } from '../engine/score-tally.js';

/** The table printed on stderr at the end of `rewardkit score`. */
export function renderSummary(tally: ScoreTally, wallSeconds: number): string {
  const rows: [string, string][] = [
    ['samples', String(tally.count)],
    ['mean reward', tally.rewarded === 0 ? '-' : formatNumber(tally.rewardSum / tally.rewarded)],
    ['null rewards', String(tally.count - tally.rewarded)],
  ];
  if (tally.fromStore > 0) rows.push(['resumed from store', String(tally.fromStore)]);
  for (const [name, component] of tally.components) {
    const mean = component.decided === 0 ? '-' : formatNumber(component.sum / component.decided);
    const coverage = component.seen === 0 ? 0 : (100 * component.decided) / component.seen;
    rows.push([
      `  ${name}`,
      `mean ${mean}  coverage ${coverage.toFixed(1)}% (${component.decided}/${component.seen})`,
    ]);
  }
  const errorTotal = [...tally.errors.values()].reduce((sum, count) => sum + count, 0);
  rows.push(['errors', errorTotal === 0 ? 'none' : `${errorTotal} by code:`]);
  for (const [code, count] of [...tally.errors].sort((left, right) => right[1] - left[1])) {
    rows.push([`  ${code}`, String(count)]);
  }
  rows.push(['wall time', `${wallSeconds.toFixed(2)} s`]);
  rows.push(['samples/s', wallSeconds > 0 ? (tally.count / wallSeconds).toFixed(0) : '-']);
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}

function formatNumber(value: number): string {
  return value.toFixed(4);
}
