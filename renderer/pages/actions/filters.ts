/**
 * The actions page's filters live in the hash route (`#/actions?status=open&overdue=1`), so
 * the dashboard links straight to the rows behind a bar and the filter survives a reload.
 */
import type { Input } from '../../../shared/contract';
import { ACTION_STATUSES, ACTION_TRANSITIONS, type ActionStatus } from '../../../shared/domain/enums';

export type ActionFilters = Omit<Input<'actions:list'>, 'offset' | 'limit' | 'sort'>;
export const FILTER_KEYS = [
  'status',
  'overdue',
  'regionCode',
  'branchCode',
  'standardCode',
  'planId',
  'findingId',
] as const;

export function parseActionFilters(query: URLSearchParams): ActionFilters {
  const f: ActionFilters = {};
  const status = query.get('status');
  if (status && (ACTION_STATUSES as readonly string[]).includes(status)) f.status = status as ActionStatus;
  const overdue = query.get('overdue');
  if (overdue === '1' || overdue === '0') f.overdue = overdue === '1';
  for (const key of ['regionCode', 'branchCode', 'standardCode', 'planId', 'findingId'] as const) {
    const value = query.get(key);
    if (value) f[key] = value;
  }
  return f;
}

export function filtersQuery(f: ActionFilters): Record<string, string | undefined> {
  return {
    status: f.status,
    overdue: f.overdue === undefined ? undefined : f.overdue ? '1' : '0',
    regionCode: f.regionCode,
    branchCode: f.branchCode,
    standardCode: f.standardCode,
    planId: f.planId,
    findingId: f.findingId,
  };
}

/** Where an action in `status` may go next (domain.md), never to where it is. */
export const nextStatuses = (status: ActionStatus): readonly ActionStatus[] => ACTION_TRANSITIONS[status];

/** Moving to verified or reopened records a verification: the date, a note, whether it worked. */
export const needsVerification = (to: ActionStatus): boolean => to === 'verified' || to === 'reopened';
