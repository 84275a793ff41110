import type { ParsedInput } from '../../shared/contract';
import { NOUNS } from '../../shared/messages';
import type { CorrectiveAction, Finding } from '../../shared/schemas/action';
import { AppError } from '../../shared/errors';
import { ACTION_TRANSITIONS, canTransition } from '../../shared/domain/enums';
import * as repo from '../repositories/actions';
import type { Deleted } from '../../shared/schemas/common';
import { afterCreate, auditedDelete, auditedUpdate, inChange } from './audited';
import { actionKey } from './action-links';
import { inTransaction, newId, nowIso, today, type ServiceContext } from './context';
import { requireBranch } from './organisation';
import { requireStandard } from './standards';
import { statusJump } from './inspections';
import { retestOf } from './retest';

export function getAction(ctx: ServiceContext, id: string): CorrectiveAction {
  const a = repo.getAction(ctx.db, id, today(ctx));
  if (!a) throw new AppError('not_found', 'notFound', { entity: NOUNS.action, id }, 'id');
  return a;
}

function checkDueDate(dueDate: string, createdOn: string): void {
  if (dueDate < createdOn) {
    throw new AppError('invalid', 'dueBeforeCreation', { due: dueDate, created: createdOn }, 'dueDate');
  }
}

function checkLinks(
  ctx: ServiceContext,
  input: { standardCode?: string | null; findingId?: string | null; measurementId?: string | null },
): void {
  if (input.standardCode) requireStandard(ctx, input.standardCode);
  if (input.findingId && !repo.getFinding(ctx.db, input.findingId)) {
    throw new AppError('invalid', 'notFound', { entity: NOUNS.finding, id: input.findingId }, 'findingId');
  }
  if (input.measurementId && !repo.getFinding(ctx.db, input.measurementId)) {
    throw new AppError(
      'invalid',
      'notFound',
      { entity: NOUNS.finding, id: input.measurementId },
      'measurementId',
    );
  }
}

export function createAction(ctx: ServiceContext, input: ParsedInput<'actions:create'>): CorrectiveAction {
  return inTransaction(ctx, () => {
    const branch = requireBranch(ctx, input.branchCode);
    checkLinks(ctx, input);
    checkDueDate(input.dueDate, today(ctx));
    const id = newId();
    const at = nowIso(ctx);
    repo.insertAction(ctx.db, {
      id,
      branchId: branch.id,
      standardCode: input.standardCode ?? null,
      findingId: input.findingId && !input.measurementId ? input.findingId : null,
      measurementId: input.measurementId ?? null,
      finding: input.finding ?? null,
      rootCauseCategory: input.rootCauseCategory ?? null,
      rootCause: input.rootCause ?? null,
      action: input.action,
      department: input.department,
      owner: input.owner,
      dueDate: input.dueDate,
      status: 'open',
      verifiedOn: null,
      verificationNote: null,
      verificationMet: null,
      planId: input.planId ?? null,
      createdAt: at,
      updatedAt: at,
      batchId: ctx.batchId ?? null,
    });
    afterCreate(ctx, 'actions', id, actionKey(branch.code, input.standardCode, input.action));
    return getAction(ctx, id);
  });
}

export function updateAction(ctx: ServiceContext, input: ParsedInput<'actions:update'>): CorrectiveAction {
  return inTransaction(ctx, () => {
    const a = getAction(ctx, input.id);
    checkLinks(ctx, input);
    const pick = <K extends keyof typeof input & keyof CorrectiveAction>(k: K) =>
      (input[k] === undefined ? a[k] : input[k]) as CorrectiveAction[K];
    const dueDate = pick('dueDate');
    if (input.dueDate !== undefined) checkDueDate(dueDate, a.createdAt.slice(0, 10));
    auditedUpdate(ctx, 'actions', a.id, actionKey(a.branchCode, a.standardCode, a.action), () =>
      repo.updateAction(ctx.db, {
        ...a,
        standardCode: pick('standardCode'),
        findingId: pick('findingId'),
        measurementId: pick('measurementId'),
        finding: pick('finding'),
        rootCauseCategory: pick('rootCauseCategory'),
        rootCause: pick('rootCause'),
        action: pick('action'),
        department: pick('department'),
        owner: pick('owner'),
        dueDate,
        planId: pick('planId'),
        verificationMet: flag(a.verificationMet),
        updatedAt: nowIso(ctx),
      }),
    );
    return getAction(ctx, a.id);
  });
}

/** A yes/no/unknown as SQLite stores it. */
const flag = (b: boolean | null): number | null => (b === null ? null : Number(b));

