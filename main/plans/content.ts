/** Gathers a plan's inputs from the database and builds its content (shared/plans/generate). */
import { shiftPeriod } from '../../shared/domain/period';
import { buildPlanContent, gapKey, type GapSource } from '../../shared/plans/generate';
import { checkGaps } from '../../shared/plans/check';
import type { CheckResult, HistoryPoint, LinkedAction, PlanContent, PlanGap } from '../../shared/plans/types';
import * as repo from '../repositories/plans';
import { nowIso, type ServiceContext } from '../services/context';
import type { ResolvedScope } from './scope';

/** How many earlier periods of the same kind the baseline trend looks back over. */
export const TREND_PERIODS = 5;

export interface Carried {
  fromPlanId: string;
  /** The open gaps of the earlier plan, with their latest known value. */
  gaps: readonly { gap: PlanGap; latest: number }[];
}

export function gatherContent(
  ctx: ServiceContext,
  s: ResolvedScope,
  period: string,
  carried?: Carried,
): PlanContent {
  const earlier = Array.from({ length: TREND_PERIODS }, (_, i) => shiftPeriod(period, i + 1));
  const sources: GapSource[] = [];
  const history = new Map<string, HistoryPoint[]>();
  for (const v of repo.gapSources(ctx.db, s.scope, period, earlier)) {
    if (v.source) sources.push(v.source);
    if (v.history.length) history.set(gapKey(v.branchCode, v.standardCode), v.history);
  }
  const present = new Set(sources.map((x) => gapKey(x.branchCode, x.standardCode)));
  // A carried gap with no value in this period yet stays on the plan at its latest value.
  for (const c of carried?.gaps ?? []) {
    if (!present.has(c.gap.key)) sources.push({ ...c.gap, value: c.latest });
  }
  const openActions = new Map<string, LinkedAction[]>();
  for (const a of repo.openActions(ctx.db, s.scope)) {
    const key = gapKey(a.branchCode, a.standardCode);
    const list = openActions.get(key) ?? [];
    list.push({
      id: a.id,
      action: a.action,
      department: a.department,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
    });
    openActions.set(key, list);
  }
  return buildPlanContent({
    period,
    scopeName: s.name,
    branchCount: s.branchCount,
    generatedAt: nowIso(ctx),
    sources,
    history,
    openActions,
    carried: carried && { fromPlanId: carried.fromPlanId, keys: new Set(carried.gaps.map((c) => c.gap.key)) },
  });
}

/** The Check stage's before/after per gap, from the inspections after the plan's period. */
export function currentCheck(
  ctx: ServiceContext,
  s: ResolvedScope,
  period: string,
  gaps: readonly PlanGap[],
): CheckResult[] {
  return checkGaps(gaps, period, repo.valuesSinceYear(ctx.db, s.scope, period.slice(0, 4)));
}
