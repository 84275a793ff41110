import { randomUUID } from 'node:crypto';
import type { DB } from '../db/open';
import { insertAudit, type AuditRecord } from '../repositories/audit';
import type { Jobs } from './jobs';

/**
 * What every service call runs with: the database, who is acting (for the audit trail),
 * and a clock tests can fix. An import sets `batchId` so its writes can be undone together; a
 * deletion by hand sets `changeId` (inChange in ./audited.ts) for the same end.
 */
export interface ServiceContext {
  db: DB;
  user: string;
  now: () => Date;
  batchId?: string | null;
  changeId?: string | null;
  dbPath: string;
  /** Long work reports progress and learns of cancels here. */
  jobs: Jobs;
}

export const nowIso = (ctx: ServiceContext): string => ctx.now().toISOString();
export const today = (ctx: ServiceContext): string => ctx.now().toISOString().slice(0, 10);
export const newId = (): string => randomUUID();

/** Runs `work` in one transaction (nested calls become savepoints): all of it or none. */
export function inTransaction<T>(ctx: ServiceContext, work: () => T): T {
  return ctx.db.transaction(work)();
}

export function audit(
  ctx: ServiceContext,
  entry: Omit<AuditRecord, 'at' | 'user' | 'batchId' | 'changeId'>,
): void {
  insertAudit(ctx.db, {
    ...entry,
    at: nowIso(ctx),
    user: ctx.user,
    batchId: ctx.batchId ?? null,
    changeId: ctx.changeId ?? null,
  });
}
