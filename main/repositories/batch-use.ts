import type { DB } from '../db/open';
import { AUDITED_TABLES, BATCHED_TABLES } from './rows';

/** A record entered or edited by hand that uses a batch's rows: which, as the trail names it. */
export interface HandUse {
  table: string;
  id: string;
  key: string | null;
}

/**
 * What has used or changed an import batch's rows since it was written: the batches that did
 * (by id), and records entered or edited by hand that did (one of each kind a query finds: a
 * bare column beside min() comes from that row in SQLite). Undoing the batch would take their work with it: a
 * measurement added to an inspection the batch created goes with it (ON DELETE CASCADE), a
 * value changed since would be put back to what it was before the batch, and a branch others
 * refer to could not be removed at all. Batches undone since no longer count: their rows are gone
 * and their overwrites restored.
 */
export function laterUse(db: DB, batchId: string): { batches: string[]; byHand: HandUse[] } {
  const batches = new Set<string>();
  const byHand = new Map<string, HandUse>();
  const add = (rows: unknown[]) => {
    for (const r of rows as { batch: string | null; tbl: string; id: string; key: string | null }[])
      if (r.batch !== null) batches.add(r.batch);
      else byHand.set(`${r.tbl}/${r.id}`, { table: r.tbl, id: r.id, key: r.key });
  };
  const stillCommitted = (column: string) =>
    `NOT EXISTS (SELECT 1 FROM import_batches b WHERE b.id = ${column} AND b.status = 'undone')`;

  // Rows written by others that refer to rows this batch created.
  for (const parent of BATCHED_TABLES) {
    for (const child of AUDITED_TABLES) {
      const references = db
        .prepare(`SELECT "from" AS col FROM pragma_foreign_key_list(?) WHERE "table" = ?`)
        .all(child, parent) as { col: string }[];
      const childBatch = BATCHED_TABLES.includes(child) ? 'c.batch_id' : 'NULL';
      for (const { col } of references)
        add(
          db
            .prepare(
              `SELECT ${childBatch} AS batch, '${child}' AS tbl, min(c.id) AS id, NULL AS key
                 FROM ${child} c JOIN ${parent} p ON p.id = c.${col}
                WHERE p.batch_id = @batchId AND ${childBatch} IS NOT @batchId GROUP BY 1 LIMIT 10`,
            )
            .all({ batchId }),
        );
    }
  }
  // Changes since to rows this batch created or changed: the trail's later entries on them.
  add(
    db
      .prepare(
        `SELECT later.batch_id AS batch, later.entity_type AS tbl, min(later.entity_id) AS id,
                later.entity_key AS key FROM audit_log mine
           JOIN audit_log later ON later.entity_type = mine.entity_type AND later.entity_id = mine.entity_id
                               AND later.id > mine.id
          WHERE mine.batch_id = @batchId AND later.batch_id IS NOT @batchId AND ${stillCommitted('later.batch_id')}
          GROUP BY 1, 2 LIMIT 10`,
      )
      .all({ batchId }),
  );
  // Rows a bulk load created carry the batch but have no entry of their own in the trail.
  for (const table of BATCHED_TABLES)
    add(
      db
        .prepare(
          `SELECT a.batch_id AS batch, a.entity_type AS tbl, min(a.entity_id) AS id, a.entity_key AS key
             FROM audit_log a JOIN ${table} r ON r.id = a.entity_id
            WHERE a.entity_type = '${table}' AND r.batch_id = @batchId AND a.batch_id IS NOT @batchId
              AND ${stillCommitted('a.batch_id')} GROUP BY 1 LIMIT 10`,
        )
        .all({ batchId }),
    );
  return { batches: [...batches], byHand: [...byHand.values()] };
}
