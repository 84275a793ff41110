import type { DB } from '../db/open';
import type { Scope } from '../../shared/schemas/common';
import type { Standard } from '../../shared/schemas/standard';
import type { PlanStage } from '../../shared/domain/enums';
import type { GapSource } from '../../shared/plans/generate';
import type { HistoryPoint, LinkedAction } from '../../shared/plans/types';
import type { LaterValue } from '../../shared/plans/check';

/**
 * The branches a scope covers, as a clause over `b` (branches) and `r` (regions) and its
 * parameter; reviews use it too.
 */
export function scopeClause(scope: Scope): { sql: string; params: { scopeCode: string | null } } {
  const sql =
    scope.type === 'region'
      ? 'r.code = @scopeCode'
      : scope.type === 'branch'
        ? 'b.code = @scopeCode'
        : '1 = 1';
  return { sql, params: { scopeCode: scope.code ?? null } };
}

/** The scope's name as people say it: the region's or branch's name. */
export function scopeName(db: DB, scope: Scope): string | undefined {
  if (scope.type === 'all') return '全部';
  const sql =
    scope.type === 'region'
      ? 'SELECT name FROM regions WHERE code = ?'
      : 'SELECT name FROM branches WHERE code = ?';
  return (db.prepare(sql).get(scope.code) as { name: string } | undefined)?.name;
}

export function countBranches(db: DB, scope: Scope): number {
  const where = scopeClause(scope);
  return (
    db
      .prepare(`SELECT count(*) AS n FROM branches b JOIN regions r ON r.id = b.region_id WHERE ${where.sql}`)
      .get(where.params) as { n: number }
  ).n;
}

const JOIN_ORG = 'JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id';

