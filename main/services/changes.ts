import { AppError } from '../../shared/errors';
import { labelOf } from '../../shared/domain/enums';
import { listed, NOUNS, tableNoun, type Bilingual } from '../../shared/messages';
import { entriesOf, lastKey, type TrailEntry } from '../repositories/audit';
import { findInspection, findMeasurement, getInspection } from '../repositories/inspections';
import { missingReference, rawRow, restoreRaw, type AuditedTable, type RawRow } from '../repositories/rows';
import { afterCreate, auditedUpdate, inChange, type InChange } from './audited';
import type { ServiceContext } from './context';
import { requireUnapproved } from './inspections';

/**
 * Undoes one change made by hand (a deletion: inspections:delete and the like) exactly, from its
 * audit entries, newest first, in one transaction: a deleted row goes back as it was (same id,
 * same values, verdicts as judged then), an update goes back to its `before` (an action's link
 * to a deleted measurement). Refused, writing nothing, where that would clash with or overwrite
 * what was done since. The undo is a change of its own, audited as the creates and updates it
 * makes.
 */
export function undoChange(ctx: ServiceContext, id: string): { rowsRestored: number; rowsReverted: number } {
  return inChange(ctx, (change) => {
    const entries = entriesOf(change.db, 'change_id', id);
    if (entries.length === 0) throw new AppError('not_found', 'notFound', { entity: NOUNS.change, id }, 'id');
    // Only an undo re-creates rows; taking them away again is a deletion, made as one.
    if (entries.some((e) => e.action === 'create')) throw new AppError('conflict', 'changeIsUndo', {}, 'id');
    let rowsRestored = 0;
    let rowsReverted = 0;
    for (const e of entries) {
      const table = e.entityType as AuditedTable;
      const key = e.entityKey ?? e.entityId;
      const before = JSON.parse(e.beforeJson!) as RawRow;
      if (e.action === 'delete') {
        requireRestorable(change, table, key, before);
        restoreRaw(change.db, table, before);
        afterCreate(change, table, before.id, key);
        rowsRestored++;
      } else {
        requireUnchanged(change, table, key, e);
        auditedUpdate(change, table, e.entityId, key, () => restoreRaw(change.db, table, before));
        rowsReverted++;
      }
    }
    return { rowsRestored, rowsReverted };
  });
}

/** A deleted row can go back: not back already, what it refers to still there, no clash. */
function requireRestorable(change: InChange, table: AuditedTable, key: string, row: RawRow): void {
  const what = { entity: tableNoun(table), key: named(key) };
  if (rawRow(change.db, table, row.id)) throw new AppError('conflict', 'changeUndone', what, 'id');
  const gone = missingReference(change.db, table, row);
  if (gone) {
    const parentKey = named(lastKey(change.db, gone.table, gone.id) ?? gone.id);
    throw new AppError(
      'conflict',
      'changeReferenceGone',
      { ...what, parent: tableNoun(gone.table), parentKey },
      'id',
    );
  }
  if (table === 'inspections') {
    const since = findInspection(
      change.db,
      row.branch_id as string,
      row.period as string,
      row.kind as string,
    );
    if (since)
      throw new AppError(
        'conflict',
        'inspectionRemade',
        { branch: since.branchCode, period: since.period, kind: labelOf(since.kind) },
        'id',
      );
  }
  if (table === 'measurements') {
    // There: missingReference would have said otherwise.
    const inspection = getInspection(change.db, row.inspection_id as string)!;
    requireUnapproved(inspection, 'id');
    const since = findMeasurement(change.db, inspection.id, row.standard_code as string);
    if (since)
      throw new AppError(
        'conflict',
        'measurementRemade',
        {
          standard: { en: since.standardNameEn ?? since.standardName, zh: since.standardName },
          branch: inspection.branchCode,
          period: inspection.period,
          kind: labelOf(inspection.kind),
        },
        'id',
      );
  }
}

/** An updated row is as the change left it: reverting it would not overwrite a later edit. */
function requireUnchanged(change: InChange, table: AuditedTable, key: string, e: TrailEntry): void {
  const now = rawRow(change.db, table, e.entityId);
  const after = JSON.parse(e.afterJson!) as RawRow;
  if (!now || Object.keys(after).some((column) => now[column] !== after[column]))
    throw new AppError('conflict', 'changeOverwritten', { entity: tableNoun(table), key: named(key) }, 'id');
}

/** A trail key as the pages name its parts: EAST-001/2026-10/自评, not self_assessment. */
export const named = (key: string): Bilingual => listed(key.split('/').map(labelOf), { en: '/', zh: '/' });
