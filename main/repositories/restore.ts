import type { DB } from '../db/open';

/**
 * Copies every table of the database file `source` into the open database, in one
 * transaction: the open connection (and every transport holding it) stays valid. Both files
 * must be the same schema version, so the tables and their column order match.
 */
export function replaceContentsFrom(db: DB, source: string): void {
  db.prepare('ATTACH DATABASE ? AS backup_source').run(source);
  try {
    const tables = (
      db
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
    ).map((t) => t.name);
    db.transaction(() => {
      // Rows reference each other; checked once, at commit, when all are back.
      db.pragma('defer_foreign_keys = ON');
      for (const t of tables) db.prepare(`DELETE FROM main."${t}"`).run();
      for (const t of tables) db.prepare(`INSERT INTO main."${t}" SELECT * FROM backup_source."${t}"`).run();
    })();
  } finally {
    db.prepare('DETACH DATABASE backup_source').run();
  }
}

export function schemaVersionOf(db: DB, file: string): number {
  db.prepare('ATTACH DATABASE ? AS version_probe').run(file);
  try {
    return db.pragma('version_probe.user_version', { simple: true }) as number;
  } finally {
    db.prepare('DETACH DATABASE version_probe').run();
  }
}
