import type { ServiceContext } from './context';
import { audit, inTransaction, newId } from './context';
import {
  DOCUMENT_COLUMNS,
  rawRow,
  rowAfterWrite,
  sameDocument,
  type AuditedTable,
  type RawRow,
} from '../repositories/rows';

/**
 * Write helpers that keep the audit trail: each reads the raw row before and after the
 * write, so the trail holds exactly what changed, and undo can restore it. A document column
 * (a plan's content) is kept whole in `before` and by its size in `after` (DOCUMENT_COLUMNS).
 */
export function afterCreate(ctx: ServiceContext, table: AuditedTable, id: string, key: string): void {
  audit(ctx, {
    entityType: table,
    entityId: id,
    entityKey: key,
    action: 'create',
    after: rowAfterWrite(ctx.db, table, id),
  });
}

export function auditedUpdate(
  ctx: ServiceContext,
  table: AuditedTable,
  id: string,
  key: string,
  write: () => void,
): void {
  const before = rawRow(ctx.db, table, id);
  write();
  const after = rowAfterWrite(ctx.db, table, id);
  if (before && after && sameRow(table, before, after) && sameDocument(ctx.db, table, id, before)) return;
  audit(ctx, { entityType: table, entityId: id, entityKey: key, action: 'update', before, after });
}

export function auditedDelete(
  ctx: ServiceContext,
  table: AuditedTable,
  id: string,
  key: string,
  remove: () => void,
): void {
  const before = rawRow(ctx.db, table, id);
  remove();
  audit(ctx, { entityType: table, entityId: id, entityKey: key, action: 'delete', before });
}

/** A context whose audit entries all carry one change id. */
export type InChange = ServiceContext & { changeId: string };

/**
 * Runs `work` as one change made by hand: one transaction whose audit entries share a new
 * change id, by which changes:undo finds exactly what it wrote and puts it back.
 */
export function inChange<T>(ctx: ServiceContext, work: (change: InChange) => T): T {
  return inTransaction(ctx, () => work({ ...ctx, changeId: newId() }));
}

/** The same but for updated_at; a document column is for sameDocument. */
function sameRow(table: AuditedTable, a: RawRow, b: RawRow): boolean {
  const document = DOCUMENT_COLUMNS[table];
  return Object.keys(a).every((k) => k === 'updated_at' || k === document || a[k] === b[k]);
}
