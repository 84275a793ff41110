/**
 * From contract data to what each figure draws, and from a clicked item back to the filter of
 * the rows behind it. Pure, so the mapping both ways is unit-tested without a browser.
 */
import type { ActionBucket, DashboardOverview } from '../../../shared/contracts/dashboard';
import { ACTION_AGES, type ActionAge } from '../../../shared/contracts/dashboard';
import { ACTION_STATUSES, type ActionStatus } from '../../../shared/domain/enums';
import type { BranchScore } from '../../../shared/schemas/system';
import { roundTo } from '../../../shared/domain/verdict';
import { VERDICT_RANK } from '../../charts/options';

export interface RegionScore {
  regionCode: string;
  /** Mean of its branches' composite scores, over the branches with a score. */
  score: number | null;
  branches: number;
}

export function regionScores(scores: readonly BranchScore[]): RegionScore[] {
  const groups = new Map<string, { sum: number; scored: number; branches: number }>();
  for (const s of scores) {
    const g = groups.get(s.regionCode) ?? { sum: 0, scored: 0, branches: 0 };
    g.branches++;
    if (s.score !== null) {
      g.sum += s.score;
      g.scored++;
    }
    groups.set(s.regionCode, g);
  }
  return [...groups.entries()]
    .map(([regionCode, g]) => ({
      regionCode,
      score: g.scored ? roundTo(g.sum / g.scored, 2) : null,
      branches: g.branches,
    }))
    .sort(byScoreThenCode);
}

/** Lowest score first (problems lead), unscored last, then by code. */
export function byScoreThenCode<T extends { score: number | null; regionCode?: string; branchCode?: string }>(
  a: T,
  b: T,
): number {
  const sa = a.score ?? Infinity;
  const sb = b.score ?? Infinity;
  if (sa !== sb) return sa - sb;
  const ka = a.branchCode ?? a.regionCode ?? '';
  const kb = b.branchCode ?? b.regionCode ?? '';
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The heatmap's cells as [column, row, attainment %, verdict rank] in the order of the overview's axes. */
export function heatmapCells(o: DashboardOverview): [number, number, number, number][] {
  const row = new Map(o.branches.map((b, i) => [b.code, i]));
  const column = new Map(o.standards.map((s, i) => [s.code, i]));
  return o.cells.flatMap((c) => {
    const x = column.get(c.standardCode);
    const y = row.get(c.branchCode);
    return x === undefined || y === undefined
      ? []
      : [[x, y, roundTo(c.attainment * 100, 1), VERDICT_RANK[c.verdict]] as [number, number, number, number]];
  });
}

/** Statuses down, due-date standing across: counts per [age][status]. */
export function actionMatrix(buckets: readonly ActionBucket[]): {
  statuses: ActionStatus[];
  ages: { age: ActionAge; counts: number[] }[];
} {
  const statuses = ACTION_STATUSES.filter((s) => buckets.some((b) => b.status === s));
  const ages = ACTION_AGES.filter((a) => buckets.some((b) => b.age === a)).map((age) => ({
    age,
    counts: statuses.map((s) => buckets.find((b) => b.status === s && b.age === age)?.count ?? 0),
  }));
  // Overdue first: the first stack is drawn leftmost.
  return { statuses, ages };
}

/** The actions:list filter behind one bar segment (as hash-route query values). */
export function actionRowsQuery(status: ActionStatus, age: ActionAge): Record<string, string> {
  if (age === 'overdue') return { status, overdue: '1' };
  if (age === 'finished') return { status };
  return { status, overdue: '0' };
}
