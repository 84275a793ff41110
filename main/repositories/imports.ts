import { isBusy, type DB } from '../db/open';
import type { RawRow } from './rows';

/**
 * SQL of the importer: the batch record, the mapping memory, and the prepared statements
 * the bulk measurement writer runs once per row (prepared once per import, not per row).
 */

/**
 * An import streams rows while it writes, across awaits, so it holds one explicit
 * transaction rather than a db.transaction() callback. IMMEDIATE: no other writer can slip in.
 */
export function beginImport(db: DB): void {
  db.exec('BEGIN IMMEDIATE');
}

export function commitImport(db: DB): void {
  db.exec('COMMIT');
}

export function rollbackImport(db: DB): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}

/**
 * A bulk load into a database that no other connection has open runs under a rollback
 * journal instead of the WAL. The WAL writes every new page twice, once into the log and
 * again into the database at the checkpoint; the journal keeps only the old content of pages
 * that already existed, which a load that appends has few of (1.3 s of SQLite's 8.4 s at a
 * million rows). Just as crash-safe: a killed import leaves a hot journal that the next open
 * rolls back. While another connection is open (the desktop app's own, a reader) SQLite
 * refuses at once with SQLITE_BUSY and the load stays in WAL mode. Returns the way back to WAL,
 * for after the commit or rollback.
 */
export function useRollbackJournal(db: DB): () => void {
  const stay = () => {};
  try {
    if (db.pragma('journal_mode = TRUNCATE', { simple: true }) !== 'truncate') return stay;
  } catch (e) {
    if (isBusy(e)) return stay;
    throw e;
  }
  return () => db.pragma('journal_mode = WAL');
}

const BULK_CACHE_KIB = -2048;

/**
 * A bulk load runs with a page cache of 2 MB instead of 16. The load only appends, so a page
 * once full is not needed again; a small cache writes it out early and reuses its memory,
 * where a large one first faults in fresh memory for every page and then holds them all
 * dirty. Side by side: at 100,000 rows SQLite's time fell from 0.56 s to 0.48 s, and the
 * index build at a million rows from 1.0 s to 0.8 s. Returns the way back.
 */
export function useBulkCache(db: DB): () => void {
  return pragmaUntilRestored(db, 'cache_size', BULK_CACHE_KIB);
}

/**
 * While a bulk load writes its rows, SQLite's temporary files are kept in memory. Each branch
 * or region the load creates is a savepoint, which copies every page it changes that the load
 * had already changed to a statement journal; past 64 KB (four of our 16 KB pages) that
 * journal becomes a file, created and removed for every savepoint (100,000 rows naming 321
 * new branches: 30 ms). Not for the index build after the rows: its sort, held in memory,
 * made a million rows a second slower and 40 MB larger. Returns the way back (idempotent).
 */
export function useMemoryTempFiles(db: DB): () => void {
  return pragmaUntilRestored(db, 'temp_store', 'MEMORY');
}

/** Sets a connection's pragma; returns the way back to what it was (idempotent). */
function pragmaUntilRestored(db: DB, name: string, value: string | number): () => void {
  const before = db.pragma(name, { simple: true }) as number;
  db.pragma(`${name} = ${value}`);
  return () => db.pragma(`${name} = ${before}`);
}

export function committedBatchOfHash(db: DB, hash: string): { id: string; startedAt: string } | undefined {
  return db
    .prepare(
      `SELECT id, started_at AS startedAt FROM import_batches
        WHERE file_hash = ? AND status = 'committed' ORDER BY started_at DESC LIMIT 1`,
    )
    .get(hash) as { id: string; startedAt: string } | undefined;
}

export function insertImportBatch(
  db: DB,
  b: { id: string; fileName: string; fileHash: string; kind: string; user: string; startedAt: string },
): void {
  db.prepare(
    `INSERT INTO import_batches (id, file_name, file_hash, kind, user, started_at, rows_written, status)
     VALUES (@id, @fileName, @fileHash, @kind, @user, @startedAt, 0, 'committed')`,
  ).run(b);
}

export function finishImportBatch(
  db: DB,
  b: { id: string; kind: string; finishedAt: string; rowsWritten: number; reportJson: string },
): void {
  db.prepare(
    `UPDATE import_batches SET kind = @kind, finished_at = @finishedAt, rows_written = @rowsWritten,
       report_json = @reportJson WHERE id = @id`,
  ).run(b);
}

export interface SavedMapping {
  signature: string;
  filePattern: string;
  mappingJson: string;
}

