/**
 * Findings (domain.md): failed and warned measurements and observations, listed with the
 * actions raised from them; `withoutAction` leaves only those that still need one, which is
 * what the findings page opens on.
 */
import { describe, expect, it } from 'vitest';
import type { CorrectiveAction, Finding } from '../../../shared/schemas/action';
import type { Page } from '../../../shared/schemas/common';
import type { Inspection } from '../../../shared/schemas/inspection';
import { testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';

const list = (wb: TestWorkbench, input: Record<string, unknown> = {}) =>
  wb.dispatch('findings:list', input) as Promise<Page<Finding>>;

async function withFindings(wb: TestWorkbench): Promise<void> {
  await withOrganisation(wb);
  const i = (await wb.dispatch('inspections:create', {
    branchCode: 'EAST-001',
    period: '2026-10',
  })) as Inspection;
  // CS-FCR: target 85, warning 75 (the built-in library), so 70 fails; CS-SAT passes.
  for (const [standardCode, value] of [
    ['CS-FCR', 70],
    ['CS-SAT', 99],
  ] as const)
    await wb.dispatch('measurements:upsert', { inspectionId: i.id, standardCode, value });
  await wb.dispatch('findings:createObservation', {
    branchCode: 'EAST-002',
    period: '2026-10',
    description: '排队叫号屏故障，客户无法看到等候人数',
  });
}

describe('findings:deleteObservation', () => {
  it('deletes an observation recorded by mistake, audited with what it said, and only an observation', async () => {
    const wb = testWorkbench();
    await withFindings(wb);
    const { rows } = await list(wb);
    const observation = rows.find((f) => f.severity === 'observation')!;
    const fail = rows.find((f) => f.severity === 'fail')!;
    await expect(wb.dispatch('findings:deleteObservation', { id: fail.id })).rejects.toMatchObject({
      key: 'notFound',
    });
    await wb.dispatch('findings:deleteObservation', { id: observation.id });
    expect((await list(wb)).rows.map((f) => f.severity)).toEqual(['fail']);
    const audited = wb.db
      .prepare("SELECT json_extract(before_json, '$.description') FROM audit_log WHERE action = 'delete'")
      .pluck()
      .all();
    expect(audited).toEqual(['排队叫号屏故障，客户无法看到等候人数']);
    wb.close();
  });
});

describe('findings:list', () => {
  it('lists failed measurements and observations, names the standard in both languages', async () => {
    const wb = testWorkbench();
    await withFindings(wb);
    const { rows, total } = await list(wb);
    expect(total).toBe(2);
    const fail = rows.find((f) => f.severity === 'fail')!;
    expect(fail).toMatchObject({
      branchCode: 'EAST-001',
      standardCode: 'CS-FCR',
      value: 70,
      actionCount: 0,
    });
    expect(fail.standardName).toMatch(/解决率/);
    expect(fail.standardNameEn).toMatch(/resolution/i);
    expect(fail.unit).toBe('%');
    expect(fail.measurementId).toBe(fail.id);
    const observation = rows.find((f) => f.severity === 'observation')!;
    expect(observation).toMatchObject({ branchCode: 'EAST-002', measurementId: null, standardNameEn: null });
    wb.close();
  });

  it('withoutAction leaves the findings no action has been raised from yet', async () => {
    const wb = testWorkbench();
    await withFindings(wb);
    const { rows } = await list(wb);
    const fail = rows.find((f) => f.severity === 'fail')!;
    const observation = rows.find((f) => f.severity === 'observation')!;
    const action = {
      action: '开展首问负责制培训',
      department: '客户服务部',
      owner: '黄强',
      dueDate: '2026-12-15',
    };
    await wb.dispatch('actions:create', {
      branchCode: 'EAST-001',
      standardCode: 'CS-FCR',
      measurementId: fail.measurementId,
      ...action,
    });
    const open = await list(wb, { withoutAction: true });
    expect(open.rows.map((f) => f.id)).toEqual([observation.id]);
    expect(open.total).toBe(1);
    // false is "no filter", not "only those with an action".
    expect((await list(wb, { withoutAction: false })).total).toBe(2);
    expect((await list(wb)).rows.find((f) => f.id === fail.id)!.actionCount).toBe(1);
    // The actions raised from it, and no other on its branch and standard.
    await wb.dispatch('actions:create', { branchCode: 'EAST-001', standardCode: 'CS-FCR', ...action });
    const raised = (await wb.dispatch('actions:list', { findingId: fail.id })) as Page<CorrectiveAction>;
    expect(raised.rows.map((a) => a.measurementId)).toEqual([fail.measurementId]);

    await wb.dispatch('actions:create', { branchCode: 'EAST-002', findingId: observation.id, ...action });
    expect((await list(wb, { withoutAction: true })).total).toBe(0);
    // An action answers it now: it stays.
    await expect(wb.dispatch('findings:deleteObservation', { id: observation.id })).rejects.toMatchObject({
      key: 'observationInUse',
    });
    wb.close();
  });
});
