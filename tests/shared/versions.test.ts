import { describe, expect, it } from 'vitest';
import { versionInForce } from '../../shared/domain/versions';

describe('the version a period is judged by', () => {
  // Listed out of order on purpose: the rule must not depend on the order it is given.
  const versions = [
    { version: 3, effectiveFrom: '2026-11-01' },
    { version: 1, effectiveFrom: '2026-01-15' },
    { version: 2, effectiveFrom: '2026-06-01' },
  ];
  const at = (lastDay: string) => versionInForce(versions, lastDay)?.version;

  it('is the newest version effective by the last day of the period', () => {
    expect(at('2026-05-31')).toBe(1);
    expect(at('2026-06-30')).toBe(2);
    expect(at('2026-10-31')).toBe(2);
    expect(at('2026-12-31')).toBe(3);
  });

  it('counts a version effective on the last day itself', () => {
    expect(at('2026-06-01')).toBe(2);
    expect(at('2026-01-15')).toBe(1);
  });

  it('is the first version for a period before every version, and nothing without versions', () => {
    expect(at('2025-12-31')).toBe(1);
    expect(versionInForce([], '2026-10-31')).toBeUndefined();
  });

  it('goes by version number, not by date, where a later version was dated earlier', () => {
    const corrected = [
      { version: 1, effectiveFrom: '2026-03-01' },
      { version: 2, effectiveFrom: '2026-02-01' },
    ];
    expect(versionInForce(corrected, '2026-03-31')?.version).toBe(2);
    expect(versionInForce(corrected, '2026-01-31')?.version).toBe(1);
  });
});
