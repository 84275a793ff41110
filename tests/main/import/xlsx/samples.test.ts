import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../../../helpers/workbench';
import { readBook, rowOf } from './build';

/**
 * What the reader hands the import pipeline for the sample workbooks (written by openpyxl):
 * the raw cells, before any detection or normalising.
 */

const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe('sample workbooks as read', () => {
  it('east wide: merged title row, two-level header, text percentages, formulas without results', async () => {
    const [sheet] = (await readBook(path.join(SAMPLES, 'east-2026-10-wide.xlsx'))).sheets;
    expect(sheet!.info.name).toBe('2026年10月');
    expect(rowOf(sheet!, 1)).toEqual(['2026年10月华东区营业厅服务质量检查汇总表']);
    expect(sheet!.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 17 });
    // Two header rows: dimension names merged across their standards, then the standards.
    expect(rowOf(sheet!, 3)!.slice(0, 8)).toEqual([
      '区域编码',
      '区域',
      '网点编码',
      '网点名称',
      '网络质量',
      null,
      null,
      '客户服务',
    ]);
    expect(sheet!.merges).toContainEqual({ top: 3, left: 5, bottom: 3, right: 7 });
    expect(sheet!.merges).toContainEqual({ top: 3, left: 1, bottom: 4, right: 1 });
    expect(rowOf(sheet!, 4)!.slice(4, 6)).toEqual(['掉话率(%)', '网络接通率(%)']);
    expect(rowOf(sheet!, 6)!.slice(0, 6)).toEqual([
      'EAST',
      '华东区',
      'EAST-002',
      '上海徐汇营业厅',
      0.3,
      99.19,
    ]);
    expect(rowOf(sheet!, 6)![14]).toBe('90.62%');
    expect(rowOf(sheet!, 13)![0]).toBe('合计');
    expect(rowOf(sheet!, 13)![4]).toEqual({ kind: 'formula', formula: 'SUM(E5:E12)' });
    expect(rowOf(sheet!, 15)).toEqual(['备注：标“—”者为本月未检查项目。']);
  });

  it('north long: one sheet per month, periods and inspection dates as dates, an average formula row', async () => {
    const book = await readBook(path.join(SAMPLES, 'north-2026-q3-long.xlsx'));
    expect(book.sheets.map((s) => s.info.name)).toEqual(['7月', '8月', '9月']);
    const july = book.sheets[0]!;
    expect(rowOf(july, 1)).toEqual([
      '区域',
      '网点编码',
      '网点名称',
      '统计周期',
      '指标编码',
      '实测值',
      '检查人',
      '检查日期',
      '备注',
    ]);
    const first = rowOf(july, 2)!;
    expect(first[3]).toEqual(date('2026-07-01'));
    expect(first[7]).toBeInstanceOf(Date);
    const last = july.rows.at(-1)!;
    expect(last.cells[0]).toBe('平均');
    expect(last.cells[5]).toEqual({ kind: 'formula', formula: `AVERAGE(F2:F${last.row - 1})` });
  });

  it('south actions: due dates as dates, statuses as text', async () => {
    const [sheet] = (await readBook(path.join(SAMPLES, 'south-actions.xlsx'))).sheets;
    expect(rowOf(sheet!, 2)).toEqual([
      'SOUTH-001',
      'NET-BBS',
      '广州天河营业厅宽带速率达标率未达标',
      '流程',
      '高峰时段人手不足',
      '增加高峰时段值守人员并开展专项培训',
      '网络运维部',
      '黄强',
      date('2026-12-14'),
      '进行中',
    ]);
  });

  it('standards and branches: plain tables', async () => {
    const [standards] = (await readBook(path.join(SAMPLES, 'standards.xlsx'))).sheets;
    expect(rowOf(standards!, 1)!.slice(0, 4)).toEqual(['指标编码', '指标名称', '英文名称', '维度']);
    const [branches] = (await readBook(path.join(SAMPLES, 'branches.xlsx'))).sheets;
    expect(rowOf(branches!, 1)!.slice(0, 4)).toEqual(['区域编码', '区域名称', '网点编码', '网点名称']);
    expect(branches!.rows.length).toBe(27);
  });
});
