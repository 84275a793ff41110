import type { ParsedInput } from '../../shared/contract';
import { listed, NOUNS } from '../../shared/messages';
import type { Inspection, Measurement } from '../../shared/schemas/inspection';
import { AppError, invalidField } from '../../shared/errors';
import { reason } from '../../shared/import/reasons';
import { implausibility } from '../../shared/import/values';
import { INSPECTION_TRANSITIONS, canTransition, labelOf } from '../../shared/domain/enums';
import { attainmentOf, gapOf, roundTo, verdictOf } from '../../shared/domain/verdict';
import { periodRange } from '../../shared/domain/period';
import * as repo from '../repositories/inspections';
import { standardForDate } from '../repositories/standards';
import type { Deleted } from '../../shared/schemas/common';
import { afterCreate, auditedDelete, auditedUpdate, inChange } from './audited';
import { unlinkActions } from './action-links';
import { inTransaction, newId, nowIso, type ServiceContext } from './context';
import { requireBranch } from './organisation';
import { requireStandard } from './standards';

function requireInspection(ctx: ServiceContext, id: string): Inspection {
  const inspection = repo.getInspection(ctx.db, id);
  if (!inspection) throw new AppError('not_found', 'notFound', { entity: NOUNS.inspection, id }, 'id');
  return inspection;
}

const inspectionKey = (i: Inspection) => `${i.branchCode}/${i.period}/${i.kind}`;

/**
 * An approved inspection is the record its reviewer signed off: its values change only after it
 * is sent back to draft (domain.md: draft, submitted, approved), so a slip in the grid cannot
 * alter what was approved. An import refuses a changed value of one as well
 * (main/import/kinds/measurements.ts), and so does undoing a measurement's deletion
 * (./changes.ts), where the input names a change, its `field`.
 */
export function requireUnapproved(i: Inspection, field = 'inspectionId'): void {
  if (i.status === 'approved')
    throw new AppError(
      'conflict',
      'inspectionApproved',
      { branch: i.branchCode, period: i.period, kind: labelOf(i.kind) },
      field,
    );
}

export function getInspection(ctx: ServiceContext, id: string): Inspection {
  return requireInspection(ctx, id);
}

export function createInspection(ctx: ServiceContext, input: ParsedInput<'inspections:create'>): Inspection {
  return inTransaction(ctx, () => {
    const branch = requireBranch(ctx, input.branchCode);
    if (repo.findInspection(ctx.db, branch.id, input.period, input.kind)) {
      throw new AppError('conflict', 'duplicate', {
        entity: NOUNS.inspection,
        key: `${branch.code} ${input.period} ${input.kind}`,
      });
    }
    const id = newId();
    const at = nowIso(ctx);
    repo.insertInspection(ctx.db, {
      id,
      branchId: branch.id,
      period: input.period,
      kind: input.kind,
      inspector: input.inspector ?? null,
      inspectedOn: input.inspectedOn ?? null,
      status: 'draft',
      notes: input.notes ?? null,
      createdAt: at,
      updatedAt: at,
      batchId: ctx.batchId ?? null,
    });
    afterCreate(ctx, 'inspections', id, `${branch.code}/${input.period}/${input.kind}`);
    return requireInspection(ctx, id);
  });
}

export function updateInspection(ctx: ServiceContext, input: ParsedInput<'inspections:update'>): Inspection {
  return inTransaction(ctx, () => {
    const i = requireInspection(ctx, input.id);
    auditedUpdate(ctx, 'inspections', i.id, inspectionKey(i), () =>
      repo.updateInspection(ctx.db, {
        id: i.id,
        inspector: input.inspector === undefined ? i.inspector : input.inspector,
        inspectedOn: input.inspectedOn === undefined ? i.inspectedOn : input.inspectedOn,
        notes: input.notes === undefined ? i.notes : input.notes,
        status: i.status,
        updatedAt: nowIso(ctx),
      }),
    );
    return requireInspection(ctx, i.id);
  });
}