/** The mapping saved for these exact headers, else the newest one saved for this kind of file name. */
export function findSavedMapping(db: DB, signature: string, filePattern: string): SavedMapping | undefined {
  return (db
    .prepare(
      'SELECT signature, file_pattern AS filePattern, mapping_json AS mappingJson FROM import_mappings WHERE signature = ?',
    )
    .get(signature) ??
    db
      .prepare(
        `SELECT signature, file_pattern AS filePattern, mapping_json AS mappingJson FROM import_mappings
          WHERE file_pattern = ? ORDER BY updated_at DESC LIMIT 1`,
      )
      .get(filePattern)) as SavedMapping | undefined;
}

export function saveMapping(db: DB, m: SavedMapping & { updatedAt: string }): void {
  db.prepare(
    `INSERT INTO import_mappings (signature, file_pattern, mapping_json, updated_at)
     VALUES (@signature, @filePattern, @mappingJson, @updatedAt)
     ON CONFLICT (signature) DO UPDATE SET file_pattern = excluded.file_pattern,
       mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(m);
}

export interface BulkMeasurement {
  id: string;
  inspectionId: string;
  standardId: string;
  standardCode: string;
  value: number;
  verdict: string;
  gap: number;
  attainment: number;
  notes: string | null;
}

export interface BulkInspection {
  id: string;
  branchId: string;
  period: string;
  kind: string;
  inspector: string | null;
  inspectedOn: string | null;
}

/** When and by which batch an import writes: the same for every row it writes. */
export interface ImportStamp {
  at: string;
  batchId: string;
}

/**
 * Measurements per INSERT statement of an import. One statement per 200 rows instead of one
 * per row saves SQLite's and the binding's work per statement, and a result object per row:
 * a 100,000-row import went from 1.64 s to 1.42 s side by side. Larger statements insert
 * faster alone (1,000 rows to a statement: 11% less time in a loop of nothing but inserts), but
 * not inside an import, where the rows' own work runs between two statements: the main
 * thread of a 100,000-row import spent 25-45 ms more with 500 or 1,000, and as much with 50
 * or 100 (side by side, 10 runs each).
 */
export const MEASUREMENTS_PER_INSERT = 200;
const MEASUREMENT_INSERT = `INSERT INTO measurements (id, inspection_id, standard_id, standard_code, value, verdict,
    gap, attainment, notes, created_at, updated_at, batch_id) VALUES`;
// The stamp is bound once per statement, not once per row: 3 of 12 values, 12% of the insert.
const MEASUREMENT_VALUES = '(?, ?, ?, ?, ?, ?, ?, ?, ?, @at, @at, @batchId)';
/** Positional values per row, as many as MEASUREMENT_VALUES has `?`. */
const PER_ROW = MEASUREMENT_VALUES.split('?').length - 1;
const MEASUREMENT_CONFLICT = 'ON CONFLICT (inspection_id, standard_code) DO NOTHING';

/** The statements one measurement import runs per row, prepared once. */
export function measurementStatements(db: DB, stamp: ImportStamp) {
  // Positional, not named: binding from an object costs a property lookup per column per row.
  const insertOf = (rows: number) =>
    db.prepare(
      `${MEASUREMENT_INSERT} ${Array<string>(rows).fill(MEASUREMENT_VALUES).join(', ')} ${MEASUREMENT_CONFLICT}`,
    );
  const insertMany = insertOf(MEASUREMENTS_PER_INSERT);
  /**
   * The measurements waiting for the next insert, as that statement's parameters: each one's
   * values are written here as it comes, not kept in an object of its own first (which, with
   * its numbers boxed twice on the way, was a third of a 100,000-row import's garbage).
   */
  const waiting: unknown[] = new Array(MEASUREMENTS_PER_INSERT * PER_ROW);
  let count = 0;
  const idOf = db
    .prepare('SELECT id FROM measurements WHERE inspection_id = ? AND standard_code = ?')
    .pluck();
  const waitingAt = (i: number): BulkMeasurement => {
    const at = i * PER_ROW;
    return {
      id: waiting[at] as string,
      inspectionId: waiting[at + 1] as string,
      standardId: waiting[at + 2] as string,
      standardCode: waiting[at + 3] as string,
      value: waiting[at + 4] as number,
      verdict: waiting[at + 5] as string,
      gap: waiting[at + 6] as number,
      attainment: waiting[at + 7] as number,
      notes: waiting[at + 8] as string | null,
    };
  };
  const existingMeasurement = db.prepare(
    'SELECT * FROM measurements WHERE inspection_id = ? AND standard_code = ?',
  );
  const updateMeasurement = db.prepare(
    `UPDATE measurements SET standard_id = @standardId, value = @value, verdict = @verdict, gap = @gap,
       attainment = @attainment, notes = @notes, updated_at = @at WHERE id = @id`,
  );
  const findInspection = db.prepare(
    'SELECT * FROM inspections WHERE branch_id = ? AND period = ? AND kind = ?',
  );
  const insertInspection = db.prepare(
    `INSERT INTO inspections (id, branch_id, period, kind, inspector, inspected_on, status, notes, created_at,
       updated_at, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, 'draft', NULL, @at, @at, @batchId)`,
  );
  const updateInspection = db.prepare(
    'UPDATE inspections SET inspector = @inspector, inspected_on = @inspectedOn, updated_at = @at WHERE id = @id',
  );
  return {
    /**
     * Queues one measurement for the next insert (insertWaiting); returns how many now wait,
     * MEASUREMENTS_PER_INSERT at most. Positional: an object per row is what this saves.
     */
    queue(
      id: string,
      inspectionId: string,
      standardId: string,
      standardCode: string,
      value: number,
      verdict: string,
      gap: number,
      attainment: number,
      notes: string | null,
    ): number {
      if (count === MEASUREMENTS_PER_INSERT) throw new Error('insert the waiting measurements first');
      const at = count * PER_ROW;
      waiting[at] = id;
      waiting[at + 1] = inspectionId;
      waiting[at + 2] = standardId;
      waiting[at + 3] = standardCode;
      waiting[at + 4] = value;
      waiting[at + 5] = verdict;
      waiting[at + 6] = gap;
      waiting[at + 7] = attainment;
      waiting[at + 8] = notes;
      return ++count;
    },
    /**
     * Inserts the waiting measurements in one statement, in order (a shorter run, a sheet's
     * last, with a statement of its own length); `passedOver` gets, in order, each one whose
     * inspection already held its standard, for the caller to update instead. Returns how many
     * were inserted; none wait after.
     */
    insertWaiting(passedOver: (m: BulkMeasurement, index: number) => void): number {
      const n = count;
      if (n === 0) return 0;
      count = 0;
      const full = n === MEASUREMENTS_PER_INSERT;
      // Spread, not the array itself: better-sqlite3 reads its arguments directly but an array
      // element by element through V8's generic lookup. 100,000 rows inserted alone: 265 to 237
      // ms of CPU (medians of 5 after a first run each, alternating).
      const inserted = (full ? insertMany : insertOf(n)).run(
        ...(full ? waiting : waiting.slice(0, n * PER_ROW)),
        stamp,
      ).changes;
      if (inserted === n) return n;
      // Some were there already: the rows inserted are the ones that now hold our ids.
      for (let i = 0; i < n; i++) {
        const m = waitingAt(i);
        if (idOf.get(m.inspectionId, m.standardCode) !== m.id) passedOver(m, i);
      }
      return inserted;
    },
    existingMeasurement: (inspectionId: string, code: string) =>
      existingMeasurement.get(inspectionId, code) as RawRow,
    updateMeasurement: (m: Omit<BulkMeasurement, 'inspectionId' | 'standardCode'>) =>
      updateMeasurement.run({ ...m, at: stamp.at }),
    findInspection: (branchId: string, period: string, kind: string) =>
      findInspection.get(branchId, period, kind) as RawRow | undefined,
    insertInspection: (i: BulkInspection) =>
      insertInspection.run(i.id, i.branchId, i.period, i.kind, i.inspector, i.inspectedOn, stamp),
    updateInspection: (i: { id: string; inspector: string | null; inspectedOn: string | null }) =>
      updateInspection.run({ ...i, at: stamp.at }),
  };
}
export type MeasurementStatements = ReturnType<typeof measurementStatements>;

/**
 * Secondary indexes of measurements that a very large load builds once at the end instead
 * of row by row. Inside the import's transaction, so a crash or a cancel brings them back.
 */
const DEFERRABLE_INDEXES = {
  measurements_standard: 'CREATE INDEX measurements_standard ON measurements (standard_id)',
  measurements_code_verdict:
    'CREATE INDEX measurements_code_verdict ON measurements (standard_code, verdict)',
} as const;

export function dropMeasurementIndexes(db: DB): void {
  for (const name of Object.keys(DEFERRABLE_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

export function rebuildMeasurementIndexes(db: DB): void {
  for (const sql of Object.values(DEFERRABLE_INDEXES))
    db.exec(sql.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
}

export function measurementCount(db: DB): number {
  return (db.prepare('SELECT count(*) AS n FROM measurements').get() as { n: number }).n;
}

/** An action's natural key when the sheet gives no id: branch + standard + action text. */
export function findActionByKey(
  db: DB,
  branchId: string,
  standardCode: string | null,
  action: string,
): RawRow | undefined {
  return db
    .prepare('SELECT * FROM actions WHERE branch_id = ? AND standard_code IS ? AND action = ? LIMIT 1')
    .get(branchId, standardCode, action) as RawRow | undefined;
}
