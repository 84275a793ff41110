import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ExchangeConflict, ExchangeReport } from '../../shared/contracts/export';
import { rawRow, restoreRaw, type RawRow } from '../repositories/rows';
import {
  EXCHANGE_TABLES,
  exchangeColumns,
  finishExchangeBatch,
  insertExchangeBatch,
  missingReference,
  uniqueClash,
  type ExchangeTable,
} from '../repositories/export-exchange';
import { audit, newId, nowIso, type ServiceContext } from '../services/context';
import { readExchange } from './exchange-read';

/**
 * Merges an exchange workbook into this database by id (exchange-format.md): a row we lack
 * is inserted; a row we have is replaced when the incoming `updated_at` is newer, kept when
 * ours is newer; equal timestamps with different content are conflicts, kept as ours and
 * listed. Nothing is dropped without a line in the report. One transaction, one import
 * batch, every write audited, so `qms undo BATCH` takes the whole merge back.
 */
export async function importExchange(ctx: ServiceContext, file: string): Promise<ExchangeReport> {
  const content = await readExchange(ctx.db, file);
  const batchId = newId();
  const report: ExchangeReport = {
    batchId,
    sourceInstallation: content.meta.source_installation ?? '',
    exportedAt: content.meta.exported_at ?? '',
    inserted: 0,
    updated: 0,
    unchanged: 0,
    keptLocal: 0,
    conflicts: [],
    rejected: [],
  };
  const batchCtx: ServiceContext = { ...ctx, batchId };
  const db = ctx.db;
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
        mergeRow(batchCtx, table, incoming, hasBatch, report);
      }
    }
    const written = report.inserted + report.updated;
    finishExchangeBatch(db, batchId, written, JSON.stringify(report));
  })();
  return report;
}

function mergeRow(
  ctx: ServiceContext,
  table: ExchangeTable,
  incoming: RawRow,
  hasBatch: boolean,
  report: ExchangeReport,
): void {
  const key = keyOf(table, incoming);
  const local = rawRow(ctx.db, table, incoming.id);
  if (!local) {
    const clash = uniqueClash(ctx.db, table, incoming) ?? missingReference(ctx.db, table, incoming);
    if (clash) {
      report.rejected.push({ table, id: incoming.id, key, reason: clash });
      return;
    }
    restoreRaw(ctx.db, table, hasBatch ? { ...incoming, batch_id: ctx.batchId } : incoming);
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
  const fields = Object.keys(incoming).filter((f) => !same(local[f], incoming[f]));
  if (fields.length === 0) {
    report.unchanged++;
    return;
  }
  const ours = String(local.updated_at);
  const theirs = String(incoming.updated_at);
  if (theirs > ours) {
    const clash = uniqueClash(ctx.db, table, incoming) ?? missingReference(ctx.db, table, incoming);
    if (clash) {
      report.rejected.push({ table, id: incoming.id, key, reason: clash });
      return;
    }
    restoreRaw(ctx.db, table, incoming);
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
