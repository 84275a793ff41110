import { describe, expect, it } from 'vitest';
import { comparePeriods, isPeriod, periodRange, shiftPeriod } from '../../shared/domain/period';

describe('periods', () => {
  it('accepts only the canonical forms', () => {
    expect(['2026-10', '2026-01', '2026-Q3'].every(isPeriod)).toBe(true);
    expect(['2026-13', '2026-1', '2026Q3', '2026-Q5', '2026/10'].some(isPeriod)).toBe(false);
  });

  it('knows the days a period covers, leap years included', () => {
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
  });

  it('steps back and forward across years', () => {
    expect(shiftPeriod('2026-01', 1)).toBe('2025-12');
    expect(shiftPeriod('2026-01', -12)).toBe('2027-01');
    expect(shiftPeriod('2026-Q1', 1)).toBe('2025-Q4');
  });

  it('orders by start, a quarter before its months', () => {
    expect(['2026-08', '2026-Q3', '2026-07', '2025-12'].sort(comparePeriods)).toEqual([
      '2025-12',
      '2026-Q3',
      '2026-07',
      '2026-08',
    ]);
  });
});
