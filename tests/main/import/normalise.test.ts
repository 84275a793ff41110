import { describe, expect, it } from 'vitest';
import { keysForHeader } from '../../../shared/import/aliases';
import { passReason } from '../../../shared/import/passed-rows';
import { periodInText, readDate, readPeriod } from '../../../shared/import/periods';
import { foldText } from '../../../shared/import/text';
import { readNumber } from '../../../shared/import/values';
import { detectLayout, type StandardMatcher } from '../../../main/import/detect';
import type { SheetRow } from '../../../main/import/xlsx/types';

describe('normalising cell values', () => {
  it.each([
    [95.3, undefined, { kind: 'number', value: 95.3, percent: false }],
    ['95.3', undefined, { kind: 'number', value: 95.3, percent: false }],
    ['95.3%', '%', { kind: 'number', value: 95.3, percent: true }],
    ['９５．３', undefined, { kind: 'number', value: 95.3, percent: false }],
    ['1,234.5', undefined, { kind: 'number', value: 1234.5, percent: false }],
    [' 12分钟 ', '分钟', { kind: 'number', value: 12, percent: false }],
    ['—', undefined, { kind: 'missing' }],
    ['N/A', undefined, { kind: 'missing' }],
    ['无', undefined, { kind: 'missing' }],
    ['/', undefined, { kind: 'missing' }],
    [null, undefined, { kind: 'missing' }],
    ['1,23', undefined, { kind: 'invalid' }],
    ['abc', undefined, { kind: 'invalid' }],
  ])('%j (unit %s) reads as %j', (cell, unit, expected) => {
    expect(readNumber(cell, unit)).toEqual(expected);
  });

  it.each([
    ['2026-10', '2026-10'],
    ['2026/10', '2026-10'],
    ['2026.10', '2026-10'],
    ['2026年10月', '2026-10'],
    ['2026年10月5日', '2026-10'],
    ['2026年第3季度', '2026-Q3'],
    ['2026年三季度', '2026-Q3'],
    ['2026Q3', '2026-Q3'],
    ['202610', '2026-10'],
    [2026.1, '2026-10'],
    [2026.01, '2026-01'],
    [46296, '2026-10'],
    [new Date(Date.UTC(2026, 6, 1)), '2026-07'],
    ['2026-13', null],
    ['十月', null],
  ])('period %j is %s', (cell, expected) => {
    expect(readPeriod(cell)).toBe(expected);
  });

  it('finds a period in a title row and reads dates in both date systems', () => {
    expect(periodInText('2026年10月华东区营业厅服务质量检查汇总表')).toBe('2026-10');
    expect(periodInText('华北区2026年第3季度检查')).toBe('2026-Q3');
    expect(periodInText('填报单位：区域质量管理部')).toBeNull();
    expect(readDate(46300)).toBe('2026-10-05');
    expect(readDate(44838, true)).toBe('2026-10-05');
    expect(readDate('2026年10月5日')).toBe('2026-10-05');
    expect(readDate('2026-02-30')).toBeNull();
  });

  it('matches headers whatever their width, case, script, unit suffix or line breaks', () => {
    expect(keysForHeader('網點編碼')).toEqual(['branch_code']);
    expect(keysForHeader('BRANCH\nCode')).toEqual(['branch_code']);
    expect(keysForHeader('实测值（%）')).toEqual(['value']);
    expect(keysForHeader('指标编码')).toEqual(['standard_code', 'code']);
    expect(foldText('首問解決率\n(%)')).toBe(foldText('首问解决率'));
    // Hong Kong's variants as well as Taiwan's: 衞 (HK) and 衛 (TW) are both 卫.
    expect(foldText('衞生間')).toBe('卫生间');
    expect(foldText('衛生間')).toBe('卫生间');
    expect(foldText('Branch Code')).toBe('branchcode');
  });

  it.each([
    [['合计', null, { kind: 'formula', formula: 'SUM(E5:E12)' }], 'total'],
    [['總計'], 'total'],
    ['平均 Average'.split(' '), 'average'],
    [['Total'], 'total'],
    [['备注：标“—”者为本月未检查项目。'], 'remark'],
    [['注：数据来源于系统'], 'remark'],
    [[null, '  '], 'empty'],
    [['EAST-001', '合计'], null],
  ])('row %j is passed over as %s', (cells, reason) => {
    expect(passReason(cells)).toBe(reason);
  });
});

