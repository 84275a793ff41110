/**
 * Which gaps still need an action, and the confirmations the user has filled in for them.
 * Pure, so what gets sent to plans:confirmActions is unit-tested.
 */
import type { Plan } from '../../../shared/contracts/plans';
import type { Input } from '../../../shared/contract';
import type { PlanDraft } from '../../../shared/plans/types';
import { coveredKeys } from '../../../shared/plans/coverage';

type Confirmation = Input<'plans:confirmActions'>['actions'][number];

/** The drafts ready to send: an owner named (the data cannot know who) and not yet covered. */
export function confirmations(plan: Plan, drafts: ReadonlyMap<string, PlanDraft>): Confirmation[] {
  const covered = coveredKeys(plan);
  const out: Confirmation[] = [];
  for (const gap of plan.content.gaps) {
    const d = drafts.get(gap.key);
    if (!d || covered.has(gap.key) || !d.owner.trim() || !d.department.trim()) continue;
    out.push({
      key: gap.key,
      action: d.action.trim() || undefined,
      department: d.department.trim(),
      owner: d.owner.trim(),
      dueDate: d.dueDate,
    });
  }
  return out;
}
