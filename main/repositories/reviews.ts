import type { DB } from '../db/open';
import type { Scope } from '../../shared/schemas/common';
import { scopeClause } from './plans';

/** Mean attainment per branch and dimension in a period (1 = on target). */
export function attainmentByDimension(
  db: DB,
  scope: Scope,
  period: string,
): { branchCode: string; dimension: string; attainment: number }[] {
  const where = scopeClause(scope);
  return db
    .prepare(
      `SELECT b.code AS branchCode, s.dimension, avg(m.attainment) AS attainment
         FROM inspections i JOIN measurements m ON m.inspection_id = i.id JOIN standards s ON s.id = m.standard_id
         JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id
        WHERE i.period = @period AND ${where.sql}
        GROUP BY b.code, s.dimension`,
    )
    .all({ period, ...where.params }) as never;
}

export interface ReviewRow {
  id: string;
  scopeType: Scope['type'];
  scopeCode: string | null;
  period: string;
  title: string;
  decisions: string | null;
  objectives: string | null;
  snapshotJson: string;
  createdAt: string;
  updatedAt: string;
}

// A review of one period stores it as both ends of the table's period range.
const COLUMNS = `id, scope_type AS scopeType, scope_code AS scopeCode, period_to AS period, title, decisions, objectives,
  snapshot_json AS snapshotJson, created_at AS createdAt, updated_at AS updatedAt`;

export function insertReview(db: DB, r: ReviewRow): void {
  db.prepare(
    `INSERT INTO reviews (id, scope_type, scope_code, period_from, period_to, title, decisions, objectives, snapshot_json,
       created_at, updated_at)
     VALUES (@id, @scopeType, @scopeCode, @period, @period, @title, @decisions, @objectives, @snapshotJson, @createdAt,
       @updatedAt)`,
  ).run(r);
}

export function updateReview(
  db: DB,
  r: Pick<ReviewRow, 'id' | 'title' | 'decisions' | 'objectives' | 'snapshotJson' | 'updatedAt'>,
): void {
  db.prepare(
    `UPDATE reviews SET title = @title, decisions = @decisions, objectives = @objectives, snapshot_json = @snapshotJson,
       updated_at = @updatedAt WHERE id = @id`,
  ).run(r);
}

export function getReviewRow(db: DB, id: string): ReviewRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM reviews WHERE id = ?`).get(id) as ReviewRow | undefined;
}

export function listReviewRows(db: DB, f: { scope?: Scope; period?: string }): ReviewRow[] {
  const clauses: string[] = [];
  if (f.scope) clauses.push("scope_type = @scopeType AND coalesce(scope_code, '') = @scopeCode");
  if (f.period) clauses.push('period_to = @period');
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM reviews ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY period_to DESC, created_at DESC, id`,
    )
    .all({
      scopeType: f.scope?.type ?? null,
      scopeCode: f.scope?.code ?? '',
      period: f.period ?? null,
    }) as ReviewRow[];
}
