/**
 * Periods are stored and written as `YYYY-MM` (month) or `YYYY-Qn` (quarter).
 * Parsing of the many ways people type them lives in the importer; this is the canonical form.
 */
import { memoised } from '../memo';

export type Period = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isPeriod(s: string): boolean {
  return MONTH.test(s) || QUARTER.test(s);
}

export function periodKind(p: Period): 'month' | 'quarter' {
  if (MONTH.test(p)) return 'month';
  if (QUARTER.test(p)) return 'quarter';
  throw new RangeError(`not a period: ${p}`);
}

/**
 * What is wrong with a range of periods, if anything. A range names periods of one kind (its
 * ends are both months or both quarters) and runs forward; either end may be left open.
 */
export function rangeProblem(from: Period | undefined, to: Period | undefined): 'mixed' | 'reversed' | null {
  if (!from || !to || !isPeriod(from) || !isPeriod(to)) return null;
  if (periodKind(from) !== periodKind(to)) return 'mixed';
  return comparePeriods(from, to) > 0 ? 'reversed' : null;
}

export function monthPeriod(year: number, month: number): Period {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** First and last calendar day (YYYY-MM-DD) a period covers. */
export function periodRange(p: Period): { start: string; end: string } {
  const m = MONTH.exec(p);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { start: `${p}-01`, end: `${p}-${String(daysInMonth(year, month)).padStart(2, '0')}` };
  }
  const q = QUARTER.exec(p);
  if (!q) throw new RangeError(`not a period: ${p}`);
  const year = Number(q[1]);
  const first = (Number(q[2]) - 1) * 3 + 1;
  return {
    start: `${monthPeriod(year, first)}-01`,
    end: `${monthPeriod(year, first + 2)}-${String(daysInMonth(year, first + 2)).padStart(2, '0')}`,
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period of the same kind `n` steps earlier (n may be negative for later ones). */
export function shiftPeriod(p: Period, n: number): Period {
  const m = MONTH.exec(p);
  if (m) {
    const index = Number(m[1]) * 12 + Number(m[2]) - 1 - n;
    return monthPeriod(Math.floor(index / 12), (index % 12) + 1);
  }
  const q = QUARTER.exec(p);
  if (!q) throw new RangeError(`not a period: ${p}`);
  const index = Number(q[1]) * 4 + Number(q[2]) - 1 - n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/**
 * Orders periods by their start date; a quarter sorts before the months it contains. A plan
 * sorts tens of thousands of periods, a few distinct ones, so each one's place is worked out
 * once.
 */
export function comparePeriods(a: Period, b: Period): number {
  return Math.sign(orderOf(a) - orderOf(b));
}

/** (first month since year 0) × 2, + 1 for a month: a quarter comes before its first month. */
const orderOf = memoised((p: Period): number => {
  const m = MONTH.exec(p);
  if (m) return (Number(m[1]) * 12 + Number(m[2]) - 1) * 2 + 1;
  const q = QUARTER.exec(p);
  if (q) return (Number(q[1]) * 12 + (Number(q[2]) - 1) * 3) * 2;
  throw new RangeError(`not a period: ${p}`);
}, 10_001);
