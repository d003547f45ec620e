import { escapeHtml } from './escape-html.js';

/** A table for the report: header row and rows of cells (numbers are formatted). */
export interface ReportTable {
  caption: string;
  header: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'svg'; svg: string }
  | { kind: 'table'; table: ReportTable };

function cell(value: string | number | null): string {
  if (value === null) return '<td class="na">-</td>';
  if (typeof value === 'number') {
    const text = Number.isInteger(value) ? String(value) : value.toFixed(4);
    return `<td class="num">${text}</td>`;
  }
  return `<td>${escapeHtml(value)}</td>`;
}

function tableHtml(table: ReportTable): string {
  const head = table.header.map((name) => `<th>${escapeHtml(name)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n');
  return `<table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function blockHtml(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'svg':
      return `<figure>${block.svg}</figure>`;
    case 'table':
      return tableHtml(block.table);
  }
}

/** A self-contained HTML report (inline CSS and SVG; no script, no external resource). */
export function htmlReport(title: string, blocks: readonly ReportBlock[]): string {
  const content = blocks.map(blockHtml).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #ccc;padding:.25em .6em}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.na{color:#999;text-align:center}figure{margin:1em 0}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
${content}
</body></html>
`;
}
