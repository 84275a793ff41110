import { AppError } from '../../shared/errors';
import { listed, NOUNS, type Bilingual } from '../../shared/messages';
import { entriesOf } from '../repositories/audit';
import { laterUse } from '../repositories/batch-use';
import { getBatch, setBatchStatus } from '../repositories/system';
import {
  AUDITED_TABLES,
  DELETE_ORDER,
  deleteBatchRows,
  deleteRaw,
  restoreRaw,
  type AuditedTable,
  type RawRow,
} from '../repositories/rows';
import { inTransaction, type ServiceContext, audit } from './context';

/**
 * Undoes one import batch exactly, in one transaction: the rows it overwrote get their old
 * values back (from the audit trail), the rows it created go. The undo is itself audited.
 */
export function undoBatch(ctx: ServiceContext, id: string): { rowsRemoved: number; rowsRestored: number } {
  return inTransaction(ctx, () => {
    const batch = getBatch(ctx.db, id);
    if (!batch) throw new AppError('not_found', 'notFound', { entity: NOUNS.importBatch, id }, 'id');
    // Said, not passed over: "undid, restored 0 rows" read as if this undo had done something.
    if (batch.status === 'undone')
      throw new AppError('conflict', 'batchUndone', { id, file: batch.fileName }, 'id');
    const later = laterUse(ctx.db, id);
    if (later.length === 1 && later[0] === null)
      throw new AppError('conflict', 'batchEditedByHand', { id, file: batch.fileName }, 'id');
    if (later.length > 0)
      throw new AppError(
        'conflict',
        'batchInUse',
        { id, file: batch.fileName, later: listed(later.map((b) => nameOf(ctx, b))) },
        'id',
      );
    const entries = entriesOf(ctx.db, 'batch_id', id);
    // Rows the batch created go first, children before parents: they carry the batch id
    // (bulk imports create rows without one audit entry each, so the trail alone misses them).
    let removed = 0;
    for (const table of DELETE_ORDER) removed += deleteBatchRows(ctx.db, table, id);
    let restored = 0;
    for (const e of entries) {
      const table = e.entityType as AuditedTable;
      if (!AUDITED_TABLES.includes(table)) continue;
      if (e.action === 'create') {
        if (deleteRaw(ctx.db, table, e.entityId)) removed++;
        continue;
      }
      const before = e.beforeJson ? (JSON.parse(e.beforeJson) as RawRow) : null;
      // A row this batch created and then changed again is gone with the batch's rows.
      if (!before || before.batch_id === id) continue;
      restoreRaw(ctx.db, table, before);
      restored++;
    }
    setBatchStatus(ctx.db, id, 'undone');
    audit(ctx, {
      entityType: 'import_batches',
      entityId: id,
      entityKey: batch.fileName,
      action: 'update',
      before: { status: 'committed' },
      after: { status: 'undone' },
    });
    return { rowsRemoved: removed, rowsRestored: restored };
  });
}

/** A batch that used another's rows, as the user knows it: its file; null: edits by hand. */
function nameOf(ctx: ServiceContext, batchId: string | null): Bilingual {
  const file = batchId === null ? undefined : getBatch(ctx.db, batchId)?.fileName;
  return file === undefined ? NOUNS.editsByHand : { en: file, zh: file };
}
