/**
 * A deletion made by hand (an inspection with its measurements, a measurement, an action, an
 * observation) is one change: its audit entries share the change id it answers, and the actions
 * whose link to a deleted measurement the schema would clear silently are cleared as audited
 * updates of the same change, so the trail holds everything the deletion did.
 */
import { describe, expect, it } from 'vitest';
import type { CorrectiveAction } from '../../../shared/schemas/action';
import type { Deleted } from '../../../shared/schemas/common';
import type { Inspection, Measurement } from '../../../shared/schemas/inspection';
import { testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';

interface Entry {
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

const changeEntries = (wb: TestWorkbench, changeId: string) =>
  wb.db.prepare('SELECT * FROM audit_log WHERE change_id = ? ORDER BY id').all(changeId) as Entry[];

/** EAST-001's October self-assessment: CS-FCR fails (70 < 75) and has an action; CS-SAT passes. */
async function inspectionWithAction(wb: TestWorkbench) {
  await withOrganisation(wb);
  const i = (await wb.dispatch('inspections:create', {
    branchCode: 'EAST-001',
    period: '2026-10',
  })) as Inspection;
  const fail = (await wb.dispatch('measurements:upsert', {
    inspectionId: i.id,
    standardCode: 'CS-FCR',
    value: 70,
  })) as Measurement;
  const pass = (await wb.dispatch('measurements:upsert', {
    inspectionId: i.id,
    standardCode: 'CS-SAT',
    value: 99,
  })) as Measurement;
  const action = (await wb.dispatch('actions:create', {
    branchCode: 'EAST-001',
    standardCode: 'CS-FCR',
    measurementId: fail.id,
    action: '开展首问负责制培训',
    department: '客户服务部',
    owner: '黄强',
    dueDate: '2026-12-15',
  })) as CorrectiveAction;
  return { i, fail, pass, action };
}

describe('a deletion by hand is one change', () => {
  it('an inspection: its measurements, itself and the link of the action raised from one, under one change id', async () => {
    const wb = testWorkbench();
    const { i, fail, pass, action } = await inspectionWithAction(wb);
    wb.setNow('2026-11-03T09:00:00.000Z');
    const answer = (await wb.dispatch('inspections:delete', { id: i.id })) as Deleted;
    expect(answer).toEqual({ deleted: true, undo: expect.any(String) });
    const entries = changeEntries(wb, answer.undo);
    expect(entries.map((e) => [e.entity_type, e.action, e.entity_id])).toEqual([
      ['actions', 'update', action.id],
      ['measurements', 'delete', fail.id],
      ['measurements', 'delete', pass.id],
      ['inspections', 'delete', i.id],
    ]);
    // The link is cleared in the trail, not only by ON DELETE SET NULL.
    const [unlinked] = entries;
    expect(JSON.parse(unlinked!.before_json!)).toMatchObject({ measurement_id: fail.id });
    expect(JSON.parse(unlinked!.after_json!)).toMatchObject({
      measurement_id: null,
      updated_at: '2026-11-03T09:00:00.000Z',
    });
    const kept = (await wb.dispatch('actions:get', { id: action.id })) as CorrectiveAction;
    expect(kept.measurementId).toBeNull();
    wb.close();
  });

  it('a measurement, an action, an observation: each its own change', async () => {
    const wb = testWorkbench();
    const { fail, pass, action } = await inspectionWithAction(wb);
    const observation = (await wb.dispatch('findings:createObservation', {
      branchCode: 'EAST-002',
      period: '2026-10',
      description: '排队叫号屏故障',
    })) as { id: string };
    const changes = [
      (await wb.dispatch('measurements:delete', { id: fail.id })) as Deleted,
      (await wb.dispatch('measurements:delete', { id: pass.id })) as Deleted,
      (await wb.dispatch('actions:delete', { id: action.id })) as Deleted,
      (await wb.dispatch('findings:deleteObservation', { id: observation.id })) as Deleted,
    ];
    expect(new Set(changes.map((c) => c.undo)).size).toBe(4);
    expect(changes.map((c) => changeEntries(wb, c.undo).map((e) => [e.entity_type, e.action]))).toEqual([
      [
        ['actions', 'update'],
        ['measurements', 'delete'],
      ],
      [['measurements', 'delete']],
      [['actions', 'delete']],
      [['findings', 'delete']],
    ]);
    // Entries written otherwise carry no change id.
    expect(
      wb.db
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'create' AND change_id IS NOT NULL")
        .pluck()
        .get(),
    ).toBe(0);
    wb.close();
  });
});
