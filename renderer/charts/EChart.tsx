/**
 * One ECharts instance in a div, from echarts/core with only the charts and components the
 * workbench draws (tree-shaken: the full build is several times larger). The option is set
 * whole on every change; a click on a data item is reported with its series and data index,
 * so a page can open the rows behind the figure.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** A chart's element, carrying its instance (see the effect below). */
export type ChartElement = HTMLDivElement & { chart?: echarts.ECharts };

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  /** The item's value as given in the option (for a heatmap, [x, y, value]). */
  value: unknown;
}

export interface EChartProps {
  option: ChartOption;
  height?: number;
  onClick?: (click: ChartClick) => void;
  testId?: string;
  /** Read by screen readers and tests: what the figure shows. */
  label: string;
}

export function EChart({ option, height = 300, onClick, testId, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const instance = echarts.init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // The end-to-end tests ask the chart where a data item is drawn, then click there for real.
    (box.current as ChartElement).chart = instance;
    instance.on('click', (p) => {
      const e = p as { seriesIndex?: number; dataIndex: number; value: unknown };
      clickRef.current?.({ seriesIndex: e.seriesIndex ?? 0, dataIndex: e.dataIndex, value: e.value });
    });
    // Marks the figure drawn (animations done), so a test clicks it where it will stay.
    instance.on('finished', () => box.current?.setAttribute('data-ready', 'true'));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    box.current?.setAttribute('data-ready', 'false');
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
