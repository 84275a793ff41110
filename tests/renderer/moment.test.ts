/** How the pages write a moment: as dates are written everywhere else, in local time. */
import { describe, expect, it } from 'vitest';
import { formatMoment } from '../../renderer/moment';

describe('formatMoment', () => {
  it('writes YYYY-MM-DD HH:mm in local time, whatever the language', () => {
    const local = new Date(2026, 11, 6, 8, 39, 50);
    expect(formatMoment(local.toISOString())).toBe('2026-12-06 08:39');
  });
});
