import type { ServiceContext } from './context';
import { audit } from './context';
import { rawRow, type AuditedTable, type RawRow } from '../repositories/rows';

/**
 * Write helpers that keep the audit trail: each reads the raw row before and after the
 * write, so the trail holds exactly what changed, and undo can restore it.
 */
export function afterCreate(ctx: ServiceContext, table: AuditedTable, id: string, key: string): void {
  audit(ctx, {
    entityType: table,
    entityId: id,
    entityKey: key,
    action: 'create',
    after: rawRow(ctx.db, table, id),
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
  const after = rawRow(ctx.db, table, id);
  if (before && after && sameRow(before, after)) return;
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

function sameRow(a: RawRow, b: RawRow): boolean {
  return Object.keys(a).every((k) => k === 'updated_at' || a[k] === b[k]);
}
