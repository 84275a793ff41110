import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { count, testWorkbench, withOrganisation } from '../../helpers/workbench';
import { createReview, generatePlan } from './east-2026-10';
import { loadRows } from './samples';

describe('a management review', () => {
  it('snapshots attainment, score change, open and overdue actions and plan progress, and keeps the decisions', async () => {
    const wb = testWorkbench({ now: '2026-11-10T08:00:00.000Z' });
    await withOrganisation(wb);
    await loadRows(wb, [
      ['EAST-001', '2026-09', 'CS-FCR', 85], // attainment 1
      ['EAST-001', '2026-10', 'CS-FCR', 68], // 0.8
      ['EAST-001', '2026-10', 'NET-DCR', 0.5], // lower is better, on target: 1
      ['EAST-002', '2026-10', 'CS-FCR', 93.5], // 1.1
    ]);
    wb.setNow('2026-10-20T08:00:00.000Z');
    await wb.dispatch('actions:create', {
      branchCode: 'EAST-001',
      standardCode: 'CS-FCR',
      action: '复盘重复来电',
      department: '客户服务中心',
      owner: '陈静',
      dueDate: '2026-11-01',
    });
    wb.setNow('2026-11-10T08:00:00.000Z');
    const plan = await generatePlan(wb);

    const review = await createReview(wb);
    const s = review.snapshot;
    expect(review.title).toBe('华东区 2026-10 管理评审');
    expect(s.previousPeriod).toBe('2026-09');
    const east1 = s.branches.find((b) => b.branchCode === 'EAST-001')!;
    // CS-FCR weight 2 at 0.8, NET-DCR weight 2 at 1: (1.6 + 2) / 4 = 90.
    expect(east1).toMatchObject({ score: 90, previousScore: 100, change: -10, measured: 2 });
    expect(east1.attainment).toMatchObject({ CS: 0.8, NET: 1, PRD: null });
    expect(s.dimensionAttainment.CS).toBeCloseTo((0.8 + 1.1) / 2, 4);
    // EAST-002 was not scored in 2026-09: the change is EAST-001's alone, not 100 - 100 = 0.
    expect(s.score).toEqual({ current: 100, previous: 100, change: -10 });
    expect(s.actions).toMatchObject({
      open: 1,
      overdue: 1,
      openList: [{ branchCode: 'EAST-001', overdue: true }],
    });
    expect(s.plans).toEqual([
      expect.objectContaining({ id: plan.id, stage: 'plan', gapCount: 1, closedCount: null, actionCount: 0 }),
    ]);

    await wb.dispatch('reviews:update', {
      id: review.id,
      decisions: '首问解决率列为重点\n\n每周通报逾期措施',
      objectives: '11 月综合得分 ≥ 95',
    });
    const again = await createReview(wb);
    expect(again.id).toBe(review.id);
    expect(again.decisions).toBe('首问解决率列为重点\n\n每周通报逾期措施');
    expect(count(wb, 'reviews')).toBe(1);

    const out = path.join(wb.dir, 'review.xlsx');
    await wb.dispatch('reviews:export', { id: review.id, format: 'xlsx', path: out, lang: 'zh' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '摘要',
      '维度达成',
      '综合得分',
      '纠正措施',
      '改进计划',
    ]);
    const values = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .flat()
        .filter((v) => v !== undefined && v !== null);
    expect(values('摘要')).toEqual(
      expect.arrayContaining(['首问解决率列为重点', '每周通报逾期措施', '11 月综合得分 ≥ 95']),
    );
    expect(values('综合得分')).toEqual(expect.arrayContaining(['EAST-001', 90, 100, -10]));
    expect(values('纠正措施')).toEqual(expect.arrayContaining(['复盘重复来电', '逾期']));
    wb.close();
  });
});
