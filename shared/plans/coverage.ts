import type { PlanGap, PlanContent } from './types';

/** What coverage needs of a plan: its gaps and the actions made from it. */
interface Covering {
  content: Pick<PlanContent, 'gaps'>;
  actions: readonly { branchCode: string; standardCode: string | null }[];
}

/** A gap is covered once an open action is linked or this plan created one for it. */
export function coveredKeys(plan: Covering): Set<string> {
  const keys = new Set(plan.actions.map((a) => `${a.branchCode}/${a.standardCode ?? ''}`));
  for (const g of plan.content.gaps) if (g.linkedActions.length) keys.add(g.key);
  return keys;
}

/**
 * The plan's action counts as they stand: gaps with an action (linked when the plan was made,
 * or made from it since), and proposals still waiting. The counts stored with the content are
 * those of the day it was made, and read "已关联 0，建议新增 54" to the end of the cycle.
 */
export function actionCounts(plan: Covering): { linkedCount: number; proposedCount: number } {
  const covered = coveredKeys(plan);
  const isCovered = (g: PlanGap) => covered.has(g.key);
  return {
    linkedCount: plan.content.gaps.filter(isCovered).length,
    proposedCount: plan.content.gaps.filter((g) => g.proposed && !isCovered(g)).length,
  };
}
