import type { Statement } from 'better-sqlite3';
import type { DB } from './open';

const cache = new WeakMap<DB, Map<string, Statement>>();

/**
 * A statement prepared once per connection. For the small lookups and inserts an import
 * calls per new branch, region or audit entry: preparing costs more than running them, and
 * a million-row import meets thousands of branches. Only for statements run with `get`,
 * `all` or `run` in their default mode: a cached statement is shared, so one caller's
 * `pluck()` or an unfinished `iterate()` would reach the next.
 */
export function prepared(db: DB, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
