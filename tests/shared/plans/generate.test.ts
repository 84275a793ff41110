import { describe, expect, it } from 'vitest';
import { buildPlanContent, type GapSource, type PlanInputs } from '../../../shared/plans/generate';
import { compareGaps, pareto, trendOf } from '../../../shared/plans/ranking';
import { checkGaps } from '../../../shared/plans/check';
import { gapStatement } from '../../../shared/plans/texts';

const std = (
  code: string,
  dimension: string,
  direction: 'higher' | 'lower',
  target: number,
  warning: number,
  weight: number,
) => ({
  standardCode: code,
  standardNameZh: code,
  standardNameEn: code,
  dimension,
  unit: '%',
  direction,
  target,
  warning,
  weight,
});
const FCR = std('CS-FCR', 'CS', 'higher', 80, 70, 2);
const ANS = std('CS-ANS', 'CS', 'higher', 80, 70, 2);
const DCR = std('NET-DCR', 'NET', 'lower', 1, 2, 1);

const source = (branch: string, s: ReturnType<typeof std>, value: number): GapSource => ({
  branchCode: branch,
  branchName: `${branch} 营业厅`,
  regionCode: 'EAST',
  ...s,
  value,
});

const inputs = (sources: GapSource[]): PlanInputs => ({
  period: '2026-10',
  scopeName: '华东区',
  branchCount: 3,
  generatedAt: '2026-11-02T08:00:00.000Z',
  sources,
  history: new Map([
    [
      'B1/CS-FCR',
      [
        { period: '2026-09', value: 70 },
        { period: '2026-08', value: 75 },
      ],
    ],
  ]),
  openActions: new Map([
    [
      'B2/NET-DCR',
      [{ id: 'a1', action: 'x', department: 'd', owner: 'o', dueDate: '2026-11-30', status: 'open' }],
    ],
  ]),
});

const sources = [
  source('B1', FCR, 64), // fail, 2 x 16/80 = 0.4
  source('B2', ANS, 64), // fail, the same score: tie broken by branch code
  source('B2', DCR, 1.4), // warning, 1 x 0.4/1 = 0.4: a fail outranks it
  source('B3', FCR, 72), // warning, 2 x 8/80 = 0.2
  source('B3', DCR, 0.9), // pass: not a gap
  source('B1', DCR, 1.2), // warning, 1 x 0.2 = 0.2 like B3's FCR, but its larger normalised gap (0.2 > 0.1) ranks it first
];

describe('plan generation', () => {
  it('ranks by weight x normalised gap with fixed tie-breaks, whatever order the rows came in', () => {
    const plan = buildPlanContent(inputs(sources));
    expect(plan.gaps.map((g) => [g.rank, g.key])).toEqual([
      [1, 'B1/CS-FCR'],
      [2, 'B2/CS-ANS'],
      [3, 'B2/NET-DCR'],
      [4, 'B1/NET-DCR'],
      [5, 'B3/CS-FCR'],
    ]);
    const shuffled = buildPlanContent(inputs([...sources].reverse()));
    expect(shuffled).toEqual(plan);
  });

  it('builds the baseline trend, links open actions instead of proposing, and states the problem', () => {
    const plan = buildPlanContent(inputs(sources));
    const b1 = plan.gaps[0]!;
    expect(b1.history).toEqual([
      { period: '2026-08', value: 75 },
      { period: '2026-09', value: 70 },
      { period: '2026-10', value: 64 },
    ]);
    expect(b1.trend).toBe('worsening');
    expect(b1.proposed).toMatchObject({ department: '客户服务中心', dueDate: '2026-11-30', owner: '' });
    const linked = plan.gaps.find((g) => g.key === 'B2/NET-DCR')!;
    expect(linked.proposed).toBeNull();
    expect(linked.linkedActions.map((a) => a.id)).toEqual(['a1']);
    // A warning is due a period later than a fail.
    expect(plan.gaps.find((g) => g.key === 'B3/CS-FCR')!.proposed!.dueDate).toBe('2026-12-31');
    // Made in December for October: moved on a month, not due before the day it is made.
    const late = buildPlanContent({ ...inputs(sources), generatedAt: '2026-12-06T09:00:00.000Z' });
    expect(late.gaps.map((g) => g.proposed?.dueDate ?? null)).toEqual([
      '2026-12-31',
      '2026-12-31',
      null,
      '2027-01-31',
      '2027-01-31',
    ]);
    expect(plan.summary).toMatchObject({
      gapCount: 5,
      failCount: 2,
      warningCount: 3,
      linkedCount: 1,
      proposedCount: 4,
    });
    expect(Object.keys(plan.rootCausePrompts)).toEqual(['NET', 'CS']);
    expect(plan.rootCausePrompts.NET!.map((p) => p.category)).toEqual([
      'people',
      'process',
      'network',
      'product',
      'environment',
      'measurement',
    ]);
    expect(plan.countermeasures['NET-DCR']![0]!.department).toBe('网络维护中心');
    expect(plan.problem.zh).toContain('共 2 项不达标、3 项预警');
    expect(gapStatement(b1, 'zh')).toBe(
      'B1 营业厅CS-FCR为 64%（不达标），目标 ≥80%，差距 16%，近期趋势恶化。',
    );
  });

  it('says so when nothing needs improving', () => {
    const plan = buildPlanContent(inputs([source('B3', DCR, 0.9)]));
    expect(plan.gaps).toEqual([]);
    expect(plan.paretoByStandard).toEqual([]);
    expect(plan.problem.en).toContain('every standard met');
  });
});

