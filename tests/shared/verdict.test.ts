import { describe, expect, it } from 'vitest';
import {
  attainmentOf,
  compositeScore,
  gapOf,
  normalisedGap,
  thresholdsAreOrdered,
  verdictOf,
  type Threshold,
} from '../../shared/domain/verdict';

const higher: Threshold = { direction: 'higher', target: 85, warning: 75 };
const lower: Threshold = { direction: 'lower', target: 24, warning: 48 };

describe('verdict (domain.md: Verdict arithmetic)', () => {
  it.each([
    [higher, 85, 'pass'],
    [higher, 99, 'pass'],
    [higher, 84.99, 'warning'],
    [higher, 75, 'warning'],
    [higher, 74.99, 'fail'],
    [higher, 0, 'fail'],
    [lower, 24, 'pass'],
    [lower, 0, 'pass'],
    [lower, 24.01, 'warning'],
    [lower, 48, 'warning'],
    [lower, 48.01, 'fail'],
  ] as const)('%o with value %d is %s', (t, value, verdict) => {
    expect(verdictOf(value, t)).toBe(verdict);
  });

  it.each([
    [higher, 80, 5],
    [higher, 90, 0],
    [lower, 30, 6],
    [lower, 10, 0],
  ] as const)('gap of %o at %d is %d, never negative', (t, value, gap) => {
    expect(gapOf(value, t)).toBe(gap);
  });

  it('normalises the gap by the target, and by the warning band when the target is zero', () => {
    expect(normalisedGap(80, higher)).toBeCloseTo(5 / 85);
    expect(normalisedGap(3, { direction: 'lower', target: 0, warning: 2 })).toBeCloseTo(1.5);
  });
});

describe('attainment', () => {
  it.each([
    [higher, 85, 1],
    [higher, 42.5, 0.5],
    [higher, 200, 1.2],
    [lower, 24, 1],
    [lower, 48, 0.5],
    [lower, 12, 1.2],
    [lower, 0, 1.2],
  ] as const)('%o at %d attains %d (capped at 1.2)', (t, value, expected) => {
    expect(attainmentOf(value, t)).toBeCloseTo(expected);
  });
});

describe('composite score', () => {
  it('is the weighted mean of attainments scaled to 100', () => {
    const r = compositeScore([
      { weight: 2, attainment: 1 },
      { weight: 1, attainment: 0.7 },
    ]);
    expect(r).toEqual({ score: 90, measured: 2, missing: 0 });
  });

  it('reports missing measurements as missing, never as zero', () => {
    const r = compositeScore([
      { weight: 2, attainment: 1 },
      { weight: 5, attainment: null },
    ]);
    expect(r).toEqual({ score: 100, measured: 1, missing: 1 });
  });

  it('has no score when nothing was measured', () => {
    expect(compositeScore([{ weight: 1, attainment: null }])).toEqual({
      score: null,
      measured: 0,
      missing: 1,
    });
  });
});

describe('threshold order', () => {
  it('requires the warning threshold on the failing side of the target', () => {
    expect(thresholdsAreOrdered(higher)).toBe(true);
    expect(thresholdsAreOrdered(lower)).toBe(true);
    expect(thresholdsAreOrdered({ direction: 'higher', target: 80, warning: 90 })).toBe(false);
    expect(thresholdsAreOrdered({ direction: 'lower', target: 48, warning: 24 })).toBe(false);
  });
});
