import { cleanText } from './text';

/** A number read from a cell: a value, a missing marker (never zero), or text that is no number. */
export type NumberRead =
  { kind: 'number'; value: number; percent: boolean } | { kind: 'missing' } | { kind: 'invalid' };

/** What people write for "not measured" (exchange-format.md); compared after NFKC folding. */
const MISSING = new Set([
  '',
  '—',
  '——',
  '-',
  '--',
  '–',
  '/',
  '\\',
  'n/a',
  'na',
  'null',
  'none',
  '无',
  '空',
  '缺',
  '未检查',
  '未檢查',
  '暂无',
  '暫無',
  '#n/a',
]);

export function isMissingMarker(text: string): boolean {
  return MISSING.has(cleanText(text).toLowerCase());
}

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a measured value: numbers, numbers stored as text, `95.3%`, full-width digits
 * (`９５．３`), thousands separators (`1,234.5`), and a trailing unit equal to `unit`
 * (`12分钟` for a 分钟 standard). Missing markers are missing, never zero.
 */
export function readNumber(cell: unknown, unit?: string): NumberRead {
  if (cell === null || cell === undefined) return { kind: 'missing' };
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { kind: 'number', value: cell, percent: false } : { kind: 'invalid' };
  if (typeof cell !== 'string') return { kind: 'invalid' };
  if (isMissingMarker(cell)) return { kind: 'missing' };
  let s = cleanText(cell)
    .replace(/\s/g, '')
    .replace(/[。．]/g, '.');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  } else if (unit && unit !== '%' && s.endsWith(unit.normalize('NFKC'))) {
    s = s.slice(0, -unit.normalize('NFKC').length);
  }
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN.test(s)) return { kind: 'invalid' };
  const value = Number(s);
  return Number.isFinite(value) ? { kind: 'number', value, percent } : { kind: 'invalid' };
}

/** Text from a cell (numbers written plainly); null for empty or a missing marker-only cell. */
export function readText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    const t = cleanText(cell);
    return t === '' ? null : t;
  }
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return null;
}

/**
 * Plausible ranges per unit: a rate may exceed its whole (a completion rate of 110%), but
 * not twice over; past that it is a unit mistake (0.95 typed for 95%, or the reverse).
 */
const UNIT_RANGE: Record<string, [number, number]> = { '%': [0, 200], '‰': [0, 1000], '‱': [0, 10000] };

/** Why a measured value cannot be right for its unit (a reason's key and parameters), or null. */
export function implausibility(
  value: number,
  unit: string | undefined,
): { key: 'negative' | 'outOfRange'; params: { unit: string; range: string } } | null {
  if (plausible(value, unit)) return null;
  const range = UNIT_RANGE[unit!] ?? [0, Infinity];
  return {
    key: value < 0 ? 'negative' : 'outOfRange',
    params: { unit: unit ?? '', range: `${range[0]}–${range[1]}` },
  };
}

/** Whether a measured value can be right for its unit: never negative, a rate at most twice its whole. */
export function plausible(value: number, unit: string | undefined): boolean {
  const range = unit ? UNIT_RANGE[unit] : undefined;
  return Number.isFinite(value) && value >= 0 && (!range || value <= range[1]);
}
