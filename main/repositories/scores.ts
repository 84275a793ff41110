import type { DB } from '../db/open';
import type { Scope } from '../../shared/schemas/common';

/**
 * What composite scores are computed from: the branches in scope, the current library
 * (code and weight), and each branch's attainment per standard for the period. When a branch
 * has several inspections of the period (self-assessment and audit, say), their attainments
 * are averaged per standard.
 */
export function scoreInputs(db: DB, scope: Scope, period: string) {
  const scopeClause =
    scope.type === 'region' ? 'WHERE r.code = @code' : scope.type === 'branch' ? 'WHERE b.code = @code' : '';
  const params = { code: scope.code ?? null, period };
  const branches = db
    .prepare(
      `SELECT b.id, b.code, b.name, r.code AS regionCode FROM branches b JOIN regions r ON r.id = b.region_id
       ${scopeClause} ORDER BY b.code`,
    )
    .all(params) as { id: string; code: string; name: string; regionCode: string }[];
  const standards = db
    .prepare(
      `SELECT s.code, s.weight FROM standards s
        WHERE s.version = (SELECT max(v.version) FROM standards v WHERE v.code = s.code) ORDER BY s.code`,
    )
    .all() as { code: string; weight: number }[];
  const rows = db
    .prepare(
      `SELECT i.branch_id AS branchId, m.standard_code AS code, avg(m.attainment) AS attainment
         FROM measurements m JOIN inspections i ON i.id = m.inspection_id
         JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id
        ${scopeClause ? `${scopeClause} AND` : 'WHERE'} i.period = @period
        GROUP BY i.branch_id, m.standard_code`,
    )
    .all(params) as { branchId: string; code: string; attainment: number }[];
  const attainments = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!attainments.has(r.branchId)) attainments.set(r.branchId, new Map());
    attainments.get(r.branchId)!.set(r.code, r.attainment);
  }
  return { branches, standards, attainments };
}
