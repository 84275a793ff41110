/**
 * Verifying an action records whether a later measurement met the target (domain.md): the
 * branch's standard measured after the finding it was raised from. It recorded "met" for an
 * action nothing had re-measured (found by an exploratory run).
 */
import { describe, expect, it } from 'vitest';
import type { CorrectiveAction, Finding, Retest } from '../../../shared/schemas/action';
import type { Page } from '../../../shared/schemas/common';
import type { Inspection, Measurement } from '../../../shared/schemas/inspection';
import { testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';

/** EAST-001's first-contact resolution (CS-FCR: target 85, warning 75) measured in a period. */
async function measured(wb: TestWorkbench, period: string, value: number): Promise<void> {
  const i = (await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period })) as Inspection;
  await wb.dispatch('measurements:upsert', { inspectionId: i.id, standardCode: 'CS-FCR', value });
}

/** An action raised from October's failed CS-FCR, done and waiting to be verified. */
async function doneAction(wb: TestWorkbench): Promise<CorrectiveAction> {
  await withOrganisation(wb);
  await measured(wb, '2026-10', 70);
  const { rows } = (await wb.dispatch('findings:list', {})) as Page<Finding>;
  const fail = rows.find((f) => f.standardCode === 'CS-FCR')!;
  const a = (await wb.dispatch('actions:create', {
    branchCode: 'EAST-001',
    standardCode: 'CS-FCR',
    measurementId: fail.measurementId,
    action: '增加高峰时段值守人员',
    department: '客户服务部',
    owner: '黄强',
    dueDate: '2026-12-15',
  })) as CorrectiveAction;
  await wb.dispatch('actions:setStatus', { id: a.id, status: 'in_progress' });
  await wb.dispatch('actions:setStatus', { id: a.id, status: 'done' });
  return a;
}

const retestOf = async (wb: TestWorkbench, a: CorrectiveAction) =>
  ((await wb.dispatch('actions:retest', { id: a.id })) as { retest: Retest | null }).retest;
const verify = (wb: TestWorkbench, a: CorrectiveAction, extra: Record<string, unknown> = {}) =>
  wb.dispatch('actions:setStatus', { id: a.id, status: 'verified', ...extra }) as Promise<CorrectiveAction>;

describe('verifying an action against a later measurement', () => {
  it('records "not known" where nothing was measured since, or the user word where given', async () => {
    const wb = testWorkbench({ now: '2026-12-01T08:00:00.000Z' });
    const a = await doneAction(wb);
    expect(await retestOf(wb, a)).toBeNull();
    expect((await verify(wb, a)).verificationMet).toBeNull();
    wb.close();

    const again = testWorkbench({ now: '2026-12-01T08:00:00.000Z' });
    const b = await doneAction(again);
    expect((await verify(again, b, { verificationMet: true })).verificationMet).toBe(true);
    again.close();
  });

  it('takes a later pass as met, whatever was said, and refuses to verify on a later fail', async () => {
    const wb = testWorkbench({ now: '2026-12-01T08:00:00.000Z' });
    const a = await doneAction(wb);
    await measured(wb, '2026-11', 72);
    expect(await retestOf(wb, a)).toEqual({ period: '2026-11', value: 72, unit: '%', verdict: 'fail' });
    await expect(verify(wb, a, { verificationMet: true })).rejects.toMatchObject({
      field: 'verificationMet',
    });
    const reopened = (await wb.dispatch('actions:setStatus', {
      id: a.id,
      status: 'reopened',
      verificationMet: true,
    })) as CorrectiveAction;
    expect(reopened.verificationMet).toBe(false);

    await wb.dispatch('actions:setStatus', { id: a.id, status: 'in_progress' });
    await wb.dispatch('actions:setStatus', { id: a.id, status: 'done' });
    await measured(wb, '2026-12', 88);
    expect(await retestOf(wb, a)).toMatchObject({ period: '2026-12', verdict: 'pass' });
    expect((await verify(wb, a, { verificationMet: false })).verificationMet).toBe(true);
    wb.close();
  });

  it('counts from the finding period though its value was corrected to a pass since', async () => {
    const wb = testWorkbench({ now: '2026-12-01T08:00:00.000Z' });
    const a = await doneAction(wb);
    // October's 70 corrected to 90: no longer a finding, still the month the action answers.
    const october = (await wb.dispatch('measurements:list', { period: '2026-10' })) as Page<Measurement>;
    await wb.dispatch('measurements:upsert', {
      inspectionId: october.rows[0]!.inspectionId,
      standardCode: 'CS-FCR',
      value: 90,
    });
    await measured(wb, '2026-11', 88);
    expect(await retestOf(wb, a)).toMatchObject({ period: '2026-11', verdict: 'pass' });
    wb.close();
  });

  it('counts only what came after: the finding own period, or the month a hand-made action was raised in, is no retest', async () => {
    const wb = testWorkbench({ now: '2026-10-15T08:00:00.000Z' });
    await withOrganisation(wb);
    const byHand = (await wb.dispatch('actions:create', {
      branchCode: 'EAST-001',
      standardCode: 'CS-FCR',
      action: '复盘首问流程',
      department: '客户服务部',
      owner: '黄强',
      dueDate: '2026-12-15',
    })) as CorrectiveAction;
    wb.setNow('2026-12-03T08:00:00.000Z');
    await measured(wb, '2026-10', 88);
    expect(await retestOf(wb, byHand)).toBeNull();
    await measured(wb, '2026-11', 90);
    expect(await retestOf(wb, byHand)).toMatchObject({ period: '2026-11', value: 90 });
    wb.close();
  });
});
