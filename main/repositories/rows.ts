import type { DB } from '../db/open';
import { prepared } from '../db/prepared';

/**
 * The tables whose rows the audit trail records verbatim. Raw rows (not view models) go into
 * the trail so that undoing an import can put back exactly what was there.
 */
export const AUDITED_TABLES = [
  'regions',
  'branches',
  'standards',
  'inspections',
  'measurements',
  'findings',
  'actions',
  'plans',
  'reviews',
] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];

/** Children before parents: the order in which a batch's rows can be removed. */
export const DELETE_ORDER: readonly AuditedTable[] = [
  'measurements',
  'actions',
  'findings',
  'inspections',
  'standards',
  'branches',
  'regions',
  'reviews',
  'plans',
];

export type RawRow = Record<string, unknown> & { id: string };

export function rawRow(db: DB, table: AuditedTable, id: string): RawRow | undefined {
  return prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as RawRow | undefined;
}

export function deleteRaw(db: DB, table: AuditedTable, id: string): void {
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
}

/** Puts a row back as it was: inserted if gone, overwritten if present. */
export function restoreRaw(db: DB, table: AuditedTable, row: RawRow): void {
  const columns = Object.keys(row);
  if (!columns.every((c) => /^[a-z_]+$/.test(c))) throw new Error(`unexpected column in ${table} row`);
  db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${columns
       .filter((c) => c !== 'id')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
  ).run(row);
}

export function deleteBatchRows(db: DB, table: AuditedTable, batchId: string): number {
  if (table === 'plans' || table === 'reviews') return 0;
  return db.prepare(`DELETE FROM ${table} WHERE batch_id = ?`).run(batchId).changes;
}
