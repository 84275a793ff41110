import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ExchangeConflict, ExchangeReport } from '../../shared/contracts/export';
import type { BilingualText } from '../../shared/contracts/import';
import { rawRow, restoreRaw, type RawRow } from '../repositories/rows';
import {
  EXCHANGE_TABLES,
  exchangeColumns,
  finishExchangeBatch,
  insertExchangeBatch,
  referencesOf,
  sameRowHere,
  type ExchangeTable,
} from '../repositories/export-exchange';
import { audit, newId, nowIso, type ServiceContext } from '../services/context';
import { judge } from '../services/inspections';
import { readExchange } from './exchange-read';
import { problemOf, written } from './exchange-refusals';

/**
 * Merges an exchange workbook into this database by id (exchange-format.md): a row we lack
 * is inserted; a row we have is replaced when the incoming `updated_at` is newer, kept when
 * ours is newer; equal timestamps with different content are conflicts, kept as ours and
 * listed. A row this database holds under another id (the same region code, standard version,
 * inspection...: each installation seeds the library and imports branch lists itself) is
 * that row: it is merged as such, and the rows that refer to it are pointed at it here.
 * A measurement's verdict, gap and attainment are judged again from its value and standard.
 * All or nothing: a row that cannot be merged takes the whole merge back, unless `keepGood`.
 * One transaction, one import batch, every write audited, so `qms undo BATCH` takes it back.
 */
export async function importExchange(
  ctx: ServiceContext,
  file: string,
  options: { keepGood?: boolean } = {},
): Promise<ExchangeReport> {
  const content = await readExchange(ctx.db, file);
  const batchId = newId();
  const report: ExchangeReport = {
    batchId,
    sourceInstallation: content.meta.source_installation ?? '',
    exportedAt: content.meta.exported_at ?? '',
    applied: true,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    keptLocal: 0,
    matchedByKey: 0,
    conflicts: [],
    rejected: [],
  };
  const batchCtx: ServiceContext = { ...ctx, batchId };
  const db = ctx.db;
  /** Incoming ids of rows this database holds under ids of its own. */
  const ids = new Map<string, string>();
  try {
    db.transaction(() => {
      // Rows of one table may point at each other (a plan at its predecessor); checked at commit.
      db.pragma('defer_foreign_keys = ON');
      insertExchangeBatch(db, {
        id: batchId,
        fileName: path.basename(file),
        fileHash: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
        user: ctx.user,
        at: nowIso(ctx),
      });
      for (const table of EXCHANGE_TABLES) {
        const hasBatch = exchangeColumns(db, table).length < columnCount(db, table);
        for (const incoming of content.tables.get(table) ?? []) {
          mergeRow(batchCtx, table, asHere(batchCtx, table, incoming, ids, report), hasBatch, report);
        }
      }
      if (report.rejected.length > 0 && !options.keepGood) throw new TakenBack();
      const written = report.inserted + report.updated;
      finishExchangeBatch(db, batchId, written, JSON.stringify(report));
    })();
  } catch (e) {
    if (!(e instanceof TakenBack)) throw e;
    report.applied = false;
  }
  return report;
}

/** Thrown inside the merge's transaction to take it all back: some row could not be merged. */
class TakenBack extends Error {}

/**
 * The incoming row as this database knows it: its references to rows held here under other
 * ids pointed at those, then its own id replaced by the id of the row here of the same name.
 */
function asHere(
  ctx: ServiceContext,
  table: ExchangeTable,
  incoming: RawRow,
  ids: Map<string, string>,
  report: ExchangeReport,
): RawRow {
  let row = incoming;
  for (const { col } of referencesOf(ctx.db, table)) {
    const here = ids.get(String(row[col]));
    if (here) row = { ...row, [col]: here };
  }
  if (!rawRow(ctx.db, table, row.id)) {
    const here = sameRowHere(ctx.db, table, row);
    if (here) {
      ids.set(row.id, here);
      row = { ...row, id: here };
      report.matchedByKey++;
    }
  }
  return table === 'measurements' ? judgedHere(ctx, row) : row;
}

/** A measurement judged by its standard here, not by what the file says the verdict was. */
function judgedHere(ctx: ServiceContext, row: RawRow): RawRow {
  const standard = rawRow(ctx.db, 'standards', String(row.standard_id));
  if (!standard || typeof row.value !== 'number') return row;
  return {
    ...row,
    ...judge(row.value, standard as unknown as Parameters<typeof judge>[1]),
  };
}

function mergeRow(
  ctx: ServiceContext,
  table: ExchangeTable,
  incoming: RawRow,
  hasBatch: boolean,
  report: ExchangeReport,
): void {
  const key = keyOf(table, incoming);
  const reject = (reason: BilingualText) =>
    void report.rejected.push({ table, id: incoming.id, key, reason });
  const local = rawRow(ctx.db, table, incoming.id);
  if (!local) {
    const problem = problemOf(ctx.db, table, incoming);
    if (problem) return reject(problem);
    const refused = written(() =>
      restoreRaw(ctx.db, table, hasBatch ? { ...incoming, batch_id: ctx.batchId } : incoming),
    );
    if (refused) return reject(refused);
    audit(ctx, {
      entityType: table,
      entityId: incoming.id,
      entityKey: key,
      action: 'create',
      after: rawRow(ctx.db, table, incoming.id),
    });
    report.inserted++;
    return;
  }
  // Moments alone do not make a difference: the same content saved at two times is the same row.
  const fields = Object.keys(incoming).filter(
    (f) => f !== 'created_at' && f !== 'updated_at' && !same(local[f], incoming[f]),
  );
  if (fields.length === 0) {
    report.unchanged++;
    return;
  }
  const ours = String(local.updated_at);
  const theirs = String(incoming.updated_at);
  if (theirs > ours) {
    const problem = problemOf(ctx.db, table, incoming);
    if (problem) return reject(problem);
    const refused = written(() => restoreRaw(ctx.db, table, incoming));
    if (refused) return reject(refused);
    audit(ctx, {
      entityType: table,
      entityId: incoming.id,
      entityKey: key,
      action: 'update',
      before: local,
      after: rawRow(ctx.db, table, incoming.id),
    });
    report.updated++;
  } else if (theirs < ours) {
    report.keptLocal++;
  } else {
    const conflict: ExchangeConflict = {
      table,
      id: incoming.id,
      key,
      fields: fields.map((field) => ({ field, local: local[field], incoming: incoming[field] })),
    };
    report.conflicts.push(conflict);
  }
}

function same(a: unknown, b: unknown): boolean {
  return a === b || ((a === null || a === undefined) && (b === null || b === undefined));
}

function columnCount(db: ServiceContext['db'], table: ExchangeTable): number {
  return (db.prepare('SELECT count(*) AS n FROM pragma_table_info(?)').get(table) as { n: number }).n;
}

/** What a person recognises the row by, for the report. */
function keyOf(table: ExchangeTable, r: RawRow): string {
  const v = (k: string) => (r[k] === null || r[k] === undefined ? '' : String(r[k]));
  switch (table) {
    case 'regions':
    case 'branches':
      return v('code');
    case 'standards':
      return `${v('code')} v${v('version')}`;
    case 'inspections':
      return `${v('period')} ${v('kind')}`;
    case 'measurements':
      return v('standard_code');
    case 'actions':
      return v('action').slice(0, 40);
    default:
      return v('title') || v('description').slice(0, 40) || r.id;
  }
}
