import { describe, expect, it } from 'vitest';
import type { Plan, Review } from '../../../shared/contracts/plans';
import type { AuditEntry } from '../../../shared/schemas/system';
import type { Page } from '../../../shared/schemas/common';
import { testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';
import { loadRows } from './samples';

const generate = (wb: TestWorkbench) =>
  wb.dispatch('plans:generate', {
    scope: { type: 'region', code: 'EAST' },
    period: '2026-10',
  }) as Promise<Plan>;

const stored = (wb: TestWorkbench, id: string) =>
  (wb.db.prepare('SELECT content_json AS c FROM plans WHERE id = ?').get(id) as { c: string }).c;

async function trail(wb: TestWorkbench, id: string, entityType = 'plans'): Promise<AuditEntry[]> {
  const page = (await wb.dispatch('audit:list', {
    entityType,
    entityId: id,
    offset: 0,
    limit: 100,
    sort: [{ field: 'id', dir: 'asc' }],
  })) as Page<AuditEntry>;
  return page.rows;
}

/**
 * A plan's content (megabytes for a region) is kept once in the trail, not twice: whole in
 * the `before` of the change that replaces it, by its size in the `after` of the write that
 * stored it (the row holds it until then). Every version is still on record.
 */
describe('the audit trail of a plan', () => {
  it('keeps each version of the content once: by size after a write, whole before the next change', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    await loadRows(wb, [
      ['EAST-001', '2026-10', 'CS-FCR', 70],
      ['EAST-002', '2026-10', 'NET-DCR', 0.8],
    ]);

    const plan = await generate(wb);
    const first = stored(wb, plan.id);
    const [created] = await trail(wb, plan.id);
    expect(created).toMatchObject({ action: 'create', before: null });
    expect(created!.after).toMatchObject({
      id: plan.id,
      stage: 'plan',
      content_json: { bytes: Buffer.byteLength(first) },
    });

    // The same data at the same moment: nothing changed, nothing recorded.
    await generate(wb);
    expect(await trail(wb, plan.id)).toHaveLength(1);

    // New data: the draft is regenerated in place; the trail keeps the first content whole.
    await loadRows(wb, [['EAST-001', '2026-10', 'CS-SAT', 60]], 'regional_audit');
    wb.setNow('2026-11-03T08:00:00.000Z');
    const again = await generate(wb);
    expect(again.id).toBe(plan.id);
    const second = stored(wb, plan.id);
    expect(second).not.toBe(first);
    const [, regenerated] = await trail(wb, plan.id);
    expect(regenerated).toMatchObject({ action: 'update', before: { content_json: first } });
    expect(regenerated!.after).toMatchObject({ content_json: { bytes: Buffer.byteLength(second) } });

    // Moving on to Do replaces nothing in the content but the row changes: before is whole.
    await wb.dispatch('plans:advance', { id: plan.id, to: 'do' });
    const entries = await trail(wb, plan.id);
    expect(entries.at(-1)).toMatchObject({
      action: 'update',
      before: { stage: 'plan', content_json: second },
      after: { stage: 'do', content_json: { bytes: Buffer.byteLength(second) } },
    });
    wb.close();
  });
});

/**
 * The review page saves the decisions and objectives as they are typed: each change is one
 * entry, the same text again none, and no entry copies the snapshot into its `after`.
 */
describe('the audit trail of a review', () => {
  it('records each change of the typed text once, nothing for the same text, the snapshot by size after', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    await loadRows(wb, [['EAST-001', '2026-10', 'CS-FCR', 70]]);
    const review = (await wb.dispatch('reviews:create', {
      scope: { type: 'region', code: 'EAST' },
      period: '2026-10',
    })) as Review;
    const snapshot = (
      wb.db.prepare('SELECT snapshot_json AS s FROM reviews WHERE id = ?').get(review.id) as { s: string }
    ).s;
    wb.setNow('2026-11-20T08:00:01.000Z');
    await wb.dispatch('reviews:update', { id: review.id, decisions: '网络维护中心' });
    wb.setNow('2026-11-20T08:00:02.000Z');
    const typed = (await wb.dispatch('reviews:update', {
      id: review.id,
      decisions: '网络维护中心 12 月底前完成',
    })) as Review;
    wb.setNow('2026-11-20T08:00:03.000Z');
    // Sent again (a save on leaving the page, nothing typed since): nothing written.
    const again = (await wb.dispatch('reviews:update', {
      id: review.id,
      decisions: '网络维护中心 12 月底前完成',
      objectives: '',
    })) as Review;
    expect(again.updatedAt).toBe(typed.updatedAt);
    const entries = await trail(wb, review.id, 'reviews');
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(entries[2]).toMatchObject({
      before: { decisions: '网络维护中心' },
      after: {
        decisions: '网络维护中心 12 月底前完成',
        snapshot_json: { bytes: Buffer.byteLength(snapshot) },
      },
    });
    wb.close();
  });
});
