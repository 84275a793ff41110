import { isPeriod, monthPeriod } from '../domain/period';
import { memoised } from '../memo';
import { cleanText } from './text';

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const valid = (p: string): string | null => (isPeriod(p) ? p : null);
const month = (y: string | number, m: string | number): string | null =>
  valid(monthPeriod(Number(y), Number(m)));

/** Days from Excel's day zero to 1970-01-01, per date system. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial date as a UTC date (1900 or 1904 system); null outside plausible years. */
export function serialToDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * 86_400_000));
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * A period from what people put in a period column: a date cell (its month), `2026-10`,
 * `2026/10`, `2026.10`, `2026年10月`, `2026年第3季度`, `2026Q3`, a full date, the number
 * 2026.1 (Excel's rendering of a typed 2026.10), or an Excel serial date.
 */
export function readPeriod(cell: unknown, date1904 = false): string | null {
  if (cell instanceof Date) return month(cell.getUTCFullYear(), cell.getUTCMonth() + 1);
  if (typeof cell === 'number' || typeof cell === 'string') return PERIOD_OF[date1904 ? 1 : 0]!(cell);
  return null;
}

function periodOf(cell: string | number, date1904: boolean): string | null {
  if (typeof cell === 'string') return periodInText(cleanText(cell), true);
  if (cell >= 1900 && cell < 2200) {
    const m = Math.round((cell - Math.floor(cell)) * 100);
    return m >= 1 && m <= 12 ? month(Math.floor(cell), m) : null;
  }
  if (cell >= 190001 && cell <= 219912 && Number.isInteger(cell))
    return month(Math.floor(cell / 100), cell % 100);
  const d = serialToDate(cell, date1904);
  return d ? month(d.getUTCFullYear(), d.getUTCMonth() + 1) : null;
}
/** Per date system: a column repeats the same few periods down the sheet. */
const PERIOD_OF = [false, true].map((date1904) =>
  memoised((cell: string | number) => periodOf(cell, date1904)),
);

/**
 * Finds a period in free text such as a title row (`2026年10月华东区…`, `2026年第3季度…`).
 * `whole`: the text must be nothing but the period (a period column's cell).
 */
export function periodInText(text: string, whole = false): string | null {
  const s = cleanText(text).replace(/\s/g, '');
  const [quarterCn, quarterQ, monthCn, monthDash, compact] = whole ? WHOLE : ANYWHERE;
  let m = quarterCn.exec(s);
  if (m && /季/.test(m[0])) return valid(`${m[1]}-Q${CN_DIGITS[m[2]!]}`);
  m = quarterQ.exec(s);
  if (m) return valid(`${m[1]}-Q${m[2]}`);
  m = monthCn.exec(s);
  if (m) return month(m[1]!, m[2]!);
  m = monthDash.exec(s);
  if (m) return month(m[1]!, m[2]!);
  m = compact ? compact.exec(s) : null;
  return m ? month(m[1]!, m[2]!) : null;
}

const PATTERNS = [
  '(\\d{4})年?第?([1-4一二三四])季度?',
  '(\\d{4})[-/.]?Q([1-4])',
  '(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})日)?(?:份)?',
  '(\\d{4})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?(?:T[\\d:.]+Z?)?',
];
type Patterns = [RegExp, RegExp, RegExp, RegExp, RegExp | null];
const ANYWHERE = [...PATTERNS.map((p) => new RegExp(p, 'i')), null] as Patterns;
const WHOLE = [...PATTERNS.map((p) => new RegExp(`^${p}$`, 'i')), /^(\d{4})(\d{2})$/] as Patterns;

/** A calendar date (YYYY-MM-DD) from a date cell, a serial number, or typed text. */
export function readDate(cell: unknown, date1904 = false): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : dayAt(cell.getTime());
  if (typeof cell === 'number' || typeof cell === 'string') return DATE_OF[date1904 ? 1 : 0]!(cell);
  return null;
}

function dateOf(cell: string | number, date1904: boolean): string | null {
  if (typeof cell === 'number') {
    const d = serialToDate(cell, date1904);
    return d ? isoDay(d) : null;
  }
  const s = cleanText(cell).replace(/\s/g, '');
  const m = /^(\d{4})(?:[-/.年])(\d{1,2})(?:[-/.月])(\d{1,2})日?(?:T[\d:.]+Z?)?$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoDay(d) !== iso ? null : iso;
}
/** A date column holds a few hundred distinct days; formatting each once is what saves. */
const dayAt = memoised((ms: number) => isoDay(new Date(ms)));
const DATE_OF = [false, true].map((date1904) => memoised((cell: string | number) => dateOf(cell, date1904)));
