/**
 * The PDCA plan's life: generated for a scope and period, then Plan -> Do -> Check -> Act
 * (PLAN_TRANSITIONS). Plan content is frozen once the plan leaves the Plan stage, so what a
 * meeting agreed stays on record; Check and Act add to it. The user's drafts of proposed
 * actions are kept beside the content (plan_drafts) until confirmed, and survive a
 * regeneration.
 */
import type { ParsedInput } from '../../shared/contract';
import { listed, messageOf, NOUNS, type Lang } from '../../shared/messages';
import type { Plan, PlanListItem } from '../../shared/contracts/plans';
import type { Scope } from '../../shared/schemas/common';
import type { CorrectiveAction } from '../../shared/schemas/action';
import { AppError, invalidField } from '../../shared/errors';
import { PLAN_TRANSITIONS, canTransition, labelOf, type PlanStage } from '../../shared/domain/enums';
import { comparePeriods, shiftPeriod } from '../../shared/domain/period';
import { actionCounts } from '../../shared/plans/coverage';
import { gapStatement } from '../../shared/plans/texts';
import type { PlanContent, PlanDraft, PlanGap, StandardisedItem } from '../../shared/plans/types';
import * as repo from '../repositories/plans';
import * as draftRows from '../repositories/plan-drafts';
import { getAction as getActionRow, listActions } from '../repositories/actions';
import { afterCreate, auditedDelete, auditedUpdate } from '../services/audited';
import { inTransaction, newId, nowIso, today, type ServiceContext } from '../services/context';
import { createAction } from '../services/actions';
import { updateStandard } from '../services/standards';
import { statusJump } from '../services/inspections';
import { gatherContent, currentCheck, type Carried } from './content';
import { forgetGapKeys, gapKeysOf } from './gap-keys';
import { resolveScope } from './scope';

const scopeOf = (r: Pick<repo.PlanRow, 'scopeType' | 'scopeCode'>): Scope =>
  r.scopeType === 'all' ? { type: 'all' } : { type: r.scopeType, code: r.scopeCode ?? '' };
const planKey = (r: Pick<repo.PlanRow, 'scopeType' | 'scopeCode' | 'period'>) =>
  `${r.scopeType}/${r.scopeCode ?? ''}/${r.period}`;

function requireFound<T>(row: T | undefined, id: string): T {
  if (!row) throw new AppError('not_found', 'notFound', { entity: NOUNS.plan, id }, 'id');
  return row;
}
const requirePlanRow = (ctx: ServiceContext, id: string) => requireFound(repo.getPlanRow(ctx.db, id), id);

/**
 * The open actions the plan's gaps were linked to when it was made (not duplicated: domain.md),
 * other than its own, as they stand now: the plan's list of actions showed only those it made,
 * so its count disagreed with the summary's and the printed Do.
 */
function linkedNow(
  ctx: ServiceContext,
  content: PlanContent,
  own: readonly CorrectiveAction[],
): CorrectiveAction[] {
  const skip = new Set(own.map((a) => a.id));
  const ids = new Set(
    content.gaps.flatMap((g) => g.linkedActions.map((a) => a.id)).filter((id) => !skip.has(id)),
  );
  return [...ids].flatMap((id) => getActionRow(ctx.db, id, today(ctx)) ?? []);
}

function toPlan(ctx: ServiceContext, row: repo.PlanHead, content: PlanContent): Plan {
  const actions = listActions(
    ctx.db,
    { planId: row.id, offset: 0, limit: 1_000_000, sort: [] },
    today(ctx),
  ).rows;
  return {
    id: row.id,
    scope: scopeOf(row),
    period: row.period,
    stage: row.stage,
    title: row.title,
    previousPlanId: row.previousPlanId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    content: {
      ...content,
      summary: { ...content.summary, ...actionCounts({ content, actions }) },
      drafts: Object.fromEntries(draftRows.draftsOf(ctx.db, row.id).map((d) => [d.gapKey, draftOf(d)])),
    },
    actions,
    linkedActions: linkedNow(ctx, content, actions),
    nextPlanTitle: content.act?.nextPlanId
      ? (repo.getPlanRow(ctx.db, content.act.nextPlanId)?.title ?? null)
      : null,
  };
}

