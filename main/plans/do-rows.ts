/**
 * The rows of a plan's Do stage, which the print view and the workbook both list (each with its
 * own labels and columns): per gap in rank order, the open actions already linked to it, then
 * the action this plan created for it; a gap with neither shows its proposal, still to confirm,
 * as the user has filled it in on the plan page.
 */
import type { Plan } from '../../shared/contracts/plans';
import type { Lang } from '../../shared/messages';
import type { PlanGap } from '../../shared/plans/types';
import { proposalAsTyped } from '../../shared/plans/drafts';

export interface DoRow {
  gap: PlanGap;
  /** Linked: open before the plan; plan: created by it; proposed: not confirmed yet. */
  source: 'linked' | 'plan' | 'proposed';
  action: string;
  department: string;
  owner: string;
  dueDate: string;
  /** null on a proposal: it is no action yet, so it has no status. */
  status: string | null;
  overdue: boolean;
}

export function doRows(plan: Plan, gaps: readonly PlanGap[], lang: Lang): DoRow[] {
  const own = new Map(plan.actions.map((a) => [`${a.branchCode}/${a.standardCode ?? ''}`, a]));
  return gaps.flatMap((gap) => {
    // A linked action is stored in the plan without an overdue flag; the plan's own are live.
    const linked = gap.linkedActions.map((a) => row(gap, 'linked', a, false));
    const mine = own.get(gap.key);
    if (mine) return [...linked, row(gap, 'plan', mine, mine.overdue)];
    const p = proposalAsTyped(gap, plan.content.drafts[gap.key], lang);
    if (!linked.length && p) {
      const owner = p.owner || (lang === 'zh' ? '待指定' : 'to name');
      return [row(gap, 'proposed', { ...p, owner, status: null }, false)];
    }
    return linked;
  });
}

/**
 * A row's cells before its status, in the column order the print view and the workbook share;
 * each names the sources in its own words and shows the status its own way.
 */
export const doRowCells = (r: DoRow, sources: Record<DoRow['source'], string>): (string | number)[] => [
  r.gap.rank,
  r.gap.branchCode,
  r.gap.standardCode,
  sources[r.source],
  r.action,
  r.department,
  r.owner,
  r.dueDate,
];

const row = (
  gap: PlanGap,
  source: DoRow['source'],
  a: Pick<DoRow, 'action' | 'department' | 'owner' | 'dueDate' | 'status'>,
  overdue: boolean,
): DoRow => ({
  gap,
  source,
  action: a.action,
  department: a.department,
  owner: a.owner,
  dueDate: a.dueDate,
  status: a.status,
  overdue,
});
