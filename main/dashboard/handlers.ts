import type { HandlersOf, ParsedInput } from '../../shared/contract';
import type { DashboardOverview, dashboardContract } from '../../shared/contracts/dashboard';
import { roundTo } from '../../shared/domain/verdict';
import { comparePeriods } from '../../shared/domain/period';
import type { ServiceContext } from '../services/context';
import { today } from '../services/context';
import * as repo from '../repositories/dashboard';

/** The dashboard's figures for a scope and period, each grouped in SQL. */
export function dashboardOverview(
  ctx: ServiceContext,
  input: ParsedInput<'dashboard:overview'>,
): DashboardOverview {
  const { scope, period } = input;
  const cells = repo.heatmapCells(ctx.db, scope, period);
  const gaps = repo.gapCounts(ctx.db, scope, period);
  const codes = [...new Set([...cells.map((c) => c.standardCode), ...gaps.map((g) => g.standardCode)])];
  const standards = repo.standardNames(ctx.db, codes);
  const names = new Map(standards.map((s) => [s.code, s]));
  const total = gaps.reduce((sum, g) => sum + g.fail + g.warning, 0);
  let running = 0;
  const pareto = gaps.map((g) => {
    running += g.fail + g.warning;
    const name = names.get(g.standardCode);
    return {
      ...g,
      nameZh: name?.nameZh ?? g.standardCode,
      nameEn: name?.nameEn ?? null,
      cumulative: roundTo(running / total, 6),
    };
  });
  return {
    period,
    branches: repo.measuredBranches(ctx.db, scope, period),
    standards,
    cells: cells.map((c) => ({ ...c, attainment: roundTo(c.attainment, 4) })),
    trend: repo
      .trendPoints(ctx.db, scope, period, input.trendPeriods)
      .map((p) => ({ ...p, attainment: p.attainment === null ? null : roundTo(p.attainment, 4) })),
    pareto,
    actions: repo.actionBuckets(ctx.db, scope, today(ctx)),
  };
}

export function dashboardHandlers(ctx: ServiceContext): HandlersOf<keyof typeof dashboardContract> {
  return {
    'dashboard:overview': (i) => dashboardOverview(ctx, i),
    // By start date, not text: '2026-Q3' must not sort after '2026-10'.
    'dashboard:periods': () => repo.measuredPeriods(ctx.db).sort((a, b) => comparePeriods(b, a)),
  };
}
