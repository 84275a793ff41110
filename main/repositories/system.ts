import type { DB } from '../db/open';
import type { ImportBatch } from '../../shared/schemas/system';

export function getSetting(db: DB, key: string): string | undefined {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)
    ?.value;
}

export function setSetting(db: DB, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

const BATCH_COLUMNS = `id, file_name AS fileName, file_hash AS fileHash, kind, user, started_at AS startedAt,
  finished_at AS finishedAt, rows_written AS rowsWritten, status`;

export function listBatches(db: DB): ImportBatch[] {
  return db
    .prepare(`SELECT ${BATCH_COLUMNS} FROM import_batches ORDER BY started_at DESC, id`)
    .all() as ImportBatch[];
}

export function getBatch(db: DB, id: string): ImportBatch | undefined {
  return db.prepare(`SELECT ${BATCH_COLUMNS} FROM import_batches WHERE id = ?`).get(id) as
    ImportBatch | undefined;
}

export function setBatchStatus(db: DB, id: string, status: ImportBatch['status']): void {
  db.prepare('UPDATE import_batches SET status = ? WHERE id = ?').run(status, id);
}