/** How many values the scope holds for the period: with none there is nothing to plan from. */
export function measurementsIn(db: DB, scope: Scope, period: string): number {
  const where = scopeClause(scope);
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM inspections i JOIN measurements m ON m.inspection_id = i.id ${JOIN_ORG}
          WHERE i.period = @period AND ${where.sql}`,
      )
      .get({ ...where.params, period }) as { n: number }
  ).n;
}

/** One branch's values of one standard in the plan's period and in the earlier periods asked for. */
export interface PeriodValues {
  branchCode: string;
  standardCode: string;
  /** Null when the branch has no value of the standard in the plan's period itself. */
  source: GapSource | null;
  /** The earlier periods with a value, in the order asked for. */
  history: HistoryPoint[];
}

/**
 * Each branch's value of each standard in the period, with its values in the `earlier`
 * periods (the baseline trend; a gap carried over from an earlier plan may have only those),
 * in one pass over the inspections of those periods. Several inspections of one period
 * (self-assessment and audit, say) are averaged, as scores do; thresholds come from the
 * newest version that judged the period's values (SQLite takes the bare column from the
 * max() row), the weight from the current library, as composite scores weigh. Ordered by
 * branch code, then standard code.
 *
 * Names are looked up here rather than joined in: a region's 12,500 rows of codes and
 * numbers cross into JavaScript several times faster than with every name repeated.
 */
export function gapSources(db: DB, scope: Scope, period: string, earlier: readonly string[]): PeriodValues[] {
  const where = scopeClause(scope);
  const periods = [period, ...earlier];
  const rows = db
    .prepare(
      `SELECT b.code AS branchCode, m.standard_code AS standardCode,
              max(CASE WHEN i.period = @p0 THEN (SELECT version FROM standards WHERE id = m.standard_id) END) AS version,
              m.standard_id AS standardId,
              ${periods.map((_, k) => `avg(CASE WHEN i.period = @p${k} THEN m.value END) AS v${k}`).join(', ')}
         FROM inspections i JOIN measurements m ON m.inspection_id = i.id ${JOIN_ORG}
        WHERE i.period IN (SELECT value FROM json_each(@periods)) AND ${where.sql}
        GROUP BY b.code, m.standard_code
        ORDER BY b.code, m.standard_code`,
    )
    .raw()
    .all({
      periods: JSON.stringify(periods),
      ...Object.fromEntries(periods.map((p, k) => [`p${k}`, p])),
      ...where.params,
    }) as [string, string, number | null, string, number | null, ...(number | null)[]][];
  const branches = new Map(
    (
      db
        .prepare(
          `SELECT b.code, b.name, r.code AS regionCode FROM branches b JOIN regions r ON r.id = b.region_id
            WHERE ${where.sql}`,
        )
        .all(where.params) as { code: string; name: string; regionCode: string }[]
    ).map((b) => [b.code, b]),
  );
  const standards = db
    .prepare(
      `SELECT id, code, version, name_zh AS nameZh, name_en AS nameEn, dimension, unit, direction, target, warning,
              weight FROM standards ORDER BY code, version`,
    )
    .all() as StandardRow[];
  const byId = new Map(standards.map((s) => [s.id, s]));
  // Ordered by version, so the last of each code is the current library's.
  const weights = new Map(standards.map((s) => [s.code, s.weight]));
  return rows.map(([branchCode, standardCode, version, standardId, value, ...values]) => {
    const history: HistoryPoint[] = [];
    values.forEach((v, k) => v !== null && history.push({ period: earlier[k]!, value: v }));
    if (value === null) return { branchCode, standardCode, source: null, history };
    const b = branches.get(branchCode)!;
    const s = byId.get(standardId)!;
    return {
      branchCode,
      standardCode,
      // The keys in this order: they are the order of the plan's stored gaps.
      source: {
        branchCode,
        branchName: b.name,
        regionCode: b.regionCode,
        standardCode,
        standardNameZh: s.nameZh,
        standardNameEn: s.nameEn,
        dimension: s.dimension,
        unit: s.unit,
        direction: s.direction,
        target: s.target,
        warning: s.warning,
        version: version!,
        value,
        weight: weights.get(standardCode)!,
      },
      history,
    };
  });
}

/** The columns of a standard version the gap sources carry. */
type StandardRow = Pick<
  Standard,
  | 'id'
  | 'code'
  | 'version'
  | 'nameZh'
  | 'nameEn'
  | 'dimension'
  | 'unit'
  | 'direction'
  | 'target'
  | 'warning'
  | 'weight'
>;

/**
 * Values of the scope from the plan's year on, judged by the version in force for each
 * period; the caller keeps the periods after the plan's (periods of mixed kinds do not
 * order as text, so the exact cut is made with comparePeriods).
 */
export function valuesSinceYear(
  db: DB,
  scope: Scope,
  year: string,
): (LaterValue & { branchCode: string; standardCode: string })[] {
  const where = scopeClause(scope);
  return db
    .prepare(
      `SELECT b.code AS branchCode, m.standard_code AS standardCode, b.code || '/' || m.standard_code AS key,
              i.period, avg(m.value) AS value, s.direction, s.target, s.warning, max(s.version) AS version
         FROM inspections i JOIN measurements m ON m.inspection_id = i.id JOIN standards s ON s.id = m.standard_id
         ${JOIN_ORG}
        WHERE substr(i.period, 1, 4) >= @year AND ${where.sql}
        GROUP BY i.branch_id, m.standard_code, i.period`,
    )
    .all({ year, ...where.params }) as never;
}

/** Corrective actions still open (open, in progress, reopened) on a standard, in the scope. */
export function openActions(
  db: DB,
  scope: Scope,
): (LinkedAction & { branchCode: string; standardCode: string })[] {
  const where = scopeClause(scope);
  return db
    .prepare(
      `SELECT a.id, b.code AS branchCode, a.standard_code AS standardCode, a.action, a.department, a.owner,
              a.due_date AS dueDate, a.status
         FROM actions a JOIN branches b ON b.id = a.branch_id JOIN regions r ON r.id = b.region_id
        WHERE a.status IN ('open', 'in_progress', 'reopened') AND a.standard_code IS NOT NULL AND ${where.sql}`,
    )
    .all(where.params) as never;
}

export interface PlanRow {
  id: string;
  scopeType: Scope['type'];
  scopeCode: string | null;
  period: string;
  stage: PlanStage;
  title: string;
  contentJson: string;
  previousPlanId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A plan's row but its content, which is megabytes for a region. */
export type PlanHead = Omit<PlanRow, 'contentJson'>;

const HEAD_COLUMNS = `id, scope_type AS scopeType, scope_code AS scopeCode, period, stage, title,
  previous_plan_id AS previousPlanId, created_at AS createdAt, updated_at AS updatedAt`;
const PLAN_COLUMNS = `${HEAD_COLUMNS}, content_json AS contentJson`;

export function insertPlan(db: DB, p: PlanRow): void {
  db.prepare(
    `INSERT INTO plans (id, scope_type, scope_code, period, stage, title, content_json, previous_plan_id, created_at, updated_at)
     VALUES (@id, @scopeType, @scopeCode, @period, @stage, @title, @contentJson, @previousPlanId, @createdAt, @updatedAt)`,
  ).run(p);
}

export function updatePlan(
  db: DB,
  p: Pick<PlanRow, 'id' | 'stage' | 'title' | 'contentJson' | 'updatedAt'>,
): void {
  db.prepare(
    'UPDATE plans SET stage = @stage, title = @title, content_json = @contentJson, updated_at = @updatedAt WHERE id = @id',
  ).run(p);
}

export function getPlanRow(db: DB, id: string): PlanRow | undefined {
  return db.prepare(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ?`).get(id) as PlanRow | undefined;
}

