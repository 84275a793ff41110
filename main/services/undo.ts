import { AppError } from '../../shared/errors';
import { listed, NOUNS, tableNoun, type Bilingual } from '../../shared/messages';
import { entriesOf, lastKey } from '../repositories/audit';
import { laterUse, type HandUse } from '../repositories/batch-use';
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
import { named } from './changes';
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
    const { batches, byHand } = laterUse(ctx.db, id);
    // Named, not only counted: "edited by hand" read as if a value had been, where an action
    // raised from one of its findings was what held it.
    if (batches.length === 0 && byHand.length > 0)
      throw new AppError(
        'conflict',
        'batchEditedByHand',
        { id, file: batch.fileName, uses: listed(byHand.map((u) => handUse(ctx, u))) },
        'id',
      );
    if (batches.length > 0)
      throw new AppError(
        'conflict',
        'batchInUse',
        {
          id,
          file: batch.fileName,
          later: listed([
            ...batches.map((b) => nameOf(ctx, b)),
            ...(byHand.length ? [NOUNS.editsByHand] : []),
          ]),
        },
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

/** A batch that used another's rows, as the user knows it: its file. */
function nameOf(ctx: ServiceContext, batchId: string): Bilingual {
  const file = getBatch(ctx.db, batchId)?.fileName ?? batchId;
  return { en: file, zh: file };
}

/** A record made by hand, as the trail names it: 整改措施 EAST-001/CS-FCR/增加高峰时段值守人员. */
function handUse(ctx: ServiceContext, u: HandUse): Bilingual {
  const key = named(u.key ?? lastKey(ctx.db, u.table, u.id) ?? u.id);
  const noun = tableNoun(u.table);
  return { en: `${noun.en} ${key.en}`, zh: `${noun.zh} ${key.zh}` };
}
