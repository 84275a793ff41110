/**
 * ECharts options for the dashboard's figures, built from contract data by pure functions
 * (unit-tested without a browser). Texts come in already translated, so no string here is
 * visible to a user.
 */
import type { ChartOption } from './EChart';

export const VERDICT_COLOURS = { pass: '#52c41a', warning: '#faad14', fail: '#f5222d' } as const;
const AXIS_LABEL = { fontSize: 11 };
/** Long branch lists scroll instead of squeezing the labels unreadable. */
const zoomAfter = (count: number, shown: number, orient: 'x' | 'y') =>
  count > shown
    ? [
        orient === 'x'
          ? {
              type: 'slider' as const,
              xAxisIndex: 0,
              start: 0,
              end: (shown / count) * 100,
              height: 14,
              bottom: 0,
            }
          : {
              type: 'slider' as const,
              yAxisIndex: 0,
              start: 0,
              end: (shown / count) * 100,
              width: 14,
              right: 0,
            },
      ]
    : [];

export interface Bar {
  label: string;
  value: number | null;
}

/** Composite scores as bars, 0 to 120 (the attainment cap), lowest first so problems lead. */
export function scoreBarsOption(bars: readonly Bar[], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: bars.length > 20 ? 40 : 24 },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { ...AXIS_LABEL, rotate: bars.length > 8 ? 40 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 120, axisLabel: AXIS_LABEL },
    dataZoom: zoomAfter(bars.length, 30, 'x'),
    series: [
      {
        type: 'bar',
        name: seriesName,
        // An unscored branch has no bar, not a zero one: nothing measured is not a score of 0.
        data: bars.map((b) => ({
          value: b.value,
          itemStyle: {
            color:
              b.value === null
                ? '#d9d9d9'
                : b.value >= 100
                  ? VERDICT_COLOURS.pass
                  : b.value >= 90
                    ? VERDICT_COLOURS.warning
                    : VERDICT_COLOURS.fail,
          },
        })),
        label: {
          show: bars.length <= 20,
          position: 'top',
          fontSize: 11,
          formatter: (p) => (p.value == null ? '' : String(p.value)),
          // A value just under 100 sits on the target line: the label covers it, not the reverse.
          backgroundColor: '#fff',
          padding: [0, 2],
        },
        markLine: {
          z: 1,
          silent: true,
          symbol: 'none',
          label: { show: false },
          data: [{ yAxis: 100 }],
          lineStyle: { type: 'dashed', color: '#8c8c8c' },
        },
      },
    ],
  };
}

/** Heatmap cells carry their verdict as a number: echarts' visual map colours by a dimension's value. */
export const VERDICT_RANK = { fail: 0, warning: 1, pass: 2 } as const;
const RANKED = ['fail', 'warning', 'pass'] as const;

export interface HeatmapInput {
  rows: readonly string[];
  columns: readonly string[];
  /** [column index, row index, attainment in %, VERDICT_RANK of the cell's verdict]. */
  cells: readonly [number, number, number, number][];
  seriesName: string;
  /** The verdicts' names in the page's language, for the legend and the tooltip. */
  verdictNames: Record<(typeof RANKED)[number], string>;
}

/**
 * Attainment in % per branch (rows) and standard (columns), coloured by verdict: the verdict is
 * judged against the standard's own warning threshold, so a band of attainment coloured 87.9%
 * red where the verdict was 预警 (a 90% target with an 85 threshold).
 */
