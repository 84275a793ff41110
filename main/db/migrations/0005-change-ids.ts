import type { Migration } from './types';

/**
 * The audit trail's entries grouped by the one user action that wrote them (`change_id`): a
 * deletion by hand writes several (an inspection, its measurements, the actions whose link to
 * them it clears), and changes:undo puts back exactly those. Entries written before, and an
 * import's (grouped by `batch_id`), have none. The index is partial, so the entries without a
 * change id (an import's overwrites, thousands at a time) cost it nothing; `change_id = ?`
 * implies NOT NULL, so SQLite uses it for that lookup.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'change-ids',
  up: `
ALTER TABLE audit_log ADD COLUMN change_id TEXT;
CREATE INDEX audit_change ON audit_log (change_id) WHERE change_id IS NOT NULL;
`,
};
