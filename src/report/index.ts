/** Self-contained HTML reports with SVG charts (search curves, evaluation plots). */
export { type BarChartOptions, type BarGroup, barChartSvg } from './bar-chart.js';
export { escapeHtml } from './escape-html.js';
export { htmlReport, type ReportBlock, type ReportTable } from './html-report.js';
export { type ChartPoint, type ChartSeries, type LineChartOptions, lineChartSvg } from './line-chart.js';
