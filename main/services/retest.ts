import { comparePeriods, periodRange } from '../../shared/domain/period';
import type { CorrectiveAction, Retest } from '../../shared/schemas/action';
import { getFinding } from '../repositories/actions';
import { getMeasurement, measurementsOfBranch } from '../repositories/inspections';
import type { ServiceContext } from './context';

/**
 * The later measurement that says whether an action worked (domain.md: verification records
 * whether a later measurement met the target): its branch's standard in the latest period after
 * the finding it was raised from; for one raised by hand, in the latest period that began after
 * it was (a value of the same month corrected later is no retest). Null
 * where there is none yet, or the action names no standard: then nothing was re-measured, and a
 * verification says so rather than "met".
 */
export function retestOf(ctx: ServiceContext, a: CorrectiveAction): Retest | null {
  if (!a.standardCode) return null;
  // The measurement's own period, read from it: as a finding (the findings view) it is gone once
  // its value is corrected to a pass, and the action would be taken for one raised by hand.
  const since = a.measurementId
    ? getMeasurement(ctx.db, a.measurementId)?.period
    : a.findingId
      ? getFinding(ctx.db, a.findingId)?.period
      : undefined;
  const later = measurementsOfBranch(ctx.db, a.branchId, a.standardCode).filter((m) =>
    since ? comparePeriods(m.period, since) > 0 : periodRange(m.period).start > a.createdAt.slice(0, 10),
  );
  const latest = later.reduce<(typeof later)[number] | null>(
    (best, m) => (!best || comparePeriods(m.period, best.period) > 0 ? m : best),
    null,
  );
  return latest && { period: latest.period, value: latest.value, unit: latest.unit, verdict: latest.verdict };
}
