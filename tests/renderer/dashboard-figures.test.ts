import { describe, expect, it } from 'vitest';
import type { DashboardOverview } from '../../shared/contracts/dashboard';
import {
  actionMatrix,
  actionRowsQuery,
  heatmapCells,
  regionScores,
} from '../../renderer/pages/dashboard/figures';
import { heatmapOption, paretoOption, VERDICT_COLOURS } from '../../renderer/charts/options';
import { filtersQuery, parseActionFilters } from '../../renderer/pages/actions/filters';
import { hashLink, hashQuery } from '../../renderer/pages/dashboard/route';

describe('dashboard figures', () => {
  it('averages branch scores per region, lowest first, leaving unscored branches out of the mean', () => {
    const score = (branchCode: string, regionCode: string, s: number | null) => ({
      branchCode,
      branchName: branchCode,
      regionCode,
      score: s,
      measured: 1,
      missing: 0,
    });
    expect(
      regionScores([
        score('E1', 'EAST', 90),
        score('E2', 'EAST', 100),
        score('E3', 'EAST', null),
        score('W1', 'WEST', 80),
        score('N1', 'NORTH', null),
      ]),
    ).toEqual([
      { regionCode: 'WEST', score: 80, branches: 1 },
      { regionCode: 'EAST', score: 95, branches: 3 },
      { regionCode: 'NORTH', score: null, branches: 1 },
    ]);
  });

  it('places heatmap cells on the overview’s axes in per cent', () => {
    const o = {
      branches: [{ code: 'B1' }, { code: 'B2' }],
      standards: [{ code: 'S1' }, { code: 'S2' }],
      cells: [
        { branchCode: 'B2', standardCode: 'S1', attainment: 0.8235, verdict: 'fail' },
        { branchCode: 'B1', standardCode: 'S2', attainment: 1.2, verdict: 'pass' },
      ],
    } as unknown as DashboardOverview;
    expect(heatmapCells(o)).toEqual([
      [0, 1, 82.4, 0],
      [1, 0, 120, 2],
    ]);
    const option = heatmapOption({
      rows: ['B1', 'B2'],
      columns: ['S1', 'S2'],
      cells: heatmapCells(o),
      seriesName: 'x',
      verdictNames: { fail: '不达标', warning: '预警', pass: '达标' },
    });
    expect(option.series).toMatchObject([
      {
        type: 'heatmap',
        data: [
          [0, 1, 82.4, 0],
          [1, 0, 120, 2],
        ],
      },
    ]);
  });

  it('colours a heatmap cell by its verdict, not by a band of attainment', () => {
    // 87.9% of a 90 target with an 85 threshold is 预警; the bands coloured it as a fail.
    const o = {
      branches: [{ code: 'B1' }],
      standards: [{ code: 'S1' }],
      cells: [{ branchCode: 'B1', standardCode: 'S1', attainment: 0.879, verdict: 'warning' }],
    } as unknown as DashboardOverview;
    const option = heatmapOption({
      rows: ['B1'],
      columns: ['S1'],
      cells: heatmapCells(o),
      seriesName: 'x',
      verdictNames: { fail: '不达标', warning: '预警', pass: '达标' },
    });
    const map = option.visualMap as {
      dimension: number;
      pieces: { value: number; color: string; label: string }[];
    };
    const [cell] = heatmapCells(o);
    const piece = map.pieces.find((p) => p.value === cell![map.dimension]);
    expect(piece).toEqual({ value: 1, color: VERDICT_COLOURS.warning, label: '预警' });
  });

  it('lays actions out by status with overdue as the first stack, and clicks through to matching filters', () => {
    const m = actionMatrix([
      { status: 'open', age: 'later', count: 2 },
      { status: 'open', age: 'overdue', count: 3 },
      { status: 'done', age: 'finished', count: 1 },
    ]);
    expect(m.statuses).toEqual(['open', 'done']);
    expect(m.ages).toEqual([
      { age: 'overdue', counts: [3, 0] },
      { age: 'later', counts: [2, 0] },
      { age: 'finished', counts: [0, 1] },
    ]);
    expect(actionRowsQuery('open', 'overdue')).toEqual({ status: 'open', overdue: '1' });
    expect(actionRowsQuery('open', 'later')).toEqual({ status: 'open', overdue: '0' });
    expect(actionRowsQuery('done', 'finished')).toEqual({ status: 'done' });
  });

  it('draws the Pareto with its 80 % line on the cumulative axis', () => {
    const option = paretoOption({
      labels: ['A', 'B'],
      fail: [2, 1],
      warning: [1, 0],
      cumulative: [75, 100],
      names: { fail: 'f', warning: 'w', cumulative: 'c' },
    });
    const series = option.series as {
      type: string;
      yAxisIndex?: number;
      markLine?: { data: unknown[]; label?: { show?: boolean; position?: string } };
    }[];
    expect(series.map((s) => s.type)).toEqual(['bar', 'bar', 'line']);
    expect(series[2]!.yAxisIndex).toBe(1);
    expect(series[2]!.markLine!.data).toEqual([{ yAxis: 80 }]);
    // Its label inside the plot, not at the end where the right axis draws its own 80%.
    expect(series[2]!.markLine!.label).toMatchObject({ show: true, position: 'insideEndTop' });
  });
});

describe('actions page filters', () => {
  it('reads the dashboard’s click-through query and writes it back unchanged', () => {
    const q = new URLSearchParams('status=open&overdue=1&regionCode=EAST&bogus=x');
    const f = parseActionFilters(q);
    expect(f).toEqual({ status: 'open', overdue: true, regionCode: 'EAST' });
    expect(hashLink('/actions', filtersQuery(f))).toBe('#/actions?status=open&overdue=1&regionCode=EAST');
    expect(parseActionFilters(hashQuery('#/actions?status=nonsense&overdue=maybe'))).toEqual({});
  });
});
