import { escapeHtml } from './escape-html.js';
import { PALETTE } from './palette.js';

export interface BarGroup {
  label: string;
  values: readonly { name: string; value: number }[];
}

export interface BarChartOptions {
  title: string;
  yLabel: string;
  width?: number;
  height?: number;
}

/** A self-contained SVG of grouped bars (one colour per value name), a y axis from 0, a legend. */
export function barChartSvg(groups: readonly BarGroup[], options: BarChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 340;
  const margin = { left: 56, right: 150, top: 36, bottom: 48 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const names = groups[0]?.values.map((value) => value.name) ?? [];
  const top = Math.max(1, ...groups.flatMap((group) => group.values.map((value) => value.value)));
  const py = (value: number): number => margin.top + plotHeight - (value / top) * plotHeight;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<text x="${margin.left}" y="20" font-size="14" font-weight="bold">${escapeHtml(options.title)}</text>`,
  ];
  if (groups.length === 0) {
    parts.push(`<text x="${margin.left}" y="${margin.top + 20}">no data</text>`, '</svg>');
    return parts.join('\n');
  }
  for (let step = 0; step <= 4; step++) {
    const value = (top * step) / 4;
    parts.push(
      `<line x1="${margin.left}" y1="${py(value).toFixed(1)}" x2="${margin.left + plotWidth}" y2="${py(value).toFixed(1)}" stroke="#eee"/>`,
      `<text x="${margin.left - 6}" y="${(py(value) + 4).toFixed(1)}" text-anchor="end">${Number(value.toPrecision(3))}</text>`,
    );
  }
  parts.push(
    `<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(options.yLabel)}</text>`,
  );
  const groupWidth = plotWidth / groups.length;
  const barWidth = (groupWidth * 0.8) / Math.max(1, names.length);
  groups.forEach((group, groupIndex) => {
    const left = margin.left + groupIndex * groupWidth + groupWidth * 0.1;
    group.values.forEach((value, index) => {
      parts.push(
        `<rect x="${(left + index * barWidth).toFixed(1)}" y="${py(value.value).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(py(0) - py(value.value)).toFixed(1)}" fill="${PALETTE[index % PALETTE.length]}"><title>${escapeHtml(`${group.label} ${value.name}: ${value.value}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(left + groupWidth * 0.4).toFixed(1)}" y="${margin.top + plotHeight + 16}" text-anchor="middle">${escapeHtml(group.label)}</text>`,
    );
  });
  names.forEach((name, index) => {
    const y = margin.top + 8 + index * 18;
    parts.push(
      `<rect x="${width - margin.right + 12}" y="${y - 6}" width="12" height="12" fill="${PALETTE[index % PALETTE.length]}"/>`,
      `<text x="${width - margin.right + 30}" y="${y + 4}">${escapeHtml(name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
