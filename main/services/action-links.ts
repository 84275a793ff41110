import * as repo from '../repositories/actions';
import { auditedUpdate, type InChange } from './audited';
import { nowIso } from './context';

/** An action as the audit trail names it. */
export const actionKey = (branchCode: string, standardCode: string | null | undefined, action: string) =>
  `${branchCode}/${standardCode ?? ''}/${action}`;

/**
 * Clears the link of the actions raised from a measurement about to be deleted, each as an
 * audited update of the change deleting it. The schema would clear them anyway (ON DELETE SET
 * NULL), but silently: the trail would not say what the action had answered, and undoing the
 * deletion could not link it again.
 */
export function unlinkActions(change: InChange, measurementId: string): void {
  const at = nowIso(change);
  for (const a of repo.actionsRaisedFrom(change.db, measurementId))
    auditedUpdate(change, 'actions', a.id, actionKey(a.branchCode, a.standardCode, a.action), () =>
      repo.clearMeasurementLink(change.db, a.id, at),
    );
}