/** Moves an action one step along open -> in progress -> done -> verified | reopened. */
export function setActionStatus(
  ctx: ServiceContext,
  input: ParsedInput<'actions:setStatus'>,
): CorrectiveAction {
  return inTransaction(ctx, () => {
    const a = getAction(ctx, input.id);
    if (!canTransition(ACTION_TRANSITIONS, a.status, input.status)) {
      throw statusJump(a.status, input.status, ACTION_TRANSITIONS[a.status]);
    }
    const verifying = input.status === 'verified' || input.status === 'reopened';
    // A later measurement says whether the target was met; without one, the user's word, else
    // unknown (it read "met" for an action nothing had re-measured).
    const retest = verifying ? retestOf(ctx, a) : null;
    const met = retest ? retest.verdict === 'pass' : (input.verificationMet ?? null);
    // domain.md: done -> verified (effective) or reopened. A target not met is not effective.
    if (input.status === 'verified' && met === false)
      throw new AppError('invalid', 'verifiedNotMet', {}, 'verificationMet');
    if (verifying && input.verifiedOn && input.verifiedOn > today(ctx))
      throw new AppError('invalid', 'verifiedInFuture', { date: input.verifiedOn }, 'verifiedOn');
    auditedUpdate(ctx, 'actions', a.id, actionKey(a.branchCode, a.standardCode, a.action), () =>
      repo.updateAction(ctx.db, {
        ...a,
        status: input.status,
        verifiedOn: verifying ? (input.verifiedOn ?? today(ctx)) : a.verifiedOn,
        verificationNote: verifying ? (input.verificationNote ?? null) : a.verificationNote,
        verificationMet: flag(verifying ? met : a.verificationMet),
        updatedAt: nowIso(ctx),
      }),
    );
    return getAction(ctx, a.id);
  });
}

export function deleteAction(ctx: ServiceContext, id: string): Deleted {
  return inChange(ctx, (change) => {
    const a = getAction(change, id);
    auditedDelete(change, 'actions', id, actionKey(a.branchCode, a.standardCode, a.action), () =>
      repo.deleteAction(change.db, id),
    );
    return { deleted: true, undo: change.changeId };
  });
}

/** An observation: a measurement's finding is changed by changing the measurement. */
function requireObservation(ctx: ServiceContext, id: string): Finding {
  const f = repo.getFinding(ctx.db, id);
  if (!f || f.severity !== 'observation')
    throw new AppError('not_found', 'notFound', { entity: NOUNS.finding, id }, 'id');
  return f;
}

/**
 * An observation recorded by mistake (wrong branch, wrong period, a slip) goes, audited with
 * what it said. One an action was raised from stays: the action would lose what it answers
 * (so, unlike a measurement's, no action's link is ever cleared by it).
 */
export function deleteObservation(ctx: ServiceContext, id: string): Deleted {
  return inChange(ctx, (change) => {
    const f = requireObservation(change, id);
    if (f.actionCount > 0) throw new AppError('conflict', 'observationInUse', { n: f.actionCount }, 'id');
    auditedDelete(change, 'findings', id, `${f.branchCode}/${f.period}`, () =>
      repo.deleteObservation(change.db, id),
    );
    return { deleted: true, undo: change.changeId };
  });
}

export function createObservation(
  ctx: ServiceContext,
  input: ParsedInput<'findings:createObservation'>,
): Finding {
  return inTransaction(ctx, () => {
    const branch = requireBranch(ctx, input.branchCode);
    if (input.standardCode) requireStandard(ctx, input.standardCode);
    const id = newId();
    const at = nowIso(ctx);
    repo.insertObservation(ctx.db, {
      id,
      branchId: branch.id,
      period: input.period,
      standardCode: input.standardCode ?? null,
      description: input.description,
      createdAt: at,
      updatedAt: at,
      batchId: ctx.batchId ?? null,
    });
    afterCreate(ctx, 'findings', id, `${branch.code}/${input.period}`);
    return repo.getFinding(ctx.db, id)!;
  });
}

/**
 * Corrects an observation: a typo stayed for good once an action made it undeletable. An
 * action raised from one carries its branch and standard (actions.branch_id, standard_code),
 * so once one is raised the words and period may change, the branch and standard may not.
 */
export function updateObservation(
  ctx: ServiceContext,
  input: ParsedInput<'findings:updateObservation'>,
): Finding {
  return inTransaction(ctx, () => {
    const f = requireObservation(ctx, input.id);
    const branch = requireBranch(ctx, input.branchCode ?? f.branchCode);
    const standardCode = input.standardCode === undefined ? f.standardCode : input.standardCode;
    if (standardCode) requireStandard(ctx, standardCode);
    if (f.actionCount > 0) {
      const moved =
        branch.code !== f.branchCode ? 'branchCode' : standardCode !== f.standardCode ? 'standardCode' : null;
      if (moved) throw new AppError('conflict', 'observationAnswered', { n: f.actionCount }, moved);
    }
    auditedUpdate(ctx, 'findings', f.id, `${f.branchCode}/${f.period}`, () =>
      repo.updateObservation(ctx.db, {
        id: f.id,
        branchId: branch.id,
        period: input.period ?? f.period,
        standardCode: standardCode ?? null,
        description: input.description ?? f.description,
        updatedAt: nowIso(ctx),
      }),
    );
    return repo.getFinding(ctx.db, f.id)!;
  });
}
