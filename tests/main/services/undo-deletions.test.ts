/**
 * A deletion made by hand (an inspection with its measurements, a measurement, an action, an
 * observation) is one change: its audit entries share the change id it answers, and the actions
 * whose link to a deleted measurement the schema would clear silently are cleared as audited
 * updates of the same change, so the trail holds everything the deletion did. changes:undo puts
 * it back exactly, or refuses, writing nothing, where that would clash with what was done since.
 */
import { describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CorrectiveAction, Finding } from '../../../shared/schemas/action';
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

/** Every row a deletion or its undo touches, and the size of the trail. */
const everything = (wb: TestWorkbench) => {
  const all = (table: string) => wb.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return {
    inspections: all('inspections'),
    measurements: all('measurements'),
    actions: all('actions'),
    findings: all('findings'),
    trail: wb.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  };
};

const undo = (wb: TestWorkbench, id: string) =>
  wb.dispatch('changes:undo', { id }) as Promise<Output<'changes:undo'>>;

/** The undo is refused with nothing written; the error, to look at. */
async function refused(wb: TestWorkbench, id: string): Promise<AppError> {
  const before = everything(wb);
  const e = await undo(wb, id).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect(everything(wb)).toEqual(before);
  return e as AppError;
}

describe('changes:undo', () => {
  it('puts back an inspection deleted with its measurements, and the link of the action raised from one', async () => {
    const wb = testWorkbench();
    const { i, fail } = await inspectionWithAction(wb);
    const start = everything(wb);
    wb.setNow('2026-11-03T09:00:00.000Z');
    const deleted = (await wb.dispatch('inspections:delete', { id: i.id })) as Deleted;
    // A new version of the standard since: the values come back judged as they were, not again.
    await wb.dispatch('standards:update', {
      code: 'CS-FCR',
      changes: { target: 60, warning: 50 },
      effectiveFrom: '2026-10-15',
    });
    wb.setNow('2026-11-04T10:00:00.000Z');
    expect(await undo(wb, deleted.undo)).toEqual({ rowsRestored: 3, rowsReverted: 1 });

    const back = everything(wb);
    expect({ ...back, trail: 0 }).toEqual({ ...start, trail: 0 });
    expect(back.measurements).toContainEqual(
      expect.objectContaining({ id: fail.id, value: 70, verdict: 'fail', standard_id: fail.standardId }),
    );
    const finding = (await wb.dispatch('findings:list', {})) as { rows: Finding[] };
    expect(finding.rows.map((f) => [f.id, f.severity, f.actionCount])).toEqual([[fail.id, 'fail', 1]]);
    // The undo is a change of its own in the trail: the rows created again, the link updated.
    const entries = wb.db
      .prepare("SELECT * FROM audit_log WHERE at = '2026-11-04T10:00:00.000Z' ORDER BY id")
      .all() as (Entry & { change_id: string })[];
    expect(entries.map((e) => [e.entity_type, e.action])).toEqual([
      ['inspections', 'create'],
      ['measurements', 'create'],
      ['measurements', 'create'],
      ['actions', 'update'],
    ]);
    expect(new Set(entries.map((e) => e.change_id))).toEqual(new Set([expect.any(String)]));
    expect(entries[0]!.change_id).not.toBe(deleted.undo);
    expect(JSON.parse(entries[3]!.after_json!)).toMatchObject({ measurement_id: fail.id });

    // Twice: refused, the rows are there again.
    const again = await refused(wb, deleted.undo);
    expect(again).toMatchObject({ kind: 'conflict', key: 'changeUndone', field: 'id' });
    expect(again.localized('zh')).toBe('此次删除此前已撤销：检查 EAST-001/2026-10/自评 已恢复；未做任何更改');
    // The undo itself is not undone: its rows go by deleting them again.
    expect(await refused(wb, entries[0]!.change_id)).toMatchObject({ key: 'changeIsUndo' });
    wb.close();
  });

  it('puts back a measurement, an action and an observation, each as it was', async () => {
    const wb = testWorkbench();
    const { fail, action } = await inspectionWithAction(wb);
    await wb.dispatch('findings:createObservation', {
      branchCode: 'EAST-002',
      period: '2026-10',
      description: '排队叫号屏故障',
    });
    const observation = wb.db.prepare('SELECT id FROM findings').pluck().get() as string;
    const start = everything(wb);
    const measurement = (await wb.dispatch('measurements:delete', { id: fail.id })) as Deleted;
    const deletedAction = (await wb.dispatch('actions:delete', { id: action.id })) as Deleted;
    const deletedObservation = (await wb.dispatch('findings:deleteObservation', {
      id: observation,
    })) as Deleted;
    // Newest first: the action comes back as the measurement's deletion left it, which links it again.
    expect(await undo(wb, deletedObservation.undo)).toEqual({ rowsRestored: 1, rowsReverted: 0 });
    expect(await undo(wb, deletedAction.undo)).toEqual({ rowsRestored: 1, rowsReverted: 0 });
    expect(await undo(wb, measurement.undo)).toEqual({ rowsRestored: 1, rowsReverted: 1 });
    expect({ ...everything(wb), trail: 0 }).toEqual({ ...start, trail: 0 });
    wb.close();
  });

  it('refuses an id that names no change', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const e = await refused(wb, '0b7d3a1e-5f0c-4a57-9f3e-2c3f4b5a6d7e');
    expect(e).toMatchObject({ kind: 'not_found', key: 'notFound', field: 'id' });
    expect(e.localized('zh')).toBe('找不到更改（0b7d3a1e-5f0c-4a57-9f3e-2c3f4b5a6d7e）');
    await expect(wb.dispatch('changes:undo', { id: 'nonsense' })).rejects.toMatchObject({
      key: 'invalidField',
    });
    wb.close();
  });

  it('refuses when an inspection of the same branch, period and kind was made since, saying which', async () => {
    const wb = testWorkbench();
    const { i } = await inspectionWithAction(wb);
    const deleted = (await wb.dispatch('inspections:delete', { id: i.id })) as Deleted;
    await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-10' });
    const e = await refused(wb, deleted.undo);
    expect(e).toMatchObject({ key: 'inspectionRemade', params: { branch: 'EAST-001', period: '2026-10' } });
    expect(e.localized('zh')).toBe(
      '无法撤销此次删除：此后已新建 EAST-001 2026-10 的自评。请先删除新建的检查，或保留它；未做任何更改',
    );
    wb.close();
  });

  it('refuses when the same standard was entered again in the inspection, saying which', async () => {
    const wb = testWorkbench();
    const { i, fail } = await inspectionWithAction(wb);
    const deleted = (await wb.dispatch('measurements:delete', { id: fail.id })) as Deleted;
    await wb.dispatch('measurements:upsert', { inspectionId: i.id, standardCode: 'CS-FCR', value: 88 });
    const e = await refused(wb, deleted.undo);
    expect(e.key).toBe('measurementRemade');
    expect(e.message).toBe(
      'the deletion cannot be undone: a value of First-contact resolution was entered since in the Self-assessment of EAST-001 for 2026-10. Delete that value first, or keep it; nothing changed',
    );
    expect(e.localized('zh')).toMatch(
      /^无法撤销此次删除：此后已在 EAST-001 2026-10 的自评中重新录入“.*解决率”。/,
    );
    wb.close();
  });

  it('refuses when a link it would restore was changed, or its row deleted, since', async () => {
    const wb = testWorkbench();
    const { fail, action } = await inspectionWithAction(wb);
    const deleted = (await wb.dispatch('measurements:delete', { id: fail.id })) as Deleted;
    await wb.dispatch('actions:update', { id: action.id, owner: '李娜' });
    const e = await refused(wb, deleted.undo);
    expect(e).toMatchObject({ key: 'changeOverwritten' });
    expect(e.localized('en')).toBe(
      'the deletion cannot be undone: the action EAST-001/CS-FCR/开展首问负责制培训 was changed or deleted since, and undoing would overwrite that; nothing changed',
    );
    await wb.dispatch('actions:delete', { id: action.id });
    expect(await refused(wb, deleted.undo)).toMatchObject({ key: 'changeOverwritten' });
    wb.close();
  });

  it('refuses while the inspection a measurement goes back into is approved', async () => {
    const wb = testWorkbench();
    const { i, pass } = await inspectionWithAction(wb);
    const deleted = (await wb.dispatch('measurements:delete', { id: pass.id })) as Deleted;
    await wb.dispatch('inspections:setStatus', { id: i.id, status: 'submitted' });
    await wb.dispatch('inspections:setStatus', { id: i.id, status: 'approved' });
    expect(await refused(wb, deleted.undo)).toMatchObject({ key: 'inspectionApproved', field: 'id' });
    await wb.dispatch('inspections:setStatus', { id: i.id, status: 'draft' });
    expect(await undo(wb, deleted.undo)).toEqual({ rowsRestored: 1, rowsReverted: 0 });
    wb.close();
  });

  it('refuses a measurement whose inspection was deleted since, until that deletion is undone', async () => {
    const wb = testWorkbench();
    const { i, pass } = await inspectionWithAction(wb);
    const measurement = (await wb.dispatch('measurements:delete', { id: pass.id })) as Deleted;
    const inspection = (await wb.dispatch('inspections:delete', { id: i.id })) as Deleted;
    const e = await refused(wb, measurement.undo);
    expect(e).toMatchObject({ key: 'changeReferenceGone' });
    expect(e.localized('zh')).toBe(
      '无法撤销此次删除：测量值 EAST-001/2026-10/自评/CS-SAT 关联的检查 EAST-001/2026-10/自评 此后已被删除。请先撤销那次删除；未做任何更改',
    );
    await undo(wb, inspection.undo);
    expect(await undo(wb, measurement.undo)).toEqual({ rowsRestored: 1, rowsReverted: 0 });
    expect(wb.db.prepare('SELECT count(*) FROM measurements').pluck().get()).toBe(2);
    wb.close();
  });
});
