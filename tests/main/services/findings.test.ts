/**
 * Findings (domain.md): failed and warned measurements and observations, listed with the
 * actions raised from them; `withoutAction` leaves only those that still need one, which is
 * what the findings page opens on.
 */
import { describe, expect, it } from 'vitest';
import type { CorrectiveAction, Finding } from '../../../shared/schemas/action';
import type { Page } from '../../../shared/schemas/common';
import type { Inspection } from '../../../shared/schemas/inspection';
import { count, testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';

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

describe('findings:updateObservation', () => {
  const updates = (wb: TestWorkbench) =>
    wb.db
      .prepare(
        `SELECT json_extract(before_json, '$.description') AS before, json_extract(after_json, '$.description') AS after
           FROM audit_log WHERE entity_type = 'findings' AND action = 'update'`,
      )
      .all();

  it('corrects what an observation says, where and under which standard, audited before and after', async () => {
    const wb = testWorkbench();
    await withFindings(wb);
    const { rows } = await list(wb);
    const observation = rows.find((f) => f.severity === 'observation')!;
    const corrected = (await wb.dispatch('findings:updateObservation', {
      id: observation.id,
      branchCode: 'EAST-001',
      period: '2026-11',
      standardCode: 'PROC-QUE',
      description: '排队叫号屏故障，客户无法看到等候人数和预计时间',
    })) as Finding;
    expect(corrected).toMatchObject({
      id: observation.id,
      branchCode: 'EAST-001',
      period: '2026-11',
      standardCode: 'PROC-QUE',
      description: '排队叫号屏故障，客户无法看到等候人数和预计时间',
      severity: 'observation',
    });
    expect(updates(wb)).toEqual([
      {
        before: '排队叫号屏故障，客户无法看到等候人数',
        after: '排队叫号屏故障，客户无法看到等候人数和预计时间',
      },
    ]);
    // The standard taken off; the rest given as it is, nothing else changes.
    await wb.dispatch('findings:updateObservation', { id: observation.id, standardCode: null });
    expect((await list(wb, { severity: 'observation' })).rows[0]).toMatchObject({
      standardCode: null,
      period: '2026-11',
      branchCode: 'EAST-001',
    });
    // Saved again unchanged: no entry. Only an observation; words are required.
    const entries = count(wb, 'audit_log');
    await wb.dispatch('findings:updateObservation', { id: observation.id, period: '2026-11' });
    expect(count(wb, 'audit_log')).toBe(entries);
    const fail = rows.find((f) => f.severity === 'fail')!;
    await expect(
      wb.dispatch('findings:updateObservation', { id: fail.id, description: '改写' }),
    ).rejects.toMatchObject({ key: 'notFound' });
    await expect(
      wb.dispatch('findings:updateObservation', { id: observation.id, description: '   ' }),
    ).rejects.toMatchObject({ field: 'description' });
    await expect(
      wb.dispatch('findings:updateObservation', { id: observation.id, branchCode: 'WEST-009' }),
    ).rejects.toMatchObject({ field: 'branchCode' });
    expect(count(wb, 'audit_log')).toBe(entries);
    wb.close();
  });

  it('with an action raised from it, its words change but not its branch or standard', async () => {
    const wb = testWorkbench();
    await withFindings(wb);
    const observation = (await list(wb)).rows.find((f) => f.severity === 'observation')!;
    await wb.dispatch('actions:create', {
      branchCode: 'EAST-002',
      findingId: observation.id,
      action: '更换叫号屏',
      department: '营业部',
      owner: '黄强',
      dueDate: '2026-12-15',
    });
    await wb.dispatch('findings:updateObservation', { id: observation.id, description: '叫号屏故障' });
    expect((await list(wb, { severity: 'observation' })).rows[0]!.description).toBe('叫号屏故障');
    const entries = count(wb, 'audit_log');
    for (const [field, change] of [
      ['branchCode', { branchCode: 'EAST-001' }],
      ['standardCode', { standardCode: 'PROC-QUE' }],
    ] as const) {
      const refused = wb.dispatch('findings:updateObservation', { id: observation.id, ...change });
      await expect(refused).rejects.toMatchObject({ key: 'observationAnswered', field });
    }
    expect(count(wb, 'audit_log')).toBe(entries);
    expect((await list(wb, { severity: 'observation' })).rows[0]).toMatchObject({
      branchCode: 'EAST-002',
      standardCode: null,
    });
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
