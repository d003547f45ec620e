import { escapeHtml } from './escape-html.js';
import { PALETTE } from './palette.js';

/** One point of a series; `low`/`high` draw a band around it (a confidence interval). */
export interface ChartPoint {
  x: number;
  y: number;
  low?: number | undefined;
  high?: number | undefined;
}

export interface ChartSeries {
  name: string;
  points: readonly ChartPoint[];
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Budgets double: a log2 x axis spaces 4, 8, 16, 32 evenly. */
  logX?: boolean;
  yMin?: number;
  yMax?: number;
  /** Draw the y = x diagonal (reliability diagrams); the axes then span [0, 1]. */
  diagonal?: boolean;
  width?: number;
  height?: number;
}

function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((value) => value >= raw) ?? raw;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Number(value.toPrecision(12)));
  }
  return ticks;
}

function formatTick(value: number): string {
  if (Math.abs(value) >= 10_000) return `${(value / 1000).toFixed(0)}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '');
}

/**
 * A self-contained SVG line chart: one polyline per series with markers, a shaded band where
 * points carry low/high, axes with ticks, and a legend. No script, no external resources.
 */
export function lineChartSvg(series: readonly ChartSeries[], options: LineChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 380;
  const margin = { left: 64, right: 170, top: 36, bottom: 52 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const points = series.flatMap((entry) => entry.points);
  const toX = (value: number): number => (options.logX ? Math.log2(Math.max(value, 1e-12)) : value);
  const xs = points.map((point) => toX(point.x));
  const ys = points.flatMap((point) => [point.y, point.low ?? point.y, point.high ?? point.y]);
  const xMin = options.diagonal ? 0 : xs.length > 0 ? Math.min(...xs) : 0;
  const xMax = options.diagonal ? 1 : xs.length > 0 ? Math.max(...xs) : 1;
  const yMin = options.diagonal ? 0 : (options.yMin ?? (ys.length > 0 ? Math.min(...ys) : 0));
  const yMax = options.diagonal ? 1 : (options.yMax ?? (ys.length > 0 ? Math.max(...ys) : 1));
  const px = (value: number): number =>
    margin.left + (xMax === xMin ? plotWidth / 2 : ((toX(value) - xMin) / (xMax - xMin)) * plotWidth);
  const py = (value: number): number =>
    margin.top +
    plotHeight -
    (yMax === yMin ? plotHeight / 2 : ((value - yMin) / (yMax - yMin)) * plotHeight);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<text x="${margin.left}" y="20" font-size="14" font-weight="bold">${escapeHtml(options.title)}</text>`,
  );
  const xTicks = options.logX
    ? [...new Set(points.map((point) => point.x))].sort((left, right) => left - right)
    : niceTicks(xMin, xMax, 6);
  for (const tick of xTicks) {
    const x = px(tick);
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="${margin.top}" x2="${x.toFixed(1)}" y2="${margin.top + plotHeight}" stroke="#eee"/>`,
      `<text x="${x.toFixed(1)}" y="${margin.top + plotHeight + 16}" text-anchor="middle">${formatTick(tick)}</text>`,
    );
  }
  for (const tick of niceTicks(yMin, yMax, 5)) {
    const y = py(tick);
    parts.push(
      `<line x1="${margin.left}" y1="${y.toFixed(1)}" x2="${margin.left + plotWidth}" y2="${y.toFixed(1)}" stroke="#eee"/>`,
      `<text x="${margin.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${formatTick(tick)}</text>`,
    );
  }
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`,
    `<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
    `<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(options.yLabel)}</text>`,
  );
  if (options.diagonal) {
    parts.push(
      `<line x1="${px(0).toFixed(1)}" y1="${py(0).toFixed(1)}" x2="${px(1).toFixed(1)}" y2="${py(1).toFixed(1)}" stroke="#999" stroke-dasharray="4 3"/>`,
    );
  }
  if (points.length === 0) parts.push(`<text x="${margin.left + 12}" y="${margin.top + 20}">no data</text>`);
  series.forEach((entry, index) => {
    const colour = PALETTE[index % PALETTE.length] as string;
    const sorted = [...entry.points].sort((left, right) => left.x - right.x);
    const banded = sorted.filter((point) => point.low !== undefined && point.high !== undefined);
    if (banded.length > 1) {
      const upper = banded.map((point) => `${px(point.x).toFixed(1)},${py(point.high as number).toFixed(1)}`);
      const lower = banded
        .map((point) => `${px(point.x).toFixed(1)},${py(point.low as number).toFixed(1)}`)
        .reverse();
      parts.push(
        `<polygon points="${[...upper, ...lower].join(' ')}" fill="${colour}" fill-opacity="0.15" stroke="none"/>`,
      );
    }
    const line = sorted.map((point) => `${px(point.x).toFixed(1)},${py(point.y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${line}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const point of sorted) {
      parts.push(
        `<circle cx="${px(point.x).toFixed(1)}" cy="${py(point.y).toFixed(1)}" r="3" fill="${colour}"><title>${escapeHtml(
          `${entry.name}: ${formatTick(point.x)} -> ${point.y.toFixed(4)}`,
        )}</title></circle>`,
      );
    }
    const legendY = margin.top + 8 + index * 18;
    parts.push(
      `<line x1="${width - margin.right + 12}" y1="${legendY}" x2="${width - margin.right + 32}" y2="${legendY}" stroke="${colour}" stroke-width="3"/>`,
      `<text x="${width - margin.right + 38}" y="${legendY + 4}">${escapeHtml(entry.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
