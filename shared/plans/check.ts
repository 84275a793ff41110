/** The Check stage: each gap's value before and after, and whether it closed. */
import { roundTo, verdictOf, type Threshold } from '../domain/verdict';
import { comparePeriods } from '../domain/period';
import type { CheckResult, PlanGap } from './types';

/** A later value of a gap's branch and standard, with the version that judges that period. */
export interface LaterValue extends Threshold {
  key: string;
  period: string;
  value: number;
}

/** Uses the latest later period per gap: closed when it passes, improved when nearer the target. */
export function checkGaps(
  gaps: readonly PlanGap[],
  planPeriod: string,
  later: readonly LaterValue[],
): CheckResult[] {
  const latest = new Map<string, LaterValue>();
  for (const l of later) {
    if (comparePeriods(l.period, planPeriod) <= 0) continue;
    const seen = latest.get(l.key);
    if (!seen || comparePeriods(l.period, seen.period) > 0) latest.set(l.key, l);
  }
  return gaps.map((g) => {
    const after = latest.get(g.key);
    if (!after) {
      return {
        key: g.key,
        beforePeriod: planPeriod,
        before: g.value,
        afterPeriod: null,
        after: null,
        afterVerdict: null,
        improvement: null,
        status: 'no_data',
      };
    }
    const verdict = verdictOf(after.value, after);
    const improvement = roundTo(g.direction === 'higher' ? after.value - g.value : g.value - after.value, 10);
    return {
      key: g.key,
      beforePeriod: planPeriod,
      before: g.value,
      afterPeriod: after.period,
      after: after.value,
      afterVerdict: verdict,
      improvement,
      status: verdict === 'pass' ? 'closed' : improvement > 0 ? 'improved' : 'not_closed',
    };
  });
}
