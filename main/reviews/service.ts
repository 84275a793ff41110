/**
 * Management reviews (管理评审): a snapshot of a scope's period (attainment by dimension and
 * branch, composite scores against the previous period, open and overdue actions, plan
 * progress) plus the decisions and next objectives the meeting records.
 */
import type { ParsedInput } from '../../shared/contract';
import { NOUNS } from '../../shared/messages';
import type { Review } from '../../shared/contracts/plans';
import type { Scope } from '../../shared/schemas/common';
import { AppError } from '../../shared/errors';
import { DIMENSIONS } from '../../shared/domain/dimensions';
import { comparePeriods, shiftPeriod } from '../../shared/domain/period';
import { roundTo } from '../../shared/domain/verdict';
import type { ReviewSnapshot } from '../../shared/plans/review';
import type { PlanContent } from '../../shared/plans/types';
import * as repo from '../repositories/reviews';
import { plansWithin } from '../repositories/plans';
import { listActions } from '../repositories/actions';
import { branchScores } from '../services/scores';
import { afterCreate, auditedUpdate } from '../services/audited';
import { inTransaction, newId, nowIso, today, type ServiceContext } from '../services/context';
import { resolveScope } from '../plans/scope';

const mean = (xs: readonly number[]): number | null =>
  xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
const round = (n: number | null, d: number) => (n === null ? null : roundTo(n, d));

function actionsInScope(ctx: ServiceContext, scope: Scope) {
  const filter =
    scope.type === 'region'
      ? { regionCode: scope.code }
      : scope.type === 'branch'
        ? { branchCode: scope.code }
        : {};
  return listActions(ctx.db, { ...filter, offset: 0, limit: 1_000_000, sort: [] }, today(ctx)).rows;
}

export function reviewSnapshot(ctx: ServiceContext, scope: Scope, period: string): ReviewSnapshot {
  const s = resolveScope(ctx, scope);
  const previousPeriod = shiftPeriod(period, 1);
  const current = branchScores(ctx, { scope: s.scope, period });
  const previous = new Map(
    branchScores(ctx, { scope: s.scope, period: previousPeriod }).map((b) => [b.branchCode, b.score]),
  );
  const byBranch = new Map<string, Record<string, number | null>>();
  for (const row of repo.attainmentByDimension(ctx.db, s.scope, period)) {
    const dims = byBranch.get(row.branchCode) ?? {};
    dims[row.dimension] = roundTo(row.attainment, 4);
    byBranch.set(row.branchCode, dims);
  }
  const branches = current.map((b) => {
    const prev = previous.get(b.branchCode) ?? null;
    const attainment = Object.fromEntries(
      DIMENSIONS.map((d) => [d.code, byBranch.get(b.branchCode)?.[d.code] ?? null]),
    );
    return {
      branchCode: b.branchCode,
      branchName: b.branchName,
      score: b.score,
      previousScore: prev,
      change: b.score !== null && prev !== null ? roundTo(b.score - prev, 2) : null,
      measured: b.measured,
      missing: b.missing,
      attainment,
    };
  });
  const dimensionAttainment = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d.code,
      round(mean(branches.flatMap((b) => (b.attainment[d.code] == null ? [] : [b.attainment[d.code]!]))), 4),
    ]),
  );
  const scoreNow = round(mean(branches.flatMap((b) => (b.score === null ? [] : [b.score]))), 2);
  const scorePrev = round(mean([...previous.values()].flatMap((x) => (x === null ? [] : [x]))), 2);

  const actions = actionsInScope(ctx, s.scope);
  const count = (status: string) => actions.filter((a) => a.status === status).length;
  const open = actions.filter(
    (a) => a.status === 'open' || a.status === 'in_progress' || a.status === 'reopened',
  );

  const plans = plansWithin(ctx.db, s.scope)
    .filter((p) => p.stage !== 'closed' || p.period === period)
    .filter((p) => comparePeriods(p.period, period) <= 0)
    .map((p) => {
      const content = JSON.parse(p.contentJson) as PlanContent;
      const own = listActions(
        ctx.db,
        { planId: p.id, offset: 0, limit: 1_000_000, sort: [] },
        today(ctx),
      ).rows;
      return {
        id: p.id,
        period: p.period,
        stage: p.stage,
        title: p.title,
        gapCount: content.summary.gapCount,
        closedCount: content.check ? content.check.results.filter((r) => r.status === 'closed').length : null,
        actionCount: own.length,
        actionsDone: own.filter((a) => a.status === 'done' || a.status === 'verified').length,
      };
    });
  return {
    generatedAt: nowIso(ctx),
    scopeName: s.name,
    previousPeriod,
    branches,
    dimensionAttainment,
    score: {
      current: scoreNow,
      previous: scorePrev,
      // Like for like: the mean of the changes of branches scored in both periods. The difference
      // of the two means compared different branches when the periods scored different ones.
      change: round(mean(branches.flatMap((b) => (b.change === null ? [] : [b.change]))), 2),
    },
    actions: {
      open: count('open'),
      inProgress: count('in_progress'),
      done: count('done'),
      verified: count('verified'),
      reopened: count('reopened'),
      overdue: actions.filter((a) => a.overdue).length,
      openList: open.map((a) => ({
        id: a.id,
        branchCode: a.branchCode,
        standardCode: a.standardCode,
        action: a.action,
        department: a.department,
        owner: a.owner,
        dueDate: a.dueDate,
        status: a.status,
        overdue: a.overdue,
      })),
    },
    plans,
  };
}

