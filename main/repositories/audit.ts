import type { DB } from '../db/open';
import { prepared } from '../db/prepared';
import type { AuditEntry } from '../../shared/schemas/system';
import type { Page } from '../../shared/schemas/common';
import { Where, orderBy } from './sql';

export interface AuditRecord {
  at: string;
  user: string;
  entityType: string;
  entityId: string;
  entityKey?: string | null;
  action: AuditEntry['action'];
  before?: object | null;
  after?: object | null;
  batchId?: string | null;
  changeId?: string | null;
}

export function insertAudit(db: DB, r: AuditRecord): void {
  prepared(
    db,
    `INSERT INTO audit_log (at, user, entity_type, entity_id, entity_key, action, before_json, after_json, batch_id,
       change_id)
     VALUES (@at, @user, @entityType, @entityId, @entityKey, @action, @before, @after, @batchId, @changeId)`,
  ).run({
    at: r.at,
    user: r.user,
    entityType: r.entityType,
    entityId: r.entityId,
    entityKey: r.entityKey ?? null,
    action: r.action,
    before: r.before ? JSON.stringify(r.before) : null,
    after: r.after ? JSON.stringify(r.after) : null,
    batchId: r.batchId ?? null,
    changeId: r.changeId ?? null,
  });
}

/** One entry as an undo reads it: the row whole, as JSON. */
export interface TrailEntry {
  entityType: string;
  entityId: string;
  entityKey: string | null;
  action: AuditEntry['action'];
  beforeJson: string | null;
  afterJson: string | null;
}

/** What one import batch or one change by hand wrote, newest first: the order to undo it in. */
export function entriesOf(db: DB, by: 'batch_id' | 'change_id', id: string): TrailEntry[] {
  return db
    .prepare(
      `SELECT entity_type AS entityType, entity_id AS entityId, entity_key AS entityKey, action,
              before_json AS beforeJson, after_json AS afterJson
         FROM audit_log WHERE ${by} = ? ORDER BY id DESC`,
    )
    .all(id) as TrailEntry[];
}

/** The key the trail last named a row by: how a row deleted since is named to the user. */
export function lastKey(db: DB, entityType: string, entityId: string): string | undefined {
  return db
    .prepare(
      `SELECT entity_key FROM audit_log WHERE entity_type = ? AND entity_id = ? AND entity_key IS NOT NULL
        ORDER BY id DESC LIMIT 1`,
    )
    .pluck()
    .get(entityType, entityId) as string | undefined;
}

interface AuditFilter {
  entityType?: string;
  entityId?: string;
  entityKey?: string;
  batchId?: string;
  offset: number;
  limit: number;
  sort: { field: string; dir: 'asc' | 'desc' }[];
}

export function listAudit(db: DB, f: AuditFilter): Page<AuditEntry> {
  const where = new Where()
    .when(f.entityType, 'entity_type = @entityType', { entityType: f.entityType })
    .when(f.entityId, 'entity_id = @entityId', { entityId: f.entityId })
    .when(f.entityKey, 'entity_key = @entityKey', { entityKey: f.entityKey })
    .when(f.batchId, 'batch_id = @batchId', { batchId: f.batchId });
  const order = orderBy(f.sort, { at: 'at', id: 'id' }, 'id DESC');
  const rows = db
    .prepare(
      `SELECT id, at, user, entity_type AS entityType, entity_id AS entityId, entity_key AS entityKey, action,
              before_json AS beforeJson, after_json AS afterJson, batch_id AS batchId,
              change_id AS changeId
         FROM audit_log ${where} ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit: f.limit, offset: f.offset }) as (Omit<AuditEntry, 'before' | 'after'> & {
    beforeJson: string | null;
    afterJson: string | null;
  })[];
  const total = (
    db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(where.params) as { n: number }
  ).n;
  return {
    total,
    rows: rows.map(({ beforeJson, afterJson, ...rest }) => ({
      ...rest,
      before: beforeJson ? JSON.parse(beforeJson) : null,
      after: afterJson ? JSON.parse(afterJson) : null,
    })),
  };
}
