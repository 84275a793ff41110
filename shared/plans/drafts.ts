import type { Lang } from '../messages';
import type { PlanDraft, PlanGap } from './types';

/**
 * A gap's proposed action as it stands: the one merge the plan page shows and the plan's
 * exports print, so the sheet taken to a meeting says what the officer typed. Where a draft
 * is saved, its fields are the ones shown: the page saves all four together, the proposal's
 * where the user typed nothing, and a field cleared stays empty. An action still word for word
 * the proposal's, in either language, is the proposal, shown in the reader's language as the
 * untouched ones are. Null for a gap with neither: one with an open action linked to it.
 */
export function proposalAsTyped(gap: PlanGap, saved: PlanDraft | undefined, lang: Lang): PlanDraft | null {
  const p = gap.proposed;
  if (saved) {
    const proposedText = p && (saved.action === p.action.zh || saved.action === p.action.en);
    return proposedText ? { ...saved, action: p.action[lang] } : saved;
  }
  return p && { action: p.action[lang], department: p.department, owner: p.owner, dueDate: p.dueDate };
}
