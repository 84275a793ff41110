import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/contracts/plans';
import type { AuditEntry } from '../../../shared/schemas/system';
import type { Page } from '../../../shared/schemas/common';
import { testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';
import { generatePlan } from './east-2026-10';
import { loadRows } from './samples';

const FCR = 'EAST-001/CS-FCR';
const typed = {
  action: '每周复盘未解决工单',
  department: '客户服务中心',
  owner: '李娜',
  dueDate: '2026-12-15',
};

async function setUp(): Promise<{ wb: TestWorkbench; plan: Plan }> {
  const wb = testWorkbench();
  await withOrganisation(wb);
  await loadRows(wb, [
    ['EAST-001', '2026-10', 'CS-FCR', 70], // fail
    ['EAST-002', '2026-10', 'NET-DCR', 0.8], // warning
  ]);
  return { wb, plan: await generatePlan(wb) };
}

const saveDrafts = (wb: TestWorkbench, id: string, drafts: unknown[]) =>
  wb.dispatch('plans:saveDrafts', { id, drafts });
const get = async (wb: TestWorkbench, id: string) => (await wb.dispatch('plans:get', { id })) as Plan;

/**
 * What an officer types into the plan's proposed actions is kept with the plan in the
 * database, so a reload, another page or a closed window loses none of it.
 */
describe('drafts of a plan’s proposed actions', () => {
  it('are stored with the plan, merged draft by draft, and read back with it', async () => {
    const { wb, plan } = await setUp();
    expect(plan.content.drafts).toBeUndefined();

    await saveDrafts(wb, plan.id, [{ key: FCR, ...typed }]);
    // A half-done draft is kept as typed: no owner yet, a date still being written.
    await saveDrafts(wb, plan.id, [
      { key: 'EAST-002/NET-DCR', action: '', department: '网络维护中心', owner: '', dueDate: '2026-1' },
    ]);
    const stored = JSON.parse(
      (wb.db.prepare('SELECT content_json AS c FROM plans WHERE id = ?').get(plan.id) as { c: string }).c,
    ) as Plan['content'];
    expect(stored.drafts).toEqual({
      [FCR]: typed,
      'EAST-002/NET-DCR': { action: '', department: '网络维护中心', owner: '', dueDate: '2026-1' },
    });
    expect((await get(wb, plan.id)).content.drafts?.[FCR]).toEqual(typed);

    // Audited as every write is: the row before and after.
    const trail = (await wb.dispatch('audit:list', {
      entityType: 'plans',
      entityId: plan.id,
      offset: 0,
      limit: 100,
      sort: [{ field: 'id', dir: 'asc' }],
    })) as Page<AuditEntry>;
    expect(trail.rows.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    wb.close();
  });

  it('survive the plan being regenerated from new data, for the gaps it still has', async () => {
    const { wb, plan } = await setUp();
    await saveDrafts(wb, plan.id, [{ key: FCR, ...typed }]);
    await loadRows(wb, [['EAST-002', '2026-10', 'CS-FCR', 60]], 'regional_audit');
    const again = await generatePlan(wb);
    expect(again.id).toBe(plan.id);
    expect(again.content.gaps.map((g) => g.key)).toContain('EAST-002/CS-FCR');
    expect(again.content.drafts).toEqual({ [FCR]: typed });
    wb.close();
  });

  it('are refused for a gap the plan does not have, and once the plan is past Do, writing nothing', async () => {
    const { wb, plan } = await setUp();
    await expect(saveDrafts(wb, plan.id, [{ key: 'EAST-009/CS-FCR', ...typed }])).rejects.toMatchObject({
      field: 'drafts.0.key',
    });
    await wb.dispatch('plans:advance', { id: plan.id, to: 'do' });
    await saveDrafts(wb, plan.id, [{ key: FCR, ...typed }]);
    await wb.dispatch('plans:advance', { id: plan.id, to: 'check' });
    await expect(saveDrafts(wb, plan.id, [{ key: FCR, ...typed, owner: '陈静' }])).rejects.toMatchObject({
      field: 'stage',
    });
    expect((await get(wb, plan.id)).content.drafts).toEqual({ [FCR]: typed });
    wb.close();
  });
});
