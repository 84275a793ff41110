import type { DB } from '../db/open';
import type { Scope } from '../../shared/schemas/common';
import type { PlanStage } from '../../shared/domain/enums';
import type { GapSource } from '../../shared/plans/generate';
import type { LinkedAction } from '../../shared/plans/types';
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

/**
 * Each branch's value of each standard in the period. Several inspections of one period
 * (self-assessment and audit, say) are averaged, as scores do; thresholds come from the
 * newest version that judged them (SQLite takes bare columns from the max() row), the weight
 * from the current library, as composite scores weigh.
 */
export function gapSources(db: DB, scope: Scope, period: string): GapSource[] {
  const where = scopeClause(scope);
  return db
    .prepare(
      `SELECT b.code AS branchCode, b.name AS branchName, r.code AS regionCode, m.standard_code AS standardCode,
              s.name_zh AS standardNameZh, s.name_en AS standardNameEn, s.dimension, s.unit, s.direction,
              s.target, s.warning, max(s.version) AS version, avg(m.value) AS value,
              (SELECT c.weight FROM standards c WHERE c.code = m.standard_code ORDER BY c.version DESC LIMIT 1) AS weight
         FROM inspections i JOIN measurements m ON m.inspection_id = i.id JOIN standards s ON s.id = m.standard_id
         ${JOIN_ORG}
        WHERE i.period = @period AND ${where.sql}
        GROUP BY i.branch_id, m.standard_code
        ORDER BY b.code, m.standard_code`,
    )
    .all({ period, ...where.params }) as GapSource[];
}

/** Values per branch, standard and period for the given periods (the plan's baseline trend). */
export function valuesInPeriods(
  db: DB,
  scope: Scope,
  periods: readonly string[],
): { branchCode: string; standardCode: string; period: string; value: number }[] {
  const where = scopeClause(scope);
  return db
    .prepare(
      `SELECT b.code AS branchCode, m.standard_code AS standardCode, i.period, avg(m.value) AS value
         FROM inspections i JOIN measurements m ON m.inspection_id = i.id ${JOIN_ORG}
        WHERE i.period IN (SELECT value FROM json_each(@periods)) AND ${where.sql}
        GROUP BY i.branch_id, m.standard_code, i.period`,
    )
    .all({ periods: JSON.stringify(periods), ...where.params }) as never;
}

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

const PLAN_COLUMNS = `id, scope_type AS scopeType, scope_code AS scopeCode, period, stage, title,
  content_json AS contentJson, previous_plan_id AS previousPlanId, created_at AS createdAt, updated_at AS updatedAt`;

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

export interface PlanListRow extends Omit<PlanRow, 'contentJson'> {
  gapCount: number;
}

export function listPlans(db: DB, f: { scope?: Scope; period?: string; stage?: PlanStage }): PlanListRow[] {
  const clauses: string[] = [];
  if (f.scope) clauses.push("scope_type = @scopeType AND coalesce(scope_code, '') = @scopeCode");
  if (f.period) clauses.push('period = @period');
  if (f.stage) clauses.push('stage = @stage');
  return db
    .prepare(
      `SELECT id, scope_type AS scopeType, scope_code AS scopeCode, period, stage, title,
              previous_plan_id AS previousPlanId, created_at AS createdAt, updated_at AS updatedAt,
              coalesce(json_extract(content_json, '$.summary.gapCount'), 0) AS gapCount
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