function toReview(r: repo.ReviewRow): Review {
  return {
    id: r.id,
    scope: r.scopeType === 'all' ? { type: 'all' } : { type: r.scopeType, code: r.scopeCode ?? '' },
    period: r.period,
    title: r.title,
    decisions: r.decisions ?? '',
    objectives: r.objectives ?? '',
    snapshot: JSON.parse(r.snapshotJson) as ReviewSnapshot,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function getReview(ctx: ServiceContext, id: string): Review {
  const row = repo.getReviewRow(ctx.db, id);
  if (!row) throw new AppError('not_found', 'notFound', { entity: NOUNS.review, id }, 'id');
  return toReview(row);
}

export function listReviews(ctx: ServiceContext, input: ParsedInput<'reviews:list'>): Review[] {
  return repo.listReviewRows(ctx.db, input).map(toReview);
}

const reviewKey = (r: Pick<repo.ReviewRow, 'scopeType' | 'scopeCode' | 'period'>) =>
  `${r.scopeType}/${r.scopeCode ?? ''}/${r.period}`;

/**
 * The review of a scope and period; asking again refreshes the numbers of the same review and
 * keeps the decisions and objectives already recorded.
 */
export function createReview(ctx: ServiceContext, input: ParsedInput<'reviews:create'>): Review {
  return inTransaction(ctx, () => {
    const s = resolveScope(ctx, input.scope);
    const snapshotJson = JSON.stringify(reviewSnapshot(ctx, s.scope, input.period));
    const title =
      input.title ??
      (input.lang === 'en'
        ? `${s.name} ${input.period} management review`
        : `${s.name} ${input.period} 管理评审`);
    const existing = repo.listReviewRows(ctx.db, { scope: s.scope, period: input.period })[0];
    const at = nowIso(ctx);
    if (existing) {
      auditedUpdate(ctx, 'reviews', existing.id, reviewKey(existing), () =>
        repo.updateReview(ctx.db, { ...existing, title, snapshotJson, updatedAt: at }),
      );
      return getReview(ctx, existing.id);
    }
    const row: repo.ReviewRow = {
      id: newId(),
      scopeType: s.scope.type,
      scopeCode: s.scope.code ?? null,
      period: input.period,
      title,
      decisions: null,
      objectives: null,
      snapshotJson,
      createdAt: at,
      updatedAt: at,
    };
    repo.insertReview(ctx.db, row);
    afterCreate(ctx, 'reviews', row.id, reviewKey(row));
    return getReview(ctx, row.id);
  });
}

/**
 * Records the decisions and objectives given; the page saves them as they are typed, so one
 * saved again unchanged writes nothing and leaves no entry in the trail.
 */
export function updateReview(ctx: ServiceContext, input: ParsedInput<'reviews:update'>): Review {
  return inTransaction(ctx, () => {
    const row = repo.getReviewRow(ctx.db, input.id);
    if (!row) throw new AppError('not_found', 'notFound', { entity: NOUNS.review, id: input.id }, 'id');
    const decisions = input.decisions ?? row.decisions;
    const objectives = input.objectives ?? row.objectives;
    if ((decisions ?? '') === (row.decisions ?? '') && (objectives ?? '') === (row.objectives ?? ''))
      return toReview(row);
    auditedUpdate(ctx, 'reviews', row.id, reviewKey(row), () =>
      repo.updateReview(ctx.db, { ...row, decisions, objectives, updatedAt: nowIso(ctx) }),
    );
    return getReview(ctx, row.id);
  });
}