export function setInspectionStatus(
  ctx: ServiceContext,
  input: ParsedInput<'inspections:setStatus'>,
): Inspection {
  return inTransaction(ctx, () => {
    const i = requireInspection(ctx, input.id);
    if (!canTransition(INSPECTION_TRANSITIONS, i.status, input.status)) {
      throw statusJump(i.status, input.status, INSPECTION_TRANSITIONS[i.status]);
    }
    auditedUpdate(ctx, 'inspections', i.id, inspectionKey(i), () =>
      repo.updateInspection(ctx.db, { ...i, status: input.status, updatedAt: nowIso(ctx) }),
    );
    return requireInspection(ctx, i.id);
  });
}

export function statusJump(from: string, to: string, allowed: readonly string[]): AppError {
  return new AppError(
    'invalid',
    'statusJump',
    {
      from: labelOf(from),
      to: labelOf(to),
      allowed: allowed.length ? listed(allowed.map(labelOf)) : '—',
    },
    'status',
  );
}

export function deleteInspection(ctx: ServiceContext, id: string): Deleted {
  return inChange(ctx, (change) => {
    const i = requireInspection(change, id);
    requireUnapproved(i);
    for (const m of repo.listMeasurements(change.db, {
      inspectionId: id,
      offset: 0,
      limit: 1_000_000,
      sort: [],
    }).rows) {
      unlinkActions(change, m.id);
      auditedDelete(change, 'measurements', m.id, `${inspectionKey(i)}/${m.standardCode}`, () =>
        repo.deleteMeasurement(change.db, m.id),
      );
    }
    auditedDelete(change, 'inspections', id, inspectionKey(i), () => repo.deleteInspection(change.db, id));
    return { deleted: true, undo: change.changeId };
  });
}

/** Verdict, gap and attainment of a value against the standard version that judges it. */
export function judge(value: number, s: { direction: 'higher' | 'lower'; target: number; warning: number }) {
  return {
    verdict: verdictOf(value, s),
    gap: gapOf(value, s),
    attainment: roundTo(attainmentOf(value, s), 6),
  };
}

/**
 * Sets one standard's value in an inspection, judged by the version in force at the end of
 * the inspection's period; a re-entry updates the row and the audit trail keeps the old value.
 */
export function upsertMeasurement(
  ctx: ServiceContext,
  input: ParsedInput<'measurements:upsert'>,
): Measurement {
  return inTransaction(ctx, () => {
    const i = requireInspection(ctx, input.inspectionId);
    requireUnapproved(i);
    requireStandard(ctx, input.standardCode);
    const version = standardForDate(ctx.db, input.standardCode, periodRange(i.period).end)!;
    // What an import refuses, entry by hand refuses too: a negative drop rate passed as 达标.
    const implausible = implausibility(input.value, version.unit);
    if (implausible) throw invalidField('value', reason(implausible.key, implausible.params));
    const judged = judge(input.value, version);
    const existing = repo.findMeasurement(ctx.db, i.id, input.standardCode);
    const key = `${inspectionKey(i)}/${input.standardCode}`;
    const at = nowIso(ctx);
    if (existing) {
      auditedUpdate(ctx, 'measurements', existing.id, key, () =>
        repo.updateMeasurement(ctx.db, {
          id: existing.id,
          standardId: version.id,
          value: input.value,
          ...judged,
          notes: input.notes === undefined ? existing.notes : input.notes,
          updatedAt: at,
        }),
      );
      return repo.getMeasurement(ctx.db, existing.id)!;
    }
    const id = newId();
    repo.insertMeasurement(ctx.db, {
      id,
      inspectionId: i.id,
      standardId: version.id,
      standardCode: input.standardCode,
      value: input.value,
      ...judged,
      notes: input.notes ?? null,
      createdAt: at,
      updatedAt: at,
      batchId: ctx.batchId ?? null,
    });
    afterCreate(ctx, 'measurements', id, key);
    return repo.getMeasurement(ctx.db, id)!;
  });
}

export function deleteMeasurement(ctx: ServiceContext, id: string): Deleted {
  return inChange(ctx, (change) => {
    const m = repo.getMeasurement(change.db, id);
    if (!m) throw new AppError('not_found', 'notFound', { entity: NOUNS.measurement, id }, 'id');
    requireUnapproved(requireInspection(change, m.inspectionId));
    unlinkActions(change, id);
    auditedDelete(change, 'measurements', id, `${m.branchCode}/${m.period}/${m.kind}/${m.standardCode}`, () =>
      repo.deleteMeasurement(change.db, id),
    );
    return { deleted: true, undo: change.changeId };
  });
}