/** In the Check stage the before/after is pulled from the data on every read. */
export function getPlan(ctx: ServiceContext, id: string): Plan {
  const row = requirePlanRow(ctx, id);
  const content = JSON.parse(row.contentJson) as PlanContent;
  if (row.stage === 'check') {
    content.check = {
      checkedAt: nowIso(ctx),
      results: currentCheck(ctx, resolveScope(ctx, scopeOf(row)), row.period, content.gaps),
    };
  }
  return toPlan(ctx, row, content);
}

export function listPlans(ctx: ServiceContext, input: ParsedInput<'plans:list'>): PlanListItem[] {
  return repo.listPlans(ctx.db, input).map((r) => ({
    id: r.id,
    scope: scopeOf(r),
    period: r.period,
    stage: r.stage,
    title: r.title,
    gapCount: r.gapCount,
    previousPlanId: r.previousPlanId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

function defaultTitle(name: string, period: string, lang: Lang): string {
  return lang === 'en' ? `${name} ${period} PDCA improvement plan` : `${name} ${period} PDCA 改进计划`;
}

/**
 * A new plan from the data. A plan for the same scope and period still in the Plan stage is
 * regenerated in place rather than duplicated: nothing has been committed to it yet.
 */
export function generatePlan(
  ctx: ServiceContext,
  input: ParsedInput<'plans:generate'>,
  carried?: Carried,
): Plan {
  return inTransaction(ctx, () => {
    const s = resolveScope(ctx, input.scope);
    // With no values, "no gaps" would read as "all standards met". A plan carried into a
    // period not yet measured keeps its gaps at their latest values instead.
    if (!carried && repo.measurementsIn(ctx.db, s.scope, input.period) === 0)
      throw new AppError('invalid', 'planNoData', { scope: s.name, period: input.period }, 'period');
    const content = gatherContent(ctx, s, input.period, carried);
    const title = input.title ?? defaultTitle(s.name, input.period, input.lang);
    const draft = carried
      ? undefined
      : repo.listPlans(ctx.db, { scope: s.scope, period: input.period, stage: 'plan' })[0];
    const at = nowIso(ctx);
    if (draft) {
      forgetGapKeys(ctx.db, draft.id);
      keepDrafts(ctx, draft, content.gaps);
      auditedUpdate(ctx, 'plans', draft.id, planKey(draft), () =>
        repo.updatePlan(ctx.db, {
          id: draft.id,
          stage: 'plan',
          title,
          contentJson: JSON.stringify(content),
          updatedAt: at,
        }),
      );
      return toPlan(ctx, { ...draft, title, updatedAt: at }, content);
    }
    const row: repo.PlanRow = {
      id: newId(),
      scopeType: s.scope.type,
      scopeCode: s.scope.code ?? null,
      period: input.period,
      stage: 'plan',
      title,
      contentJson: JSON.stringify(content),
      previousPlanId: carried?.fromPlanId ?? null,
      createdAt: at,
      updatedAt: at,
    };
    repo.insertPlan(ctx.db, row);
    afterCreate(ctx, 'plans', row.id, planKey(row));
    return toPlan(ctx, row, content);
  });
}

const draftOf = ({ action, department, owner, dueDate }: PlanDraft): PlanDraft => ({
  action,
  department,
  owner,
  dueDate,
});
const sameDraft = (a: PlanDraft, b: PlanDraft) =>
  a.action === b.action && a.department === b.department && a.owner === b.owner && a.dueDate === b.dueDate;
const draftKey = (plan: Parameters<typeof planKey>[0], gapKey: string) => `${planKey(plan)}/${gapKey}`;

/**
 * A regenerated plan keeps what the user typed for the gaps it still has: new data does not
 * undo it. The drafts of the gaps it no longer has are deleted, each on record.
 */
function keepDrafts(ctx: ServiceContext, plan: repo.PlanHead, gaps: readonly PlanGap[]): void {
  const keys = new Set(gaps.map((g) => g.key));
  for (const d of draftRows.draftsOf(ctx.db, plan.id))
    if (!keys.has(d.gapKey))
      auditedDelete(ctx, 'plan_drafts', d.id, draftKey(plan, d.gapKey), () =>
        draftRows.deleteDraft(ctx.db, d.id),
      );
}

function save(ctx: ServiceContext, row: repo.PlanRow, stage: PlanStage, content: PlanContent): Plan {
  auditedUpdate(ctx, 'plans', row.id, planKey(row), () =>
    repo.updatePlan(ctx.db, {
      id: row.id,
      stage,
      title: row.title,
      contentJson: JSON.stringify(content),
      updatedAt: nowIso(ctx),
    }),
  );
  return getPlan(ctx, row.id);
}

function requireStage(row: Pick<repo.PlanRow, 'stage'>, allowed: readonly PlanStage[]): void {
  if (!allowed.includes(row.stage)) {
    throw invalidField(
      'stage',
      messageOf('planStageNeeded', {
        stage: labelOf(row.stage),
        needed: listed(allowed.map(labelOf), { en: ' or ', zh: '”或“' }),
      }),
    );
  }
}

/** One step along the cycle; entering Check or Act freezes the before/after found so far. */
export function advancePlan(ctx: ServiceContext, input: ParsedInput<'plans:advance'>): Plan {
  return inTransaction(ctx, () => {
    const row = requirePlanRow(ctx, input.id);
    if (!canTransition(PLAN_TRANSITIONS, row.stage, input.to) || row.stage === input.to) {
      throw statusJump(row.stage, input.to, PLAN_TRANSITIONS[row.stage]);
    }
    const content = JSON.parse(row.contentJson) as PlanContent;
    if (input.to === 'closed' && !content.act) {
      throw invalidField('stage', messageOf('planActFirst'));
    }
    if (input.to === 'act' || input.to === 'check') {
      content.check = {
        checkedAt: nowIso(ctx),
        results: currentCheck(ctx, resolveScope(ctx, scopeOf(row)), row.period, content.gaps),
      };
    }
    return save(ctx, row, input.to, content);
  });
}

/** Pulls the later inspections now and keeps the result (Check stage). */
export function checkPlan(ctx: ServiceContext, id: string): Plan {
  return inTransaction(ctx, () => {
    const row = requirePlanRow(ctx, id);
    requireStage(row, ['check']);
    const content = JSON.parse(row.contentJson) as PlanContent;
    content.check = {
      checkedAt: nowIso(ctx),
      results: currentCheck(ctx, resolveScope(ctx, scopeOf(row)), row.period, content.gaps),
    };
    return save(ctx, row, row.stage, content);
  });
}

/**
 * Keeps what the user typed for proposed actions while the plan can still take actions (Plan,
 * Do), each draft replacing the one saved for its gap. A draft is a row of its own, so a save
 * records in the trail only the drafts it changes, not the plan's content (megabytes for a
 * region, and the page saves as the user types); one saved again unchanged is not written.
 * Nor is the content read to check the gap keys, but once per version of the plan (gap-keys.ts).
 * Answers with the time only: the whole plan is too much to send back each time.
 */
export function saveDrafts(
  ctx: ServiceContext,
  input: ParsedInput<'plans:saveDrafts'>,
): { updatedAt: string } {
  return inTransaction(ctx, () => {
    const row = requireFound(repo.getPlanHead(ctx.db, input.id), input.id);
    requireStage(row, ['plan', 'do']);
    const keys = gapKeysOf(ctx.db, row);
    const at = nowIso(ctx);
    input.drafts.forEach(({ key, ...typed }, i) => {
      if (!keys.has(key)) throw invalidField(`drafts.${i}.key`, messageOf('planNoGap', { key }));
      const saved = draftRows.findDraft(ctx.db, row.id, key);
      const entityKey = draftKey(row, key);
      if (!saved) {
        const id = newId();
        draftRows.insertDraft(ctx.db, { id, planId: row.id, gapKey: key, ...typed, at });
        afterCreate(ctx, 'plan_drafts', id, entityKey);
      } else if (!sameDraft(saved, typed)) {
        auditedUpdate(ctx, 'plan_drafts', saved.id, entityKey, () =>
          draftRows.updateDraft(ctx.db, { id: saved.id, ...typed, at }),
        );
      }
    });
    return { updatedAt: at };
  });
}

/**
 * Creates the corrective actions the user confirmed for proposed gaps, each tied to the plan.
 * A gap that already has an open action is linked to it, never given a second one.
 */
export function confirmActions(ctx: ServiceContext, input: ParsedInput<'plans:confirmActions'>): Plan {
  return inTransaction(ctx, () => {
    const row = requirePlanRow(ctx, input.id);
    requireStage(row, ['plan', 'do']);
    const content = JSON.parse(row.contentJson) as PlanContent;
    const gaps = new Map(content.gaps.map((g) => [g.key, g]));
    const existing = new Set(
      toPlan(ctx, row, content).actions.map((a) => `${a.branchCode}/${a.standardCode ?? ''}`),
    );
    input.actions.forEach((a, i) => {
      const gap = gaps.get(a.key);
      if (!gap) throw invalidField(`actions.${i}.key`, messageOf('planNoGap', { key: a.key }));
      if (gap.linkedActions.length || existing.has(a.key)) {
        throw new AppError('conflict', 'duplicate', { entity: NOUNS.action, key: a.key }, `actions.${i}.key`);
      }
      existing.add(a.key);
      createAction(ctx, {
        branchCode: gap.branchCode,
        standardCode: gap.standardCode,
        finding: gapStatement(gap, 'zh'),
        rootCauseCategory: a.rootCauseCategory ?? gap.proposed?.rootCauseCategory ?? null,
        rootCause: a.rootCause ?? null,
        action: a.action ?? gap.proposed?.action.zh ?? gapStatement(gap, 'zh'),
        department: a.department,
        owner: a.owner,
        dueDate: a.dueDate,
        planId: row.id,
      });
    });
    return getPlan(ctx, row.id);
  });
}

/**
 * Act: records what was standardised (a procedure, or a new version of the standard when its
 * target changes) and carries the gaps that did not close into a next-cycle plan.
 */
export function actPlan(
  ctx: ServiceContext,
  input: ParsedInput<'plans:act'>,
): { plan: Plan; nextPlan: Plan | null } {
  return inTransaction(ctx, () => {
    const row = requirePlanRow(ctx, input.id);
    requireStage(row, ['act']);
    const content = JSON.parse(row.contentJson) as PlanContent;
    if (content.act)
      throw new AppError('conflict', 'duplicate', { entity: NOUNS.actRecord, key: row.id }, 'id');
    const standardised: StandardisedItem[] = input.standardised.map((item, i) => {
      let newVersion: StandardisedItem['newVersion'] = null;
      if (item.newTarget !== undefined || item.newWarning !== undefined) {
        const s = updateStandard(ctx, {
          code: item.standardCode,
          changes: { target: item.newTarget, warning: item.newWarning },
          effectiveFrom: item.effectiveFrom,
        });
        newVersion = {
          version: s.version,
          target: s.target,
          warning: s.warning,
          effectiveFrom: s.effectiveFrom,
        };
      } else if (!content.gaps.some((g) => g.standardCode === item.standardCode)) {
        throw invalidField(
          `standardised.${i}.standardCode`,
          messageOf('planStandardNoGap', { code: item.standardCode }),
        );
      }
      return {
        standardCode: item.standardCode,
        branchCode: item.branchCode ?? null,
        procedure: item.procedure,
        newVersion,
      };
    });
    const results = new Map((content.check?.results ?? []).map((r) => [r.key, r]));
    const open = content.gaps.filter((g) => results.get(g.key)?.status !== 'closed');
    let nextPlan: Plan | null = null;
    if (input.carryOver && open.length) {
      const latestPeriod = [...results.values()]
        .map((r) => r.afterPeriod)
        .filter((p): p is string => !!p)
        .sort(comparePeriods)
        .at(-1);
      nextPlan = generatePlan(
        ctx,
        { scope: scopeOf(row), period: latestPeriod ?? shiftPeriod(row.period, -1), lang: input.lang },
        {
          fromPlanId: row.id,
          gaps: open.map((gap) => ({ gap, latest: results.get(gap.key)?.after ?? gap.value })),
        },
      );
    }
    content.act = {
      recordedAt: nowIso(ctx),
      standardised,
      carriedOver: input.carryOver ? open.map((g) => g.key) : [],
      nextPlanId: nextPlan?.id ?? null,
    };
    return { plan: save(ctx, row, row.stage, content), nextPlan };
  });
}
