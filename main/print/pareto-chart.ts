/**
 * The Pareto chart as SVG, rendered by ECharts on the server (no DOM): bars of weighted gap
 * per standard, largest first, and the cumulative share as a line against the 80 % cut.
 * Inline SVG prints as vectors into the PDF and shows the same in the app's print view.
 */
import * as echarts from 'echarts';
import type { ParetoRow } from '../../shared/plans/types';
import type { Lang } from '../../shared/messages';
import { CJK_FONT } from './html';

export function paretoSvg(rows: readonly ParetoRow[], lang: Lang, width = 1000, height = 300): string {
  const shown = rows.slice(0, 15);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: CJK_FONT },
    // The legend has a band of its own above the plot: with the plot's top at 30 the line's
    // labels near 100 % (97.8%) were printed under it.
    grid: { left: 60, right: 60, top: 52, bottom: 70 },
    legend: { top: 0 },
    xAxis: {
      type: 'category',
      data: shown.map((r) => r.label[lang]),
      axisLabel: { interval: 0, rotate: shown.length > 8 ? 30 : 0, fontSize: 11 },
    },
    yAxis: [
      { type: 'value', name: lang === 'zh' ? '加权差距' : 'Weighted gap' },
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        name: lang === 'zh' ? '加权差距（红：关键少数）' : 'Weighted gap (red: vital few)',
        type: 'bar',
        // The legend's swatch is the red of the vital few; the rest are drawn muted.
        itemStyle: { color: '#C0504D' },
        data: shown.map((r) => ({
          value: Number(r.score.toFixed(3)),
          itemStyle: { color: r.vital ? '#C0504D' : '#8EA9C8' },
        })),
      },
      {
        name: lang === 'zh' ? '累计占比' : 'Cumulative',
        type: 'line',
        yAxisIndex: 1,
        data: shown.map((r) => Number((r.cumulative * 100).toFixed(1))),
        label: { show: true, formatter: '{c}%', fontSize: 10 },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [{ yAxis: 80 }],
          lineStyle: { type: 'dashed', color: '#999' },
          label: {
            position: 'insideEndTop',
            formatter: lang === 'zh' ? '80% 分界' : '80% cut',
            color: '#777',
          },
        },
        itemStyle: { color: '#ED7D31' },
      },
    ],
  });
  const svg = stableIds(chart.renderToSVGString());
  chart.dispose();
  return svg;
}

/**
 * zrender names CSS classes and ids after per-process counters (`zr1-cls-7`); renumbered in
 * order of appearance, the same plan prints the same page whatever was drawn before it.
 */
function stableIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\bzr\d+-[a-z]+-?\d+\b/g, (id) => {
    if (!seen.has(id)) seen.set(id, `pareto-${seen.size}`);
    return seen.get(id)!;
  });
}
