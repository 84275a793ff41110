import type { DB } from '../db/open';
import { prepared } from '../db/prepared';
import type { Branch, Region } from '../../shared/schemas/organisation';
import type { Page } from '../../shared/schemas/common';
import { Where, likeParam, orderBy } from './sql';

const REGION_COLUMNS = `r.id, r.code, r.name, r.created_at AS createdAt, r.updated_at AS updatedAt,
  (SELECT count(*) FROM branches b WHERE b.region_id = r.id) AS branchCount`;

export function listRegions(db: DB): Region[] {
  return db.prepare(`SELECT ${REGION_COLUMNS} FROM regions r ORDER BY r.code`).all() as Region[];
}

export function getRegion(db: DB, by: { id?: string; code?: string; name?: string }): Region | undefined {
  const [column, value] = by.id ? ['r.id', by.id] : by.code ? ['r.code', by.code] : ['r.name', by.name];
  return prepared(db, `SELECT ${REGION_COLUMNS} FROM regions r WHERE ${column} = ?`).get(value) as
    Region | undefined;
}

/** A region's id and code by its code or name, without counting its branches as getRegion does. */
export function regionRef(
  db: DB,
  by: { code: string } | { name: string },
): { id: string; code: string } | undefined {
  const [column, value] = 'code' in by ? ['code', by.code] : ['name', by.name];
  return prepared(db, `SELECT id, code FROM regions WHERE ${column} = ?`).get(value) as
    { id: string; code: string } | undefined;
}

export interface RegionRow {
  id: string;
  code: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  batchId: string | null;
}

export function insertRegion(db: DB, r: RegionRow): void {
  prepared(
    db,
    `INSERT INTO regions (id, code, name, created_at, updated_at, batch_id)
     VALUES (@id, @code, @name, @createdAt, @updatedAt, @batchId)`,
  ).run(r);
}

export function updateRegion(db: DB, r: { id: string; code: string; name: string; updatedAt: string }): void {
  db.prepare('UPDATE regions SET code = @code, name = @name, updated_at = @updatedAt WHERE id = @id').run(r);
}

export function deleteRegion(db: DB, id: string): void {
  db.prepare('DELETE FROM regions WHERE id = ?').run(id);
}

const BRANCH_COLUMNS = `b.id, b.code, b.name, b.region_id AS regionId, r.code AS regionCode, r.name AS regionName,
  b.created_at AS createdAt, b.updated_at AS updatedAt`;
const BRANCH_FROM = 'FROM branches b JOIN regions r ON r.id = b.region_id';

export function listBranches(
  db: DB,
  f: {
    regionCode?: string;
    q?: string;
    offset: number;
    limit: number;
    sort: { field: string; dir: 'asc' | 'desc' }[];
  },
): Page<Branch> {
  const where = new Where()
    .when(f.regionCode, 'r.code = @regionCode', { regionCode: f.regionCode })
    .when(f.q, "(b.code LIKE @q ESCAPE '\\' OR b.name LIKE @q ESCAPE '\\')", {
      q: f.q ? likeParam(f.q) : null,
    });
  const order = orderBy(f.sort, { code: 'b.code', name: 'b.name', regionCode: 'r.code' }, 'b.code');
  const rows = db
    .prepare(`SELECT ${BRANCH_COLUMNS} ${BRANCH_FROM} ${where} ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, limit: f.limit, offset: f.offset }) as Branch[];
  const total = (
    db.prepare(`SELECT count(*) AS n ${BRANCH_FROM} ${where}`).get(where.params) as { n: number }
  ).n;
  return { rows, total };
}

export function getBranch(db: DB, by: { id?: string; code?: string }): Branch | undefined {
  const [column, value] = by.id ? ['b.id', by.id] : ['b.code', by.code];
  return prepared(db, `SELECT ${BRANCH_COLUMNS} ${BRANCH_FROM} WHERE ${column} = ?`).get(value) as
    Branch | undefined;
}

export function findBranchByName(db: DB, regionId: string | null, name: string): Branch | undefined {
  const sql = regionId
    ? `SELECT ${BRANCH_COLUMNS} ${BRANCH_FROM} WHERE b.region_id = ? AND b.name = ?`
    : `SELECT ${BRANCH_COLUMNS} ${BRANCH_FROM} WHERE b.name = ?`;
  // Prepared once: creating a branch asks it too (services/organisation.ts requireFreeName).
  const rows = prepared(db, sql).all(...(regionId ? [regionId, name] : [name])) as Branch[];
  // Without a region, a name is a key only when it is unambiguous.
  return rows.length === 1 ? rows[0] : undefined;
}

export interface BranchRow {
  id: string;
  code: string;
  name: string;
  regionId: string;
  createdAt: string;
  updatedAt: string;
  batchId: string | null;
}

export function insertBranch(db: DB, b: BranchRow): void {
  prepared(
    db,
    `INSERT INTO branches (id, region_id, code, name, created_at, updated_at, batch_id)
     VALUES (@id, @regionId, @code, @name, @createdAt, @updatedAt, @batchId)`,
  ).run(b);
}

export function updateBranch(
  db: DB,
  b: { id: string; code: string; name: string; regionId: string; updatedAt: string },
): void {
  db.prepare(
    'UPDATE branches SET code = @code, name = @name, region_id = @regionId, updated_at = @updatedAt WHERE id = @id',
  ).run(b);
}

export function deleteBranch(db: DB, id: string): void {
  db.prepare('DELETE FROM branches WHERE id = ?').run(id);
}

export function countBranchReferences(db: DB, id: string): number {
  return (
    db
      .prepare(
        `SELECT (SELECT count(*) FROM inspections WHERE branch_id = @id)
              + (SELECT count(*) FROM actions WHERE branch_id = @id)
              + (SELECT count(*) FROM findings WHERE branch_id = @id) AS n`,
      )
      .get({ id }) as { n: number }
  ).n;
}
