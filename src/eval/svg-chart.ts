import type { Chart } from './evaluator.js';

const WIDTH = 560;
const HEIGHT = 300;
const MARGIN = { left: 56, right: 130, top: 28, bottom: 44 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const format = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();

function axes(xMin: number, xMax: number, yMin: number, yMax: number, xLabel: string, yLabel: string) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (value: number) => MARGIN.left + ((value - xMin) / (xMax - xMin || 1)) * plotWidth;
  const y = (value: number) => MARGIN.top + plotHeight - ((value - yMin) / (yMax - yMin || 1)) * plotHeight;
  const ticks = (low: number, high: number) =>
    Array.from({ length: 5 }, (_, index) => low + ((high - low) * index) / 4);
  const parts = [
    `<line x1="${MARGIN.left}" y1="${y(yMin)}" x2="${MARGIN.left + plotWidth}" y2="${y(yMin)}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${y(yMin)}" stroke="#333"/>`,
    ...ticks(yMin, yMax).map(
      (tick) =>
        `<text x="${MARGIN.left - 6}" y="${y(tick) + 4}" text-anchor="end" font-size="10">${format(tick)}</text><line x1="${MARGIN.left}" y1="${y(tick)}" x2="${MARGIN.left + plotWidth}" y2="${y(tick)}" stroke="#eee"/>`,
    ),
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 8}" text-anchor="middle" font-size="11">${escapeHtml(xLabel)}</text>`,
    `<text x="14" y="${MARGIN.top + plotHeight / 2}" text-anchor="middle" font-size="11" transform="rotate(-90 14 ${MARGIN.top + plotHeight / 2})">${escapeHtml(yLabel)}</text>`,
  ];
  return { x, y, parts, plotWidth };
}

const legend = (names: string[]) =>
  names
    .map(
      (name, index) =>
        `<rect x="${WIDTH - MARGIN.right + 10}" y="${MARGIN.top + index * 16}" width="10" height="10" fill="${COLORS[index % COLORS.length]}"/><text x="${WIDTH - MARGIN.right + 24}" y="${MARGIN.top + index * 16 + 9}" font-size="10">${escapeHtml(name)}</text>`,
    )
    .join('');

/** A small self-contained SVG for a report chart (no scripts, no external resources). */
export function renderChart(chart: Chart): string {
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(chart.title)}"><text x="${WIDTH / 2}" y="16" text-anchor="middle" font-size="12" font-weight="bold">${escapeHtml(chart.title)}</text>`;
  if (chart.kind === 'lines') {
    const points = chart.series.flatMap((series) => series.points);
    if (points.length === 0) return `${open}<text x="20" y="60" font-size="11">no data</text></svg>`;
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    const [xMin, xMax] = chart.diagonal ? [0, 1] : [Math.min(...xs), Math.max(...xs)];
    const [yMin, yMax] = chart.diagonal ? [0, 1] : [Math.min(0, ...ys), Math.max(...ys)];
    const { x, y, parts } = axes(xMin, xMax, yMin, yMax, chart.xLabel, chart.yLabel);
    for (const tick of Array.from({ length: 5 }, (_, index) => xMin + ((xMax - xMin) * index) / 4)) {
      parts.push(
        `<text x="${x(tick)}" y="${y(yMin) + 14}" text-anchor="middle" font-size="10">${format(tick)}</text>`,
      );
    }
    if (chart.diagonal)
      parts.push(
        `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999" stroke-dasharray="4 3"/>`,
      );
    chart.series.forEach((series, index) => {
      const color = COLORS[index % COLORS.length];
      const path = series.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${path}"/>`);
      for (const [px, py] of series.points)
        parts.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="2.5" fill="${color}"/>`);
    });
    return `${open}${parts.join('')}${legend(chart.series.map((series) => series.name))}</svg>`;
  }
  const names = chart.groups[0]?.values.map((value) => value.name) ?? [];
  const values = chart.groups.flatMap((group) => group.values.map((value) => value.value));
  if (values.length === 0) return `${open}<text x="20" y="60" font-size="11">no data</text></svg>`;
  const { y, parts, plotWidth } = axes(0, 1, 0, Math.max(1, ...values), '', chart.yLabel);
  const groupWidth = plotWidth / chart.groups.length;
  const barWidth = (groupWidth * 0.8) / Math.max(1, names.length);
  chart.groups.forEach((group, groupIndex) => {
    const left = MARGIN.left + groupIndex * groupWidth + groupWidth * 0.1;
    group.values.forEach((value, index) => {
      parts.push(
        `<rect x="${(left + index * barWidth).toFixed(1)}" y="${y(value.value).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - y(value.value)).toFixed(1)}" fill="${COLORS[index % COLORS.length]}"><title>${escapeHtml(`${group.label} ${value.name}: ${value.value}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(left + groupWidth * 0.4).toFixed(1)}" y="${y(0) + 14}" text-anchor="middle" font-size="10">${escapeHtml(group.label)}</text>`,
    );
  });
  return `${open}${parts.join('')}${legend(names)}</svg>`;
}
