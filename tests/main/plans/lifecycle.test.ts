import path from 'node:path';
import ExcelJS from 'exceljs';
import { planHtml } from '../../../main/print/plan-html';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/contracts/plans';
import type { AppError } from '../../../shared/errors';
import type { Standard } from '../../../shared/schemas/standard';
import { count, testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';
import { planWorkbook } from '../../../main/plans/xlsx';
import { generatePlan } from './east-2026-10';
import { loadRows } from './samples';

async function setUp(): Promise<TestWorkbench> {
  const wb = testWorkbench();
  await withOrganisation(wb);
  await loadRows(wb, [
    ['EAST-001', '2026-09', 'CS-FCR', 78],
    ['EAST-001', '2026-10', 'CS-FCR', 70], // fail: target 85, warning 75
    ['EAST-001', '2026-10', 'CS-SAT', 92], // pass
    ['EAST-002', '2026-10', 'NET-DCR', 0.8], // warning: lower is better, target 0.5, warning 1
  ]);
  return wb;
}

const call = <T>(wb: TestWorkbench, channel: string, input: unknown) =>
  wb.dispatch(channel, input) as Promise<T>;

describe('a plan round the PDCA cycle', () => {
  it('links open actions, creates confirmed ones, shows closed and open gaps in Check, and carries the open one on', async () => {
    const wb = await setUp();
    const existing = await call<{ id: string }>(wb, 'actions:create', {
      branchCode: 'EAST-002',
      standardCode: 'NET-DCR',
      action: '优化切换参数',
      department: '网络维护中心',
      owner: '黄强',
      dueDate: '2026-11-30',
    });

    const plan = await generatePlan(wb);
    // A warned dropped-call ratio outranks a failed FCR: 2 x 0.3/0.5 = 1.2 against 2 x 15/85 = 0.35.
    expect(plan.content.gaps.map((g) => [g.key, g.verdict, g.score])).toEqual([
      ['EAST-002/NET-DCR', 'warning', 1.2],
      ['EAST-001/CS-FCR', 'fail', 0.3529411765],
    ]);
    const [dcr, fcr] = plan.content.gaps;
    expect(fcr!.history.map((h) => h.value)).toEqual([78, 70]);
    expect(fcr!.trend).toBe('worsening');
    expect(fcr!.proposed?.department).toBe('客户服务中心');
    expect(dcr!.linkedActions.map((a) => a.id)).toEqual([existing.id]);
    expect(dcr!.proposed).toBeNull();
    expect(plan.content.summary).toMatchObject({ linkedCount: 1, proposedCount: 1 });
    // Listed with the plan's actions, as it stands now (the list held only those the plan made).
    expect(plan.linkedActions.map((a) => [a.id, a.branchName, a.status])).toEqual([
      [existing.id, '上海徐汇营业厅', 'open'],
    ]);

    // The same data gives the same plan: a draft is regenerated in place, not duplicated.
    const again = await generatePlan(wb);
    expect(again.id).toBe(plan.id);
    expect(again.content.gaps).toEqual(plan.content.gaps);
    expect(count(wb, 'plans')).toBe(1);

    await expect(
      wb.dispatch('plans:confirmActions', {
        id: plan.id,
        actions: [
          { key: 'EAST-002/NET-DCR', department: '网络维护中心', owner: '黄强', dueDate: '2026-11-30' },
        ],
      }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    const withActions = await call<Plan>(wb, 'plans:confirmActions', {
      id: plan.id,
      actions: [{ key: 'EAST-001/CS-FCR', department: '客户服务中心', owner: '陈静', dueDate: '2026-11-30' }],
    });
    expect(withActions.actions).toMatchObject([
      { branchCode: 'EAST-001', standardCode: 'CS-FCR', planId: plan.id, owner: '陈静', status: 'open' },
    ]);
    expect(count(wb, 'actions')).toBe(2);
    // The counts as they stand, not as on the day the plan was made (as the page, workbook and PDF show them).
    expect(withActions.content.summary).toMatchObject({ linkedCount: 2, proposedCount: 0 });

    await expect(wb.dispatch('plans:advance', { id: plan.id, to: 'check' })).rejects.toMatchObject({
      key: 'statusJump',
    });
    await wb.dispatch('plans:advance', { id: plan.id, to: 'do' });
    await wb.dispatch('plans:advance', { id: plan.id, to: 'check' });

    // November: the first-contact gap closed, the dropped-call one got worse.
    await loadRows(wb, [
      ['EAST-001', '2026-11', 'CS-FCR', 88],
      ['EAST-002', '2026-11', 'NET-DCR', 0.9],
    ]);
    const checked = await call<Plan>(wb, 'plans:get', { id: plan.id });
    expect(checked.content.check!.results).toEqual([
      {
        key: 'EAST-002/NET-DCR',
        beforePeriod: '2026-10',
        before: 0.8,
        afterPeriod: '2026-11',
        after: 0.9,
        afterVerdict: 'warning',
        improvement: -0.1,
        status: 'not_closed',
      },
      {
        key: 'EAST-001/CS-FCR',
        beforePeriod: '2026-10',
        before: 70,
        afterPeriod: '2026-11',
        after: 88,
        afterVerdict: 'pass',
        improvement: 18,
        status: 'closed',
      },
    ]);

    const out = path.join(wb.dir, 'check.xlsx');
    await wb.dispatch('plans:export', { id: plan.id, format: 'xlsx', path: out, lang: 'zh' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const check = book.getWorksheet('检查 C')!;
    const rowOf = (code: string) =>
      [4, 5].map((n) => check.getRow(n)).find((r) => r.getCell(3).value === code)!;
    expect([
      rowOf('CS-FCR').getCell(7).value,
      rowOf('CS-FCR').getCell(9).value,
      rowOf('CS-FCR').getCell(12).value,
    ]).toEqual([70, 88, '已关闭']);
    expect([
      rowOf('NET-DCR').getCell(7).value,
      rowOf('NET-DCR').getCell(9).value,
      rowOf('NET-DCR').getCell(12).value,
    ]).toEqual([0.8, 0.9, '未关闭']);

    await wb.dispatch('plans:advance', { id: plan.id, to: 'act' });
    await expect(wb.dispatch('plans:advance', { id: plan.id, to: 'closed' })).rejects.toMatchObject({
      field: 'stage',
    });
    const { plan: acted, nextPlan } = await call<{ plan: Plan; nextPlan: Plan | null }>(wb, 'plans:act', {
      id: plan.id,
      standardised: [
        { standardCode: 'CS-FCR', branchCode: 'EAST-001', procedure: '首问负责制纳入班前会和绩效考核' },
        {
          standardCode: 'NET-DCR',
          procedure: '掉话率目标按新网络条件调整',
          newTarget: 0.6,
          newWarning: 1.1,
          effectiveFrom: '2026-12-01',
        },
      ],
    });
    expect(acted.content.act).toMatchObject({
      carriedOver: ['EAST-002/NET-DCR'],
      nextPlanId: nextPlan!.id,
      standardised: [
        { standardCode: 'CS-FCR', newVersion: null },
        {
          standardCode: 'NET-DCR',
          newVersion: { version: 2, target: 0.6, warning: 1.1, effectiveFrom: '2026-12-01' },
        },
      ],
    });
    // The printed record names the carried gap and the standards, as the page does, not by key.
    const carried = acted.content.gaps.find((g) => g.key === 'EAST-002/NET-DCR')!;
    const zhPrint = planHtml(acted, 'zh');
    expect(zhPrint).toContain(
      `转入下一周期：${carried.branchName} ${carried.standardNameZh}（下一计划 ${nextPlan!.title}）`,
    );
    expect(zhPrint).toContain(`NET-DCR<br>${carried.standardNameZh}`);
    const enPrint = planHtml(acted, 'en');
    expect(enPrint).toContain(
      `Carried into the next cycle: ${carried.branchName} ${carried.standardNameEn} (next plan `,
    );
    expect(enPrint).not.toContain('EAST-002/NET-DCR');
    const versions = await call<Standard[]>(wb, 'standards:history', { code: 'NET-DCR' });
    expect(versions.map((v) => v.target)).toEqual([0.5, 0.6]);

    expect(nextPlan).toMatchObject({ period: '2026-11', stage: 'plan', previousPlanId: plan.id });
    // Named by its title where the plan points at it (the Act sheet printed its id).
    expect(acted.nextPlanTitle).toBe(nextPlan!.title);
    const act = planWorkbook(acted, 'zh').getWorksheet('处理 A')!;
    const nextRow = act.getColumn(1).values.findIndex((v) => v === '下一周期计划');
    expect(act.getRow(nextRow).getCell(2).value).toBe(nextPlan!.title);
    expect(nextPlan!.content.gaps.map((g) => [g.key, g.value, g.carriedFrom])).toEqual([
      ['EAST-002/NET-DCR', 0.9, plan.id],
    ]);
    expect(nextPlan!.content.gaps[0]!.linkedActions.map((a) => a.id)).toEqual([existing.id]);

    const closed = await call<Plan>(wb, 'plans:advance', { id: plan.id, to: 'closed' });
    expect(closed.stage).toBe('closed');
    const audit = wb.db
      .prepare("SELECT action FROM audit_log WHERE entity_type = 'plans' AND entity_id = ?")
      .all(plan.id);
    expect(audit.length).toBeGreaterThanOrEqual(6);
    wb.close();
  });

  it('says in Chinese what a stage allows, naming stages and gaps as the pages do', async () => {
    const wb = await setUp();
    const plan = await generatePlan(wb);
    const zhOf = (channel: string, input: unknown) =>
      wb.dispatch(channel, input).then(
        () => 'accepted',
        (e: AppError) => e.localized('zh'),
      );
    expect(
      await zhOf('plans:confirmActions', {
        id: plan.id,
        actions: [
          { key: 'EAST-009/CS-FCR', department: '客户服务中心', owner: '陈静', dueDate: '2026-11-30' },
        ],
      }),
    ).toBe('差距：本计划中没有差距 EAST-009/CS-FCR');
    expect(await zhOf('plans:act', { id: plan.id, standardised: [], carryOver: true })).toBe(
      '阶段：计划处于“计划”阶段；此操作需要“处理”阶段',
    );
    expect(await zhOf('plans:advance', { id: plan.id, to: 'check' })).toBe(
      '不能从“计划”直接变为“检查”；允许的下一状态：执行',
    );
    for (const to of ['do', 'check', 'act']) await wb.dispatch('plans:advance', { id: plan.id, to });
    const late = await wb
      .dispatch('plans:confirmActions', {
        id: plan.id,
        actions: [
          { key: 'EAST-001/CS-FCR', department: '客户服务中心', owner: '陈静', dueDate: '2026-11-30' },
        ],
      })
      .catch((e: AppError) => e);
    expect((late as AppError).localized('zh')).toBe('阶段：计划处于“处理”阶段；此操作需要“计划”或“执行”阶段');
    expect((late as AppError).localized('en')).toBe('stage: the plan is in Act; this needs Plan or Do');
    expect(await zhOf('plans:advance', { id: plan.id, to: 'closed' })).toBe(
      '阶段：关闭前请先在“处理”阶段记录已标准化和转入下一轮的内容',
    );
    expect(await zhOf('plans:get', { id: '00000000-0000-4000-8000-000000000000' })).toBe(
      '找不到改进计划（00000000-0000-4000-8000-000000000000）',
    );
    wb.close();
  });
});
