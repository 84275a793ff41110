import type { DB } from '../db/open';
import { prepared } from '../db/prepared';
import type { AuditedTable, RawRow } from './rows';

/**
 * SQL of exchange workbooks: raw rows of each table (every column but the local batch_id),
 * for the whole database or a region's or branch's share of it, and the import batch an
 * exchange merge is recorded under.
 */

/** Parents before children, so rows insert in this order with every reference in place. */
export const EXCHANGE_TABLES = [
  'regions',
  'branches',
  'standards',
  'inspections',
  'measurements',
  'findings',
  'plans',
  'reviews',
  'actions',
] as const satisfies readonly AuditedTable[];
export type ExchangeTable = (typeof EXCHANGE_TABLES)[number];

/** Columns that travel: everything but `batch_id`, which names an import on this machine. */
export function exchangeColumns(db: DB, table: ExchangeTable): { name: string; type: string }[] {
  return (
    db.prepare(`SELECT name, type FROM pragma_table_info(?) ORDER BY cid`).all(table) as {
      name: string;
      type: string;
    }[]
  ).filter((c) => c.name !== 'batch_id');
}

export type ExchangeScope = { type: 'all' } | { type: 'region' | 'branch'; code: string };

// Branches a scope covers, as a subquery over branch ids.
const BRANCH_IDS = `(SELECT b.id FROM branches b JOIN regions r ON r.id = b.region_id
  WHERE @all = 1 OR (@type = 'region' AND r.code = @code) OR (@type = 'branch' AND b.code = @code))`;
const SCOPED_PLANS = `@all = 1 OR (scope_type = 'region' AND @type = 'region' AND scope_code = @code)
  OR (scope_type = 'branch' AND scope_code IN (SELECT code FROM branches WHERE id IN ${BRANCH_IDS}))`;

/** Which rows of a table belong to the scope. Standards travel whole: they judge the values. */
const SCOPE_WHERE: Record<ExchangeTable, string> = {
  regions: `id IN (SELECT region_id FROM branches WHERE id IN ${BRANCH_IDS}) OR @all = 1`,
  branches: `id IN ${BRANCH_IDS}`,
  standards: '1 = 1',
  inspections: `branch_id IN ${BRANCH_IDS}`,
  measurements: `inspection_id IN (SELECT id FROM inspections WHERE branch_id IN ${BRANCH_IDS})`,
  findings: `branch_id IN ${BRANCH_IDS}`,
  // Plans of the scope, and any plan a scoped action belongs to, so references resolve.
  plans: `${SCOPED_PLANS} OR id IN (SELECT plan_id FROM actions WHERE branch_id IN ${BRANCH_IDS})`,
  reviews: SCOPED_PLANS,
  actions: `branch_id IN ${BRANCH_IDS}`,
};

export function iterateExchangeRows(
  db: DB,
  table: ExchangeTable,
  scope: ExchangeScope,
): IterableIterator<RawRow> {
  const columns = exchangeColumns(db, table).map((c) => c.name);
  // Plans point at their predecessors: older first, so a predecessor is always written first.
  const order = table === 'plans' ? 'created_at, id' : 'id';
  return db
    .prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${SCOPE_WHERE[table]} ORDER BY ${order}`)
    .iterate({
      all: scope.type === 'all' ? 1 : 0,
      type: scope.type,
      code: scope.type === 'all' ? null : scope.code,
    }) as IterableIterator<RawRow>;
}

export function insertExchangeBatch(
  db: DB,
  b: { id: string; fileName: string; fileHash: string; user: string; at: string },
): void {
  db.prepare(
    `INSERT INTO import_batches (id, file_name, file_hash, kind, user, started_at, finished_at, rows_written)
     VALUES (@id, @fileName, @fileHash, 'exchange', @user, @at, @at, 0)`,
  ).run(b);
}

export function finishExchangeBatch(db: DB, id: string, rows: number, reportJson: string): void {
  db.prepare('UPDATE import_batches SET rows_written = ?, report_json = ? WHERE id = ?').run(
    rows,
    reportJson,
    id,
  );
}

/**
 * Each table's unique keys besides its id, the first being what names the row (a region by its
 * code, a measurement by its inspection and standard): two installations that each seeded the
 * library or imported the same branch list hold the same rows under different ids.
 */
const UNIQUE_KEYS: Partial<Record<ExchangeTable, string[][]>> = {
  regions: [['code']],
  branches: [['code'], ['region_id', 'name']],
  standards: [
    ['code', 'version'],
    ['code', 'effective_from'],
  ],
  inspections: [['branch_id', 'period', 'kind']],
  measurements: [['inspection_id', 'standard_code']],
};

function holderOf(db: DB, table: ExchangeTable, key: string[], row: RawRow): string | undefined {
  return (
    prepared(
      db,
      `SELECT id FROM ${table} WHERE ${key.map((k) => `${k} = @${k}`).join(' AND ')} AND id <> @id`,
    ).get({
      ...Object.fromEntries(key.map((k) => [k, row[k]])),
      id: row.id,
    }) as { id: string } | undefined
  )?.id;
}

/** The id under which this database holds the incoming row by its name (UNIQUE_KEYS), if it does. */
export function sameRowHere(db: DB, table: ExchangeTable, row: RawRow): string | undefined {
  const key = UNIQUE_KEYS[table]?.[0];
  return key && holderOf(db, table, key, row);
}

/** A row that already holds a unique key the incoming row wants (same code, other id): its key and id. */
export function uniqueClash(
  db: DB,
  table: ExchangeTable,
  row: RawRow,
): { columns: string[]; holder: string } | undefined {
  for (const key of UNIQUE_KEYS[table] ?? []) {
    const holder = holderOf(db, table, key, row);
    if (holder) return { columns: key, holder };
  }
  return undefined;
}

/** A table's references to other rows: column, the table it points into, and that table's column. */
export function referencesOf(
  db: DB,
  table: ExchangeTable,
): { col: string; parent: string; target: string }[] {
  return prepared(
    db,
    `SELECT "from" AS col, "table" AS parent, "to" AS target FROM pragma_foreign_key_list(?)`,
  ).all(table) as { col: string; parent: string; target: string }[];
}

/**
 * The first reference of a row that points at nothing here (its parent was rejected, or is
 * not in this database or the file): such a row cannot be written and is rejected instead.
 * `batch_id` is local and never travels, so it is not checked.
 */
export function missingReference(
  db: DB,
  table: ExchangeTable,
  row: RawRow,
): { column: string; parent: string; value: string } | undefined {
  for (const k of referencesOf(db, table)) {
    const value = row[k.col];
    if (k.col === 'batch_id' || value === null || value === undefined) continue;
    const found = prepared(db, `SELECT 1 FROM "${k.parent}" WHERE "${k.target}" = ?`).get(value);
    if (!found) return { column: k.col, parent: k.parent, value: String(value) };
  }
  return undefined;
}