export function getPlanHead(db: DB, id: string): PlanHead | undefined {
  return db.prepare(`SELECT ${HEAD_COLUMNS} FROM plans WHERE id = ?`).get(id) as PlanHead | undefined;
}

/** The keys of a plan's gaps, read by SQLite: the content never crosses into JavaScript. */
export function gapKeys(db: DB, id: string): string[] {
  return db
    .prepare(
      `SELECT json_extract(g.value, '$.key') FROM plans p, json_each(p.content_json, '$.gaps') g WHERE p.id = ?`,
    )
    .pluck()
    .all(id) as string[];
}

export interface PlanListRow extends PlanHead {
  gapCount: number;
}

export function listPlans(db: DB, f: { scope?: Scope; period?: string; stage?: PlanStage }): PlanListRow[] {
  const clauses: string[] = [];
  if (f.scope) clauses.push("scope_type = @scopeType AND coalesce(scope_code, '') = @scopeCode");
  if (f.period) clauses.push('period = @period');
  if (f.stage) clauses.push('stage = @stage');
  return db
    .prepare(
      `SELECT ${HEAD_COLUMNS}, coalesce(json_extract(content_json, '$.summary.gapCount'), 0) AS gapCount
         FROM plans ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY period DESC, created_at DESC, id`,
    )
    .all({
      scopeType: f.scope?.type ?? null,
      scopeCode: f.scope?.code ?? '',
      period: f.period ?? null,
      stage: f.stage ?? null,
    }) as PlanListRow[];
}

/** Plans about the scope or any branch inside it: a review's plan progress. */
export function plansWithin(db: DB, scope: Scope): PlanRow[] {
  const where = scopeClause(scope);
  return db
    .prepare(
      `SELECT ${PLAN_COLUMNS} FROM plans p
        WHERE p.scope_type = 'all'
           OR (p.scope_type = 'region' AND EXISTS (SELECT 1 FROM branches b JOIN regions r ON r.id = b.region_id
                 WHERE r.code = p.scope_code AND ${where.sql}))
           OR (p.scope_type = 'branch' AND EXISTS (SELECT 1 FROM branches b JOIN regions r ON r.id = b.region_id
                 WHERE b.code = p.scope_code AND ${where.sql}))
        ORDER BY p.period DESC, p.created_at DESC, p.id`,
    )
    .all(where.params) as PlanRow[];
}
