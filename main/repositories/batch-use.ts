import type { DB } from '../db/open';
import { AUDITED_TABLES, BATCHED_TABLES } from './rows';

/**
 * What has used or changed an import batch's rows since it was written: the batches that did
 * (by id), and null for edits made by hand. Undoing the batch would take their work with it: a
 * measurement added to an inspection the batch created goes with it (ON DELETE CASCADE), a
 * value changed since would be put back to what it was before the batch, and a branch others
 * refer to could not be removed at all. Batches undone since no longer count: their rows are gone
 * and their overwrites restored.
 */
export function laterUse(db: DB, batchId: string): (string | null)[] {
  const found = new Set<string | null>();
  const add = (rows: unknown[]) => {
    for (const r of rows as { batch: string | null }[]) found.add(r.batch);
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
              `SELECT DISTINCT ${childBatch} AS batch FROM ${child} c JOIN ${parent} p ON p.id = c.${col}
                WHERE p.batch_id = @batchId AND ${childBatch} IS NOT @batchId LIMIT 10`,
            )
            .all({ batchId }),
        );
    }
  }
  // Changes since to rows this batch created or changed: the trail's later entries on them.
  add(
    db
      .prepare(
        `SELECT DISTINCT later.batch_id AS batch FROM audit_log mine
           JOIN audit_log later ON later.entity_type = mine.entity_type AND later.entity_id = mine.entity_id
                               AND later.id > mine.id
          WHERE mine.batch_id = @batchId AND later.batch_id IS NOT @batchId AND ${stillCommitted('later.batch_id')}
          LIMIT 10`,
      )
      .all({ batchId }),
  );
  // Rows a bulk load created carry the batch but have no entry of their own in the trail.
  for (const table of BATCHED_TABLES)
    add(
      db
        .prepare(
          `SELECT DISTINCT a.batch_id AS batch FROM audit_log a JOIN ${table} r ON r.id = a.entity_id
            WHERE a.entity_type = '${table}' AND r.batch_id = @batchId AND a.batch_id IS NOT @batchId
              AND ${stillCommitted('a.batch_id')} LIMIT 10`,
        )
        .all({ batchId }),
    );
  return [...found];
}
