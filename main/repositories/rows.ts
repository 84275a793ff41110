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
  'plan_drafts',
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
  'plan_drafts',
  'plans',
];

export type RawRow = Record<string, unknown> & { id: string };

export function rawRow(db: DB, table: AuditedTable, id: string): RawRow | undefined {
  return prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as RawRow | undefined;
}

/**
 * Columns that hold a whole document: a region's plan content runs to megabytes, a review's
 * snapshot lists every branch and open action. The audit trail keeps such a column in the
 * `before` of the change that replaces it, not in the `after` of the write that stored it:
 * until that next change the row itself holds it. So every version is on record once, not
 * twice, and a plan is written once when generated (a review's decisions, saved as typed, do
 * not copy the snapshot into each entry's `after`).
 */
export const DOCUMENT_COLUMNS: Partial<Record<AuditedTable, string>> = {
  plans: 'content_json',
  reviews: 'snapshot_json',
};

/** What the trail's `after` holds in place of a document: its size, with the rule above. */
export interface OmittedDocument {
  omitted: 'kept in the row; the next change keeps it as before';
  bytes: number;
}

/** The row as the trail's `after` keeps it: a document column as an OmittedDocument. */
export function rowAfterWrite(db: DB, table: AuditedTable, id: string): RawRow | undefined {
  const document = DOCUMENT_COLUMNS[table];
  if (!document) return rawRow(db, table, id);
  // octet_length reads the size from the record header, not the megabytes themselves.
  const columns = (
    prepared(db, 'SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]
  ).map((c) => (c.name === document ? `octet_length(${document}) AS ${document}` : c.name));
  const row = prepared(db, `SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`).get(id) as
    RawRow | undefined;
  if (!row) return undefined;
  const omitted: OmittedDocument = {
    omitted: 'kept in the row; the next change keeps it as before',
    bytes: row[document] as number,
  };
  return { ...row, [document]: omitted };
}

/** Whether the row's document column still holds what `before` read (true for tables without one). */
export function sameDocument(db: DB, table: AuditedTable, id: string, before: RawRow): boolean {
  const document = DOCUMENT_COLUMNS[table];
  if (!document) return true;
  const row = prepared(db, `SELECT ${document} IS ? AS same FROM ${table} WHERE id = ?`).get(
    before[document],
    id,
  ) as { same: number } | undefined;
  return row?.same === 1;
}

/**
 * A row `row` refers to that is not there (a foreign key's target): what putting `row` back
 * would break. Its table and id; undefined when every reference holds.
 */
export function missingReference(
  db: DB,
  table: AuditedTable,
  row: RawRow,
): { table: string; id: string } | undefined {
  const keys = prepared(
    db,
    'SELECT "table" AS parent, "from" AS field, "to" AS target FROM pragma_foreign_key_list(?)',
  ).all(table) as { parent: string; field: string; target: string }[];
  for (const k of keys) {
    const value = row[k.field];
    if (value === null || value === undefined) continue;
    if (!prepared(db, `SELECT 1 FROM ${k.parent} WHERE ${k.target} = ?`).get(value))
      return { table: k.parent, id: String(value) };
  }
  return undefined;
}

/** Deletes one row; returns whether it was there. */
export function deleteRaw(db: DB, table: AuditedTable, id: string): boolean {
  return db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id).changes > 0;
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

/** The tables without a `batch_id` column: the trail alone says which batch wrote a row. */
const UNBATCHED_TABLES: readonly AuditedTable[] = ['plans', 'plan_drafts', 'reviews'];

/** The tables whose rows carry the import batch that wrote them (`batch_id`). */
export const BATCHED_TABLES: readonly AuditedTable[] = DELETE_ORDER.filter(
  (t) => !UNBATCHED_TABLES.includes(t),
);

export function deleteBatchRows(db: DB, table: AuditedTable, batchId: string): number {
  if (!BATCHED_TABLES.includes(table)) return 0;
  return db.prepare(`DELETE FROM ${table} WHERE batch_id = ?`).run(batchId).changes;
}
