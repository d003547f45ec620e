import { type ChartSeries, htmlReport, lineChartSvg, type ReportBlock } from '../report/index.js';
import type { CurvePoint } from './summarize-runs.js';

function seriesBy(points: readonly CurvePoint[], x: (point: CurvePoint) => number): ChartSeries[] {
  const names = [...new Set(points.map((point) => point.strategy))];
  return names.map((name) => ({
    name,
    points: points
      .filter((point) => point.strategy === name)
      .map((point) => ({
        x: x(point),
        y: point.accuracy,
        ...(point.seeds > 1
          ? { low: point.accuracy - point.halfWidth, high: point.accuracy + point.halfWidth }
          : {}),
      })),
  }));
}

/** The search report: accuracy vs budget and vs generated tokens per strategy, and the table. */
export function searchReportHtml(
  title: string,
  points: readonly CurvePoint[],
  notes: readonly string[] = [],
): string {
  const blocks: ReportBlock[] = [
    ...notes.map((text): ReportBlock => ({ kind: 'paragraph', text })),
    {
      kind: 'svg',
      svg: lineChartSvg(
        seriesBy(points, (point) => point.budget),
        {
          title: 'Accuracy vs budget',
          xLabel: 'budget N (samples, beams or particles)',
          yLabel: 'accuracy',
          logX: true,
        },
      ),
    },
    {
      kind: 'svg',
      svg: lineChartSvg(
        seriesBy(points, (point) => point.completionTokens),
        {
          title: 'Accuracy vs generated tokens per problem',
          xLabel: 'generated tokens per problem (mean)',
          yLabel: 'accuracy',
          logX: true,
        },
      ),
    },
    {
      kind: 'table',
      table: {
        caption: 'Per strategy and budget (accuracy: mean over seeds, 95% half-width over seeds)',
        header: [
          'strategy',
          'budget',
          'accuracy',
          '± 95%',
          'seeds',
          'problems',
          'tokens/problem',
          'ms/problem',
          'errors',
        ],
        rows: points.map((point) => [
          point.strategy,
          point.budget,
          point.accuracy,
          point.halfWidth,
          point.seeds,
          point.problems,
          Math.round(point.completionTokens),
          Math.round(point.wallMs),
          point.errors,
        ]),
      },
    },
  ];
  return htmlReport(title, blocks);
}
