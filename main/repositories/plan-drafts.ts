import type { DB } from '../db/open';
import { prepared } from '../db/prepared';
import type { PlanDraft } from '../../shared/plans/types';

/**
 * SQL of plan_drafts: what the user typed for a plan's proposed actions, one row per gap
 * key, kept apart from the plan's content so that a save audits small rows, not the plan.
 */

export interface PlanDraftRow extends PlanDraft {
  id: string;
  planId: string;
  gapKey: string;
}

// A field saved as typed is text; a row written otherwise (by hand, say) may hold NULL.
const COLUMNS = `id, plan_id AS planId, gap_key AS gapKey, coalesce(action, '') AS action,
  coalesce(department, '') AS department, coalesce(owner, '') AS owner, coalesce(due_date, '') AS dueDate`;

export function draftsOf(db: DB, planId: string): PlanDraftRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM plan_drafts WHERE plan_id = ? ORDER BY gap_key`).all(
    planId,
  ) as PlanDraftRow[];
}

export function findDraft(db: DB, planId: string, gapKey: string): PlanDraftRow | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM plan_drafts WHERE plan_id = ? AND gap_key = ?`).get(
    planId,
    gapKey,
  ) as PlanDraftRow | undefined;
}

export function insertDraft(db: DB, d: PlanDraftRow & { at: string }): void {
  prepared(
    db,
    `INSERT INTO plan_drafts (id, plan_id, gap_key, action, department, owner, due_date, created_at, updated_at)
     VALUES (@id, @planId, @gapKey, @action, @department, @owner, @dueDate, @at, @at)`,
  ).run(d);
}

export function updateDraft(db: DB, d: PlanDraft & { id: string; at: string }): void {
  prepared(
    db,
    `UPDATE plan_drafts SET action = @action, department = @department, owner = @owner, due_date = @dueDate,
       updated_at = @at WHERE id = @id`,
  ).run(d);
}

export function deleteDraft(db: DB, id: string): void {
  prepared(db, 'DELETE FROM plan_drafts WHERE id = ?').run(id);
}