export function heatmapOption(h: HeatmapInput): ChartOption {
  return {
    tooltip: {
      position: 'top',
      formatter: (p) => {
        const [x, y, v, rank] = (p as unknown as { value: [number, number, number, number] }).value;
        return `${h.rows[y]}<br/>${h.columns[x]}: <b>${v}%</b> ${h.verdictNames[RANKED[rank]!]}`;
      },
    },
    grid: { left: 8, right: 96, top: 8, bottom: 8 },
    xAxis: {
      type: 'category',
      data: [...h.columns],
      axisLabel: { ...AXIS_LABEL, rotate: 40 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: [...h.rows],
      axisLabel: AXIS_LABEL,
      inverse: true,
      splitArea: { show: true },
    },
    dataZoom: zoomAfter(h.rows.length, 25, 'y'),
    visualMap: {
      type: 'piecewise',
      orient: 'vertical',
      right: h.rows.length > 25 ? 20 : 0,
      top: 'middle',
      itemWidth: 12,
      textStyle: { fontSize: 11 },
      dimension: 3,
      pieces: RANKED.map((v) => ({
        value: VERDICT_RANK[v],
        color: VERDICT_COLOURS[v],
        label: h.verdictNames[v],
      })),
    },
    series: [
      {
        type: 'heatmap',
        name: h.seriesName,
        data: h.cells.map((c) => [...c]),
        label: { show: h.rows.length * h.columns.length <= 300, fontSize: 10 },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}

export interface TrendInput {
  periods: readonly string[];
  attainment: readonly (number | null)[];
  fail: readonly number[];
  warning: readonly number[];
  names: { attainment: string; fail: string; warning: string };
}

/** Mean attainment (line, right axis) over the periods, with fail and warning counts as bars. */
export function trendOption(t: TrendInput): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 8, right: 8, top: 28, bottom: 8 },
    xAxis: { type: 'category', data: [...t.periods], axisLabel: AXIS_LABEL },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
      { type: 'value', axisLabel: { ...AXIS_LABEL, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: t.names.fail,
        stack: 'gaps',
        data: [...t.fail],
        itemStyle: { color: VERDICT_COLOURS.fail },
      },
      {
        type: 'bar',
        name: t.names.warning,
        stack: 'gaps',
        data: [...t.warning],
        itemStyle: { color: VERDICT_COLOURS.warning },
      },
      {
        type: 'line',
        name: t.names.attainment,
        yAxisIndex: 1,
        data: [...t.attainment],
        itemStyle: { color: '#1677ff' },
        connectNulls: false,
      },
    ],
  };
}

export interface ParetoInput {
  labels: readonly string[];
  fail: readonly number[];
  /** Left out for a single measure, e.g. the plan's weighted gap. */
  warning?: readonly number[];
  /** Cumulative share in %. */
  cumulative: readonly number[];
  names: { fail: string; warning?: string; cumulative: string };
}

/** Gaps per standard, most first, with the cumulative share and the 80 % line. */
export function paretoOption(p: ParetoInput): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 8, right: 8, top: 28, bottom: p.labels.length > 15 ? 24 : 8 },
    xAxis: {
      type: 'category',
      data: [...p.labels],
      axisLabel: { ...AXIS_LABEL, rotate: p.labels.length > 5 ? 35 : 0 },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
      {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { ...AXIS_LABEL, formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    dataZoom: zoomAfter(p.labels.length, 15, 'x'),
    series: [
      {
        type: 'bar',
        name: p.names.fail,
        stack: 'gaps',
        data: [...p.fail],
        itemStyle: { color: VERDICT_COLOURS.fail },
      },
      ...(p.warning
        ? [
            {
              type: 'bar' as const,
              name: p.names.warning,
              stack: 'gaps',
              data: [...p.warning],
              itemStyle: { color: VERDICT_COLOURS.warning },
            },
          ]
        : []),
      {
        type: 'line',
        name: p.names.cumulative,
        yAxisIndex: 1,
        data: [...p.cumulative],
        itemStyle: { color: '#595959' },
        markLine: {
          silent: true,
          symbol: 'none',
          // Inside the plot, above the line's right end: at 'end' (echarts' default) the label
          // would sit on the right axis's own "80%" tick label.
          label: {
            show: true,
            position: 'insideEndTop',
            formatter: '80%',
            color: '#f5222d',
            fontSize: 11,
            distance: 2,
          },
          data: [{ yAxis: 80 }],
          lineStyle: { type: 'dashed', color: '#f5222d' },
        },
      },
    ],
  };
}

export interface StackedInput {
  categories: readonly string[];
  series: readonly { name: string; data: readonly number[]; colour: string }[];
}

/** Horizontal stacked bars: one bar per category, one stack per series (actions by status x age). */
export function stackedBarsOption(s: StackedInput): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 8, right: 16, top: 28, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    yAxis: { type: 'category', data: [...s.categories], axisLabel: AXIS_LABEL, inverse: true },
    series: s.series.map((x) => ({
      type: 'bar' as const,
      name: x.name,
      stack: 'total',
      data: [...x.data],
      itemStyle: { color: x.colour },
      label: {
        show: true,
        fontSize: 11,
        formatter: (p: { value: unknown }) => (p.value ? String(p.value) : ''),
      },
    })),
  };
}
