import { describe, expect, it } from 'vitest';
import type { DashboardOverview } from '../../../shared/contracts/dashboard';
import { testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';
import { loadRows } from '../plans/samples';

async function setUp(): Promise<TestWorkbench> {
  const wb = testWorkbench({ now: '2026-11-02T08:00:00.000Z' });
  await withOrganisation(wb);
  await wb.dispatch('regions:create', { code: 'WEST', name: '西部区' });
  await wb.dispatch('branches:create', { code: 'WEST-001', name: '成都营业厅', regionCode: 'WEST' });
  await loadRows(wb, [
    ['EAST-001', '2026-08', 'CS-FCR', 90],
    ['EAST-001', '2026-09', 'CS-FCR', 78], // warning: target 85, warning 75
    ['EAST-001', '2026-10', 'CS-FCR', 70], // fail
    ['EAST-001', '2026-10', 'CS-SAT', 92], // pass
    ['EAST-002', '2026-10', 'CS-FCR', 80], // warning
    ['EAST-002', '2026-10', 'NET-DCR', 2], // fail: lower is better, target 0.5, warning 1
    ['EAST-001', '2026-Q3', 'CS-FCR', 60], // a quarter: not in the monthly trend
    ['WEST-001', '2026-10', 'CS-FCR', 50], // outside the EAST scope
  ]);
  return wb;
}

const overview = (wb: TestWorkbench, input: unknown) =>
  wb.dispatch('dashboard:overview', input) as Promise<DashboardOverview>;

describe('dashboard:overview', () => {
  it('groups a region’s period into heatmap cells, a monthly trend and a Pareto of gaps', async () => {
    const wb = await setUp();
    const o = await overview(wb, { scope: { type: 'region', code: 'EAST' }, period: '2026-10' });

    expect(o.branches.map((b) => b.code)).toEqual(['EAST-001', 'EAST-002']);
    expect(o.standards.map((s) => s.code)).toEqual(['CS-FCR', 'CS-SAT', 'NET-DCR']);
    expect(o.cells.map((c) => [c.branchCode, c.standardCode, c.verdict])).toEqual([
      ['EAST-001', 'CS-FCR', 'fail'],
      ['EAST-001', 'CS-SAT', 'pass'],
      ['EAST-002', 'CS-FCR', 'warning'],
      ['EAST-002', 'NET-DCR', 'fail'],
    ]);
    expect(o.cells[0]!.attainment).toBeCloseTo(70 / 85, 4);

    expect(o.trend.map((p) => [p.period, p.pass, p.warning, p.fail])).toEqual([
      ['2026-08', 1, 0, 0],
      ['2026-09', 0, 1, 0],
      ['2026-10', 1, 1, 2],
    ]);

    expect(o.pareto.map((p) => [p.standardCode, p.fail, p.warning, p.cumulative])).toEqual([
      ['CS-FCR', 1, 1, 0.666667],
      ['NET-DCR', 1, 0, 1],
    ]);
    expect(o.pareto[0]!.nameZh).toBe(o.standards[0]!.nameZh);
  });

  it('counts actions by status and due-date standing, with overdue matching actions:list', async () => {
    const wb = await setUp();
    wb.setNow('2026-09-20T08:00:00.000Z'); // actions are created before they fall due
    const create = (branchCode: string, dueDate: string) =>
      wb.dispatch('actions:create', {
        branchCode,
        action: '整改',
        department: '客服',
        owner: '王伟',
        dueDate,
      }) as Promise<{
        id: string;
      }>;
    await create('EAST-001', '2026-10-15'); // overdue on 2026-11-02
    await create('EAST-001', '2026-11-05'); // due within a week
    const done = await create('EAST-002', '2026-10-01');
    await create('WEST-001', '2026-10-01'); // other region
    await wb.dispatch('actions:setStatus', { id: done.id, status: 'in_progress' });
    await wb.dispatch('actions:setStatus', { id: done.id, status: 'done' });
    wb.setNow('2026-11-02T08:00:00.000Z');

    const o = await overview(wb, { scope: { type: 'region', code: 'EAST' }, period: '2026-10' });
    expect(o.actions).toEqual([
      { status: 'done', age: 'finished', count: 1 },
      { status: 'open', age: 'due_7d', count: 1 },
      { status: 'open', age: 'overdue', count: 1 },
    ]);
    const listed = (await wb.dispatch('actions:list', { regionCode: 'EAST', overdue: true })) as {
      total: number;
    };
    expect(listed.total).toBe(1);
  });

  it('answers an empty period with empty figures, and a quarter with the quarterly trend', async () => {
    const wb = await setUp();
    const empty = await overview(wb, { scope: { type: 'all' }, period: '2025-01' });
    expect(empty).toMatchObject({ branches: [], standards: [], cells: [], trend: [], pareto: [] });

    const quarter = await overview(wb, { scope: { type: 'branch', code: 'EAST-001' }, period: '2026-Q3' });
    expect(quarter.trend.map((p) => p.period)).toEqual(['2026-Q3']);
    expect(quarter.cells).toHaveLength(1);
  });

  it('lists the periods with measurements, latest first', async () => {
    const wb = await setUp();
    // An inspection without values yet is no period to open the dashboard on.
    await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-11' });
    expect(await wb.dispatch('dashboard:periods', {})).toEqual(['2026-10', '2026-09', '2026-08', '2026-Q3']);
  });

  it('rejects a region scope without a code, naming the field', async () => {
    const wb = await setUp();
    await expect(overview(wb, { scope: { type: 'region' }, period: '2026-10' })).rejects.toMatchObject({
      field: 'scope.code',
    });
  });
});
