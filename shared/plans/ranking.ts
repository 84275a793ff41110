/**
 * The plan's order (domain.md): weight × normalised gap, largest first, with tie-breaks that
 * never depend on the order rows came out of the database, so the same data ranks the same.
 */
import { normalisedGap, roundTo, type Threshold } from '../domain/verdict';
import type { Bilingual, HistoryPoint, ParetoRow, Trend } from './types';

export function weightedGap(value: number, t: Threshold & { weight: number }): number {
  return roundTo(t.weight * normalisedGap(value, t), 10);
}

interface Rankable {
  score: number;
  verdict: 'fail' | 'warning';
  normalisedGap: number;
  branchCode: string;
  standardCode: string;
}

/** Higher score first; then fails before warnings, larger normalised gap, branch, standard. */
export function compareGaps(a: Rankable, b: Rankable): number {
  return (
    b.score - a.score ||
    Number(b.verdict === 'fail') - Number(a.verdict === 'fail') ||
    b.normalisedGap - a.normalisedGap ||
    cmp(a.branchCode, b.branchCode) ||
    cmp(a.standardCode, b.standardCode)
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Share of the total that counts as "the vital few" (the classic 80/20 cut). */
export const PARETO_CUT = 0.8;

/**
 * Groups weighted gaps by a key and orders the groups largest first. A group is vital while
 * the cumulative share before it is under the cut, so the group that crosses 80 % is in.
 */
export function pareto<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  labelOf: (item: T) => Bilingual,
  scoreOf: (item: T) => number,
): ParetoRow[] {
  const groups = new Map<string, { label: Bilingual; count: number; score: number }>();
  for (const item of items) {
    const key = keyOf(item);
    const g = groups.get(key) ?? { label: labelOf(item), count: 0, score: 0 };
    g.count++;
    g.score += scoreOf(item);
    groups.set(key, g);
  }
  const total = [...groups.values()].reduce((s, g) => s + g.score, 0);
  const ordered = [...groups.entries()].sort(([ka, a], [kb, b]) => b.score - a.score || cmp(ka, kb));
  let running = 0;
  return ordered.map(([code, g]) => {
    const vital = total > 0 && running / total < PARETO_CUT;
    running += g.score;
    return {
      code,
      label: g.label,
      count: g.count,
      score: roundTo(g.score, 6),
      share: total > 0 ? roundTo(g.score / total, 6) : 0,
      cumulative: total > 0 ? roundTo(running / total, 6) : 0,
      vital,
    };
  });
}

/**
 * Direction of the values over the periods available (least-squares slope), judged against
 * the standard's direction; moves under 1 % of the target per period count as stable.
 */
export function trendOf(
  history: readonly HistoryPoint[],
  direction: 'higher' | 'lower',
  target: number,
): Trend {
  if (history.length < 2) return 'new';
  const n = history.length;
  const meanX = (n - 1) / 2;
  const meanY = history.reduce((s, p) => s + p.value, 0) / n;
  let num = 0;
  let den = 0;
  history.forEach((p, x) => {
    num += (x - meanX) * (p.value - meanY);
    den += (x - meanX) ** 2;
  });
  const slope = num / den;
  const scale = Math.abs(target) || 1;
  if (Math.abs(slope) < 0.01 * scale) return 'stable';
  return slope > 0 === (direction === 'higher') ? 'improving' : 'worsening';
}
