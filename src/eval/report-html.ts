import type { EvalOutcome } from './evaluator.js';
import { escapeHtml, renderChart } from './svg-chart.js';

const cell = (value: string | number | null) => (value === null ? '' : escapeHtml(String(value)));

/** A self-contained HTML report: the run's facts, notes, tables and SVG charts (no scripts, no network). */
export function renderReport(
  title: string,
  facts: Record<string, string | number>,
  outcome: EvalOutcome,
): string {
  const tables = outcome.tables
    .map(
      (table) =>
        `<h2>${escapeHtml(table.title)}</h2><table><tr>${table.header.map((name) => `<th>${escapeHtml(name)}</th>`).join('')}</tr>${table.rows
          .map((row) => `<tr>${row.map((value) => `<td>${cell(value)}</td>`).join('')}</tr>`)
          .join('')}</table>`,
    )
    .join('\n');
  const notes =
    outcome.notes.length === 0
      ? ''
      : `<h2>Notes</h2><ul>${outcome.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}svg{margin:.5em 1em 1em 0;border:1px solid #eee}</style>
</head><body><h1>${escapeHtml(title)}</h1>
<table>${Object.entries(facts)
    .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${cell(value)}</td></tr>`)
    .join('')}</table>
${notes}
${tables}
<div>${outcome.charts.map(renderChart).join('\n')}</div>
</body></html>
`;
}
