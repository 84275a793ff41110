/**
 * Which number formats show a date, and the serial-number to Date conversion.
 * Excel stores dates as day numbers; only the cell's number format says it is a date.
 */

/**
 * Built-in format ids that are dates or times: 14-22 and 45-47 everywhere, and 27-36 and
 * 50-58, which Chinese, Japanese and Korean Excel use for their local date formats
 * (e.g. 31 is `yyyy"年"m"月"d"日"`) without writing the format into styles.xml.
 */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** True when a format shows a date or time of day (not an elapsed duration such as `[h]:mm`). */
export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (formatCode === undefined) return BUILTIN_DATE_IDS.has(numFmtId);
  // Elapsed-time brackets are durations.
  if (/\[(h+|m+|s+)\]/i.test(firstSection(formatCode))) return false;
  const bare = bareFormat(formatCode);
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Built-in percent formats: 9 is `0%`, 10 is `0.00%`. */
const BUILTIN_PERCENT_IDS = new Set([9, 10]);

/** True when a format multiplies by 100 and shows `%` (a quoted or escaped `%` is only a character). */
export function isPercentFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (formatCode === undefined) return BUILTIN_PERCENT_IDS.has(numFmtId);
  return bareFormat(formatCode).includes('%');
}

/** What a percent-formatted number shows: 0.953 is `95.3%` (to 15 digits, so not 95.30000000000001%). */
export function percentText(n: number): string {
  return `${Number((n * 100).toPrecision(15))}%`;
}

// Only the first section matters for positive numbers.
const firstSection = (formatCode: string) => formatCode.split(';')[0] ?? '';

/** A format's first section without what only decorates it. */
function bareFormat(formatCode: string): string {
  return firstSection(formatCode)
    .replace(/"[^"]*"/g, '') // literal text
    .replace(/\\./g, '') // escaped characters
    .replace(/\[[^\]]*\]/g, '') // colours, locales, conditions
    .replace(/[_*]./g, ''); // padding and fill characters
}

const DAY_MS = 86_400_000;
/** 1899-12-30: serial 0 in the 1900 system once Excel's fictitious 1900-02-29 is accounted for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL = 2_958_465;

/**
 * A date serial as a UTC Date (wall-clock time, no zone), or null when the serial is outside
 * what Excel can show (the caller keeps the number then). Times round to the millisecond.
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return null;
  if (date1904) return new Date(EPOCH_1904 + Math.round(serial * DAY_MS));
  // Serials below 61 come before the fictitious 1900-02-29 (serial 60), so count one day more.
  const adjusted = serial < 61 ? serial + 1 : serial;
  return new Date(EPOCH_1900 + Math.round(adjusted * DAY_MS));
}

/** An ISO 8601 value of a `t="d"` cell; without a zone it is wall-clock time, read as UTC. */
export function isoToDate(text: string): Date | null {
  const t = text.trim();
  const withZone = /(Z|[+-]\d\d:?\d\d)$/.test(t) || !/T|\d:\d/.test(t) ? t : `${t}Z`;
  const d = new Date(/^\d{4}-\d\d-\d\d$/.test(withZone) ? `${withZone}T00:00:00Z` : withZone);
  return Number.isNaN(d.getTime()) ? null : d;
}