describe('detecting a sheet from its first rows', () => {
  const matcher: StandardMatcher = {
    match: (t) => ({ 首问解决率: 'CS-FCR', 掉话率: 'NET-DCR' })[foldText(t)] ?? null,
  };
  const rows = (...r: SheetRow['cells'][]): SheetRow[] => r.map((cells, i) => ({ row: i + 1, cells }));

  it('expands a two-level header whose merged cells arrive empty from a streaming read', () => {
    const layout = detectLayout(
      rows(
        ['2026年10月华东区汇总表'],
        ['网点编码', '网点名称', '客户服务', null, '网络质量'],
        [null, null, '首问解决率(%)', '满意度', '掉话率\n(%)'],
        ['EAST-001', '上海浦东营业厅', 80, 90, 0.3],
      ),
      matcher,
      new Map(),
      new Map(),
    )!;
    expect(layout).toMatchObject({
      kind: 'measurements',
      layout: 'wide',
      headerRows: [2, 3],
      firstDataIndex: 3,
      titlePeriod: '2026-10',
    });
    expect(layout.standardColumns).toEqual([
      { index: 2, code: 'CS-FCR' },
      { index: 4, code: 'NET-DCR' },
    ]);
    expect(layout.columns.map((c) => c.header)).toEqual([
      '网点编码',
      '网点名称',
      '客户服务 / 首问解决率(%)',
      '客户服务 / 满意度',
      '网络质量 / 掉话率\n(%)',
    ]);
  });

  it('takes a title right above a one-row header for a title, and reads its period', () => {
    // Read as a two-level header, the title named every column and its period went unseen.
    const layout = detectLayout(
      rows(['2026年10月华东区服务质量考核表'], ['网点编码', '首问解决率', '掉话率'], ['EAST-001', 80, 0.3]),
      matcher,
      new Map(),
      new Map(),
    )!;
    expect(layout).toMatchObject({ headerRows: [2], firstDataIndex: 2, titlePeriod: '2026-10' });
    expect(layout.columns.map((c) => c.header)).toEqual(['网点编码', '首问解决率', '掉话率']);
  });

  it('tells standards, long measurements, actions and branches apart, and applies a user mapping', () => {
    const kind = (header: string[], user = new Map<number, string>()) => {
      const l = detectLayout(
        rows(
          header,
          header.map(() => 'x'),
        ),
        matcher,
        user,
        new Map(),
      );
      return l && [l.kind, l.layout];
    };
    expect(kind(['指标编码', '指标名称', '维度', '单位', '方向', '目标值', '预警值'])).toEqual([
      'standards',
      null,
    ]);
    expect(kind(['网点编码', '期间', '指标编码', '实测值'])).toEqual(['measurements', 'long']);
    expect(kind(['网点编码', '整改措施', '责任部门', '责任人', '完成时限'])).toEqual(['actions', null]);
    expect(kind(['区域编码', '网点编码', '网点名称'])).toEqual(['branches', null]);
    expect(kind(['网点编码', '期间', '指标编码', '得分'])).toBeNull();
    expect(kind(['网点编码', '期间', '指标编码', '得分'], new Map([[3, 'value']]))).toEqual([
      'measurements',
      'long',
    ]);
    // Its standards' 目标值 and 预警值 beside the values do not make it a standards sheet.
    expect(kind(['网点编码', '期间', '指标编码', '实测值', '目标值', '预警值'])).toEqual([
      'measurements',
      'long',
    ]);
  });

  it('gives a key to the column the user chose, not to another whose header names it', () => {
    const l = detectLayout(
      rows(['网点编码', '期间', '指标编码', '实测值', '复核值'], ['EAST-001', '2026-10', 'CS-FCR', 80, 82]),
      matcher,
      new Map([[4, 'value']]),
      new Map([[2, 'standard_name']]),
    )!;
    expect(l.keyColumn.get('value')).toBe(4);
    expect(l.keyColumn.get('standard_name')).toBe(2);
    expect(l.keyColumn.has('standard_code')).toBe(false);
    expect(l.columns.map((c) => [c.column, c.key, c.by])).toEqual([
      ['A', 'branch_code', 'alias'],
      ['B', 'period', 'alias'],
      ['C', 'standard_name', 'memory'],
      ['D', null, null],
      ['E', 'value', 'user'],
    ]);
  });
});
