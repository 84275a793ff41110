/**
 * Verdict, attainment and composite-score arithmetic, exactly as domain.md states it.
 * Pure functions: the database stores their results, the UI and plans recompute nothing else.
 */
export type Direction = 'higher' | 'lower';
export type Verdict = 'pass' | 'warning' | 'fail';

export interface Threshold {
  direction: Direction;
  target: number;
  warning: number;
}

/** Attainment is capped so one outstanding value cannot hide failures elsewhere. */
export const ATTAINMENT_CAP = 1.2;

export function verdictOf(value: number, t: Threshold): Verdict {
  if (t.direction === 'higher') {
    if (value >= t.target) return 'pass';
    return value >= t.warning ? 'warning' : 'fail';
  }
  if (value <= t.target) return 'pass';
  return value <= t.warning ? 'warning' : 'fail';
}

/**
 * Gap to target, signed so that positive means "short of target" in either direction
 * (0 when the target is met). Plans rank by it, so it never rewards overshooting.
 */
export function gapOf(value: number, t: Threshold): number {
  const raw = t.direction === 'higher' ? t.target - value : value - t.target;
  return raw > 0 ? roundTo(raw, 10) : 0;
}

/** The gap as a share of the target, so standards in different units compare (plans' Pareto). */
export function normalisedGap(value: number, t: Threshold): number {
  const gap = gapOf(value, t);
  if (gap === 0) return 0;
  // A zero target (e.g. "0 complaints") has no scale of its own: use the warning band instead.
  const scale = t.target !== 0 ? Math.abs(t.target) : Math.abs(t.warning - t.target) || 1;
  return gap / scale;
}

export function attainmentOf(value: number, t: Threshold): number {
  if (t.direction === 'higher') {
    if (t.target === 0) return ATTAINMENT_CAP;
    return Math.min(value / t.target, ATTAINMENT_CAP);
  }
  // Lower is better: a value of 0 is the best possible result and counts as the cap.
  if (value === 0) return ATTAINMENT_CAP;
  return Math.min(t.target / value, ATTAINMENT_CAP);
}

export interface WeightedAttainment {
  weight: number;
  /** null when the standard was not measured: reported as missing, never counted as zero. */
  attainment: number | null;
}

export interface CompositeScore {
  /** Weighted mean of attainments over the standards measured, scaled to 100; null if none. */
  score: number | null;
  measured: number;
  missing: number;
}

export function compositeScore(items: readonly WeightedAttainment[]): CompositeScore {
  let weighted = 0;
  let weights = 0;
  let measured = 0;
  let missing = 0;
  for (const item of items) {
    if (item.attainment === null) {
      missing++;
      continue;
    }
    measured++;
    weighted += item.weight * item.attainment;
    weights += item.weight;
  }
  const score = weights > 0 ? roundTo((weighted / weights) * 100, 2) : null;
  return { score, measured, missing };
}

export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A standard's thresholds must be ordered the way its direction says, else verdicts invert. */
export function thresholdsAreOrdered(t: Threshold): boolean {
  return t.direction === 'higher' ? t.warning <= t.target : t.warning >= t.target;
}
