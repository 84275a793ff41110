import type { DB } from '../db/open';
import * as repo from '../repositories/plans';

/**
 * The gap keys of the plan being edited, for plans:saveDrafts to refuse a draft of a gap the
 * plan does not have. The page saves 400 ms after each edit, and reading a region's plan
 * (6,000 gaps, 6 MB of JSON) for its keys took 60 ms each time. A plan's
 * gaps change only when it is regenerated, which stamps the row's updated_at: the keys are kept
 * with the stamp they were read at and read again when it differs, as after qms plan
 * regenerated the plan in its own process. Two writes in one millisecond (a fixed clock) share
 * a stamp, so a regeneration in this process forgets them (forgetGapKeys).
 */
const lastRead = new WeakMap<DB, { id: string; updatedAt: string; keys: ReadonlySet<string> }>();

export function gapKeysOf(db: DB, plan: Pick<repo.PlanHead, 'id' | 'updatedAt'>): ReadonlySet<string> {
  const known = lastRead.get(db);
  if (known?.id === plan.id && known.updatedAt === plan.updatedAt) return known.keys;
  const keys = new Set(repo.gapKeys(db, plan.id));
  lastRead.set(db, { id: plan.id, updatedAt: plan.updatedAt, keys });
  return keys;
}

export function forgetGapKeys(db: DB, id: string): void {
  if (lastRead.get(db)?.id === id) lastRead.delete(db);
}