describe('Pareto', () => {
  it('marks as vital the groups up to and including the one that crosses 80 %', () => {
    const rows = pareto(
      [5, 3, 1.5, 0.5].map((score, i) => ({ code: `S${i}`, score })),
      (x) => x.code,
      (x) => ({ zh: x.code, en: x.code }),
      (x) => x.score,
    );
    expect(rows.map((r) => [r.code, r.cumulative, r.vital])).toEqual([
      ['S0', 0.5, true],
      ['S1', 0.8, true],
      ['S2', 0.95, false],
      ['S3', 1, false],
    ]);
  });
});

describe('trend and check', () => {
  it('reads the direction of the standard into the slope', () => {
    const h = (...v: number[]) => v.map((value, i) => ({ period: `2026-0${i + 1}`, value }));
    expect(trendOf(h(1.5, 1.3, 1.1), 'lower', 1)).toBe('improving');
    expect(trendOf(h(1.5, 1.3, 1.1), 'higher', 1)).toBe('worsening');
    expect(trendOf(h(80, 80.2, 80.1), 'higher', 80)).toBe('stable');
    expect(trendOf(h(80), 'higher', 80)).toBe('new');
  });

  it('uses the latest period after the plan and ignores earlier ones', () => {
    const plan = buildPlanContent(inputs(sources));
    const t = { direction: 'higher' as const, target: 80, warning: 70 };
    const results = checkGaps(plan.gaps.slice(0, 2), '2026-10', [
      { key: 'B1/CS-FCR', period: '2026-09', value: 90, ...t },
      { key: 'B1/CS-FCR', period: '2026-11', value: 70, ...t },
      { key: 'B1/CS-FCR', period: '2026-12', value: 79, ...t },
    ]);
    expect(results.map((r) => [r.key, r.afterPeriod, r.after, r.status])).toEqual([
      ['B1/CS-FCR', '2026-12', 79, 'improved'],
      ['B2/CS-ANS', null, null, 'no_data'],
    ]);
  });

  it('orders equal scores by verdict, then normalised gap, then codes', () => {
    const base = {
      score: 1,
      verdict: 'warning' as const,
      normalisedGap: 0.5,
      branchCode: 'B',
      standardCode: 'S',
    };
    expect(compareGaps(base, { ...base, verdict: 'fail' })).toBeGreaterThan(0);
    expect(compareGaps(base, { ...base, normalisedGap: 0.6 })).toBeGreaterThan(0);
    expect(compareGaps(base, { ...base, branchCode: 'A' })).toBeGreaterThan(0);
    expect(compareGaps(base, { ...base, standardCode: 'T' })).toBeLessThan(0);
  });
});
