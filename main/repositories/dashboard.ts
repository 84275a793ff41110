import type { DB } from '../db/open';
import type { Scope } from '../../shared/schemas/common';
import type { ActionAge, ActionBucket, HeatmapCell, TrendPoint } from '../../shared/contracts/dashboard';
import type { ActionStatus } from '../../shared/domain/enums';
import type { Verdict } from '../../shared/domain/verdict';
import { Where } from './sql';

/** The scope as conditions on `b` (branches) and `r` (regions). */
function scopeWhere(scope: Scope): Where {
  const where = new Where();
  if (scope.type === 'region') where.add('r.code = @scopeCode', { scopeCode: scope.code });
  if (scope.type === 'branch') where.add('b.code = @scopeCode', { scopeCode: scope.code });
  return where;
}

const MEASURED_FROM = `FROM measurements m JOIN inspections i ON i.id = m.inspection_id
  JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id`;

const VERDICT_RANK = `max(CASE m.verdict WHEN 'fail' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END)`;
const VERDICTS: readonly Verdict[] = ['pass', 'warning', 'fail'];

/** Branch x standard for one period: mean attainment and worst verdict. */
export function heatmapCells(db: DB, scope: Scope, period: string): HeatmapCell[] {
  const where = scopeWhere(scope).add('i.period = @period', { period });
  const rows = db
    .prepare(
      `SELECT b.code AS branchCode, m.standard_code AS standardCode, avg(m.attainment) AS attainment,
              ${VERDICT_RANK} AS rank
         ${MEASURED_FROM} ${where} GROUP BY b.code, m.standard_code ORDER BY b.code, m.standard_code`,
    )
    .all(where.params) as { branchCode: string; standardCode: string; attainment: number; rank: number }[];
  return rows.map(({ rank, ...r }) => ({ ...r, verdict: VERDICTS[rank]! }));
}

export function measuredBranches(db: DB, scope: Scope, period: string) {
  const where = scopeWhere(scope).add('i.period = @period', { period });
  return db
    .prepare(
      `SELECT DISTINCT b.code, b.name, r.code AS regionCode FROM inspections i
         JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id
         ${where} AND EXISTS (SELECT 1 FROM measurements m WHERE m.inspection_id = i.id) ORDER BY b.code`,
    )
    .all(where.params) as { code: string; name: string; regionCode: string }[];
}

/** The standards' current names (latest version), for the codes given. */
export function standardNames(db: DB, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .prepare(
      `SELECT s.code, s.name_zh AS nameZh, s.name_en AS nameEn FROM standards s
        WHERE s.code IN (SELECT value FROM json_each(@codes))
          AND s.version = (SELECT max(v.version) FROM standards v WHERE v.code = s.code)
        ORDER BY s.code`,
    )
    .all({ codes: JSON.stringify(codes) }) as { code: string; nameZh: string; nameEn: string | null }[];
}

/** The pattern a period of the same kind matches: months with months, quarters with quarters. */
const periodGlob = (period: string) =>
  /Q/.test(period) ? '[0-9][0-9][0-9][0-9]-Q[1-4]' : '[0-9][0-9][0-9][0-9]-[0-9][0-9]';

/** The last `count` periods with data up to `period`, oldest first. */
export function trendPoints(db: DB, scope: Scope, period: string, count: number): TrendPoint[] {
  const where = scopeWhere(scope).add('i.period <= @period AND i.period GLOB @glob', {
    period,
    glob: periodGlob(period),
  });
  const rows = db
    .prepare(
      `SELECT i.period, avg(m.attainment) AS attainment,
              sum(m.verdict = 'pass') AS pass, sum(m.verdict = 'warning') AS warning, sum(m.verdict = 'fail') AS fail
         ${MEASURED_FROM} ${where} GROUP BY i.period ORDER BY i.period DESC LIMIT @count`,
    )
    .all({ ...where.params, count }) as TrendPoint[];
  return rows.reverse();
}

/** Failed and warned measurements per standard in the period, most first. */
export function gapCounts(db: DB, scope: Scope, period: string) {
  const where = scopeWhere(scope).add(`i.period = @period AND m.verdict != 'pass'`, { period });
  return db
    .prepare(
      `SELECT m.standard_code AS standardCode, sum(m.verdict = 'fail') AS fail, sum(m.verdict = 'warning') AS warning
         ${MEASURED_FROM} ${where} GROUP BY m.standard_code
        ORDER BY count(*) DESC, fail DESC, m.standard_code`,
    )
    .all(where.params) as { standardCode: string; fail: number; warning: number }[];
}

/**
 * Actions in scope by status and how they stand against the due date, counted as of `today`;
 * "overdue" matches actions:list's overdue filter, so a bar clicks through to the same rows.
 */
export function actionBuckets(db: DB, scope: Scope, today: string): ActionBucket[] {
  const where = scopeWhere(scope);
  return db
    .prepare(
      `SELECT a.status, CASE
                WHEN a.status IN ('done', 'verified') THEN 'finished'
                WHEN a.due_date < @today THEN 'overdue'
                WHEN a.due_date <= date(@today, '+7 days') THEN 'due_7d'
                ELSE 'later' END AS age, count(*) AS count
         FROM actions a JOIN branches b ON b.id = a.branch_id JOIN regions r ON r.id = b.region_id
         ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all({ ...where.params, today }) as { status: ActionStatus; age: ActionAge; count: number }[];
}

/**
 * The periods that hold measurements. Not every inspection's: one just created, with no values
 * yet, made its period the dashboard's default, and every chart drew empty.
 */
export function measuredPeriods(db: DB): string[] {
  return db
    .prepare(
      `SELECT DISTINCT i.period FROM inspections i
        WHERE EXISTS (SELECT 1 FROM measurements m WHERE m.inspection_id = i.id)`,
    )
    .pluck()
    .all() as string[];
}
