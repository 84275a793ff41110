/**
 * An inspection moves draft -> submitted -> approved (domain.md), and once approved its values
 * are what the reviewer signed off: hand edits and deletions are refused, with nothing written,
 * until it is sent back to draft. A deleted inspection takes its measurements with it, and the
 * audit trail keeps each of them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/schemas/common';
import type { Inspection, Measurement } from '../../../shared/schemas/inspection';
import { AppError } from '../../../shared/errors';
import { count, testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';

async function inspectionWithValues(wb: TestWorkbench): Promise<{ i: Inspection; m: Measurement }> {
  await withOrganisation(wb);
  const i = (await wb.dispatch('inspections:create', {
    branchCode: 'EAST-001',
    period: '2026-10',
    kind: 'regional_audit',
  })) as Inspection;
  const m = (await wb.dispatch('measurements:upsert', {
    inspectionId: i.id,
    standardCode: 'CS-FCR',
    value: 80,
  })) as Measurement;
  await wb.dispatch('measurements:upsert', { inspectionId: i.id, standardCode: 'CS-SAT', value: 92 });
  return { i, m };
}

const setStatus = (wb: TestWorkbench, id: string, status: string) =>
  wb.dispatch('inspections:setStatus', { id, status }) as Promise<Inspection>;

async function refused(wb: TestWorkbench, channel: string, input: unknown): Promise<AppError> {
  const before = [count(wb, 'measurements'), count(wb, 'inspections'), count(wb, 'audit_log')];
  const error = await wb.dispatch(channel, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${channel} should be refused`).toBeInstanceOf(AppError);
  expect([count(wb, 'measurements'), count(wb, 'inspections'), count(wb, 'audit_log')]).toEqual(before);
  return error as AppError;
}

describe('inspection status', () => {
  it('an approved inspection refuses hand edits and deletion until it is back in draft', async () => {
    const wb = testWorkbench();
    const { i, m } = await inspectionWithValues(wb);
    expect((await setStatus(wb, i.id, 'submitted')).status).toBe('submitted');
    // Submitted is under review: the reviewer may still correct a value.
    await wb.dispatch('measurements:upsert', { inspectionId: i.id, standardCode: 'CS-FCR', value: 81 });
    expect((await setStatus(wb, i.id, 'approved')).status).toBe('approved');
    // A listing of a whole scope says whose values are read-only, row by row.
    const listed = (await wb.dispatch('measurements:list', { period: '2026-10' })) as Page<Measurement>;
    expect(listed.rows.map((r) => r.inspectionStatus)).toEqual(['approved', 'approved']);

    const edit = await refused(wb, 'measurements:upsert', {
      inspectionId: i.id,
      standardCode: 'CS-FCR',
      value: 95,
    });
    expect(edit.field).toBe('inspectionId');
    expect(edit.localized('zh')).toBe('EAST-001 2026-10 的区域检查已审核：请先退回草稿，再修改测量值或删除');
    expect(edit.localized('en')).toMatch(/is approved: send it back to draft/);
    await refused(wb, 'measurements:delete', { id: m.id });
    await refused(wb, 'inspections:delete', { id: i.id });
    const stored = wb.db.prepare('SELECT value FROM measurements WHERE id = ?').pluck().get(m.id);
    expect(stored).toBe(81);

    expect((await setStatus(wb, i.id, 'draft')).status).toBe('draft');
    const edited = (await wb.dispatch('measurements:upsert', {
      inspectionId: i.id,
      standardCode: 'CS-FCR',
      value: 95,
    })) as Measurement;
    expect(edited.value).toBe(95);
    wb.close();
  });

  it('each move is audited with the status before and after', async () => {
    const wb = testWorkbench();
    const { i } = await inspectionWithValues(wb);
    await setStatus(wb, i.id, 'submitted');
    await setStatus(wb, i.id, 'approved');
    const moves = wb.db
      .prepare(
        `SELECT json_extract(before_json, '$.status') AS before, json_extract(after_json, '$.status') AS after
           FROM audit_log WHERE entity_type = 'inspections' AND entity_id = ? AND action = 'update' ORDER BY rowid`,
      )
      .all(i.id);
    expect(moves).toEqual([
      { before: 'draft', after: 'submitted' },
      { before: 'submitted', after: 'approved' },
    ]);
    wb.close();
  });

  it('deleting a draft inspection removes its measurements and keeps each in the audit trail', async () => {
    const wb = testWorkbench();
    const { i } = await inspectionWithValues(wb);
    await wb.dispatch('inspections:delete', { id: i.id });
    expect(count(wb, 'inspections')).toBe(0);
    expect(count(wb, 'measurements')).toBe(0);
    const deleted = wb.db
      .prepare(`SELECT entity_type AS t, count(*) AS n FROM audit_log WHERE action = 'delete' GROUP BY t`)
      .all();
    expect(deleted).toEqual(
      expect.arrayContaining([
        { t: 'inspections', n: 1 },
        { t: 'measurements', n: 2 },
      ]),
    );
    wb.close();
  });
});
