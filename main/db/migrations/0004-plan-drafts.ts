import type { Migration } from './types';

/**
 * What the user types for a plan's proposed actions (owner, department, due date, action
 * text) before confirming them, one row per gap of the plan, by its `BRANCH/STANDARD` key.
 * Kept apart from the plan's content: the audit trail keeps a plan's whole content (megabytes
 * for a region) in the `before` of every change to the row, and the page saves drafts as the
 * user types; here each save records only the few small rows it changes. The four fields are
 * kept as typed, empty or half done (a date still being written): confirming checks them.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'plan-drafts',
  up: `
CREATE TABLE plan_drafts (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  gap_key TEXT NOT NULL,
  action TEXT,
  department TEXT,
  owner TEXT,
  due_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (plan_id, gap_key)
) STRICT;
`,
};
