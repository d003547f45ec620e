import { barChartSvg, htmlReport, lineChartSvg, type ReportBlock } from '../report/index.js';
import type { Chart, EvalOutcome } from './evaluator.js';

function chartSvg(chart: Chart): string {
  if (chart.kind === 'bars') return barChartSvg(chart.groups, { title: chart.title, yLabel: chart.yLabel });
  return lineChartSvg(
    chart.series.map((series) => ({ name: series.name, points: series.points.map(([x, y]) => ({ x, y })) })),
    {
      title: chart.title,
      xLabel: chart.xLabel,
      yLabel: chart.yLabel,
      ...(chart.diagonal ? { diagonal: true } : { yMin: 0 }),
    },
  );
}

/** A self-contained HTML report: the run's facts, notes, tables and SVG charts (no scripts, no network). */
export function renderReport(
  title: string,
  facts: Record<string, string | number>,
  outcome: EvalOutcome,
): string {
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      table: {
        caption: 'Run',
        header: ['what', 'value'],
        rows: Object.entries(facts).map(([key, value]) => [key, value]),
      },
    },
    ...outcome.notes.map((text): ReportBlock => ({ kind: 'paragraph', text })),
    ...outcome.tables.map(
      (table): ReportBlock => ({
        kind: 'table',
        table: { caption: table.title, header: table.header, rows: table.rows },
      }),
    ),
    ...outcome.charts.map((chart): ReportBlock => ({ kind: 'svg', svg: chartSvg(chart) })),
  ];
  return htmlReport(title, blocks);
}
