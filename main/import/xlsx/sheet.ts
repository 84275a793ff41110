import { isoToDate, percentText, serialToDate } from './dates';
import type { CellRange, CellValue, SheetRow } from './types';
import { AMP, COLON, DQUOTE, EQ, GT, isSpace, LT, SLASH, SQUOTE } from './chars';
import { decodeXstring, type Tag, type XmlHandler } from './xml';

/** What a sheet needs from the rest of the workbook to turn cell XML into values. */
export interface CellContext {
  sharedStrings: readonly string[];
  /** By cell style index (`s`): does its number format show a date? */
  dateStyles: readonly boolean[];
  /** By cell style index: does its number format show a percentage? (None known: none.) */
  percentStyles?: readonly boolean[];
  date1904: boolean;
}

type Capture = 'none' | 'v' | 'f' | 't';
/** XFD, Excel's last column (0-based): a reference past it would make a vast row array. */
const LAST_COLUMN = 16_383;

/**
 * Turns a worksheet's XML events into rows. Completed rows collect in `ready` for the
 * streaming loop to hand out, so memory holds one inflated chunk's rows at a time.
 */
export class SheetParser implements XmlHandler {
  ready: SheetRow[] = [];
  readonly merges: CellRange[] = [];
  rowCount = 0;
  wantText = false;

  private capture: Capture = 'none';
  private buffer = '';
  private lastRow = 0;
  private rowNumber = 0;
  private cells: CellValue[] = [];
  private nextColumn = 0;
  private column = 0;
  private type = 'n';
  private style = 0;
  private value: string | null = null;
  private formula: string | null = null;
  private sharedFormulaIndex: string | undefined;
  private inline: string | null = null;
  private inInline = false;
  private inPhonetic = false;
  /** Shared formulas by `si`: dependants carry no text, only the master's index. */
  private readonly sharedFormulas = new Map<string, string>();
  /**
   * Per column, the last date serial read there and its value (dateCell): a sheet repeats a
   * date down a column (a period, an inspection day), and a Date per cell was the commonest
   * object the reader made of such a sheet.
   */
  private readonly dateSerials: number[] = [];
  private readonly dates: (Date | null)[] = [];

  constructor(private readonly context: CellContext) {}

  open(name: string, tag: Tag): void {
    switch (name) {
      case 'row': {
        const r = tag.attr('r');
        this.startRow(r !== undefined ? Number(r) : NaN);
        break;
      }
      case 'c': {
        const ref = tag.attr('r');
        this.column = ref !== undefined ? columnIndex(ref) : -1;
        if (this.column < 0) this.column = this.nextColumn; // cells without r= follow each other
        if (this.column > LAST_COLUMN) throw new Error(`cell ${ref} lies beyond column XFD`);
        this.type = tag.attr('t') ?? 'n';
        const style = tag.attr('s');
        this.style = style !== undefined ? Number(style) : 0;
        this.value = null;
        this.formula = null;
        this.inline = null;
        break;
      }
      case 'v':
        this.startCapture('v');
        break;
      case 'f':
        this.sharedFormulaIndex = tag.attr('t') === 'shared' ? tag.attr('si') : undefined;
        this.startCapture('f');
        break;
      case 'is':
        this.inInline = true;
        this.inline = '';
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 't':
        if (this.inInline && !this.inPhonetic) this.startCapture('t');
        break;
      case 'mergeCell': {
        const ref = tag.attr('ref');
        if (ref) this.merges.push(parseRange(ref));
        break;
      }
    }
  }

  /** A row begins: `r` is its number as written; rows without r= (or with a broken one) follow the previous row. */
  private startRow(r: number): void {
    this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.lastRow + 1;
    this.cells = [];
    this.nextColumn = 0;
  }

  /**
   * `<row ...>` read in one pass, with the same result as the general path: its `r` where it
   * lies, the other attributes (spans, heights, `x14ac:dyDescent`...) passed over, which the
   * general path reads into a tag first. A prefixed, quoted or entity-bearing `r`, a stray
   * character or the chunk ending inside the tag go the general way. A tenth of reading a
   * long sheet, which has a row per nine cells. Its attribute loop is cell's again, on purpose:
   * one helper for both, returning the places through a shared object, read sheets 10% slower.
   */
  row(s: string, lt: number): number {
    if (this.capture !== 'none') return -1;
    const n = s.length;
    let i = lt + 4;
    let r = NaN;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) break;
      const nameStart = i;
      let local = i;
      while (i < n && s.charCodeAt(i) !== EQ) {
        const ch = s.charCodeAt(i);
        if (ch === COLON) local = i + 1;
        else if (ch === GT || ch === SLASH || ch === LT || ch === DQUOTE || ch === SQUOTE || isSpace(ch))
          return -1;
        i++;
      }
      if (i + 1 >= n || s.charCodeAt(i + 1) !== DQUOTE) return -1;
      const from = i + 2;
      const to = s.indexOf('"', from);
      if (to < 0) return -1;
      if (i - local === 1 && s.charCodeAt(local) === R) {
        // xmlns:r declares a prefix; x:r is the general path's to read.
        if (local !== nameStart) return -1;
        if (Number.isNaN(r)) {
          r = digits(s, from, to);
          if (r < 0) return -1;
        }
      }
      i = to + 1;
    }
    const selfClosing = s.charCodeAt(i) === SLASH;
    if (selfClosing && (i + 1 >= n || s.charCodeAt(i + 1) !== GT)) return -1;
    this.startRow(r);
    if (selfClosing) this.finishRow();
    return selfClosing ? i + 2 : i + 1;
  }

  /**
   * The common shapes of a cell read in one pass, with the same result as the general path:
   * `<c r="B7" t="s" s="3"><v>12</v></c>` (any order of attributes, others ignored) and the
   * empty `<c .../>` or `<c ...></c>`. Anything else (a formula, an inline string, an entity,
   * a prefixed or single-quoted attribute, the chunk ending inside the cell) goes the general
   * way. This halves the time to read a long sheet: the general path makes five handler calls
   * and several strings per cell.
   */
  cell(s: string, lt: number): number {
    if (this.capture !== 'none') return -1;
    const n = s.length;
    let i = lt + 2;
    let column = -1;
    let type: string | null = null;
    let style: number | null = null;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) break;
      const nameStart = i;
      while (i < n && s.charCodeAt(i) !== EQ) {
        const ch = s.charCodeAt(i);
        if (ch === COLON || ch === GT || ch === SLASH || isSpace(ch)) return -1;
        i++;
      }
      if (i + 1 >= n || s.charCodeAt(i + 1) !== DQUOTE) return -1;
      const from = i + 2;
      const to = s.indexOf('"', from);
      if (to < 0) return -1;
      if (i - nameStart === 1) {
        const name = s.charCodeAt(nameStart);
        if (name === R && column < 0) {
          column = refColumn(s, from, to);
          if (column === -2) return -1;
        } else if (name === T && type === null) {
          type = s.slice(from, to);
          if (type.includes('&')) return -1;
        } else if (name === S && style === null) {
          style = digits(s, from, to);
          if (style < 0) return -1;
        }
      } else if (s.startsWith('xmlns', nameStart)) return -1;
      i = to + 1;
    }
    let end: number;
    let from = -1;
    let to = -1;
    if (s.charCodeAt(i) === SLASH) {
      if (s.charCodeAt(i + 1) !== GT) return -1;
      end = i + 2;
    } else {
      let p = skipSpace(s, i + 1);
      if (s.startsWith('<v>', p)) {
        from = p + 3;
        to = s.indexOf('<', from);
        if (to < 0 || !s.startsWith('</v>', to)) return -1;
        for (let k = from; k < to; k++) if (s.charCodeAt(k) === AMP) return -1;
        p = skipSpace(s, to + 4);
      }
      if (!s.startsWith('</c>', p)) return -1;
      end = p + 4;
    }
    this.column = column >= 0 ? column : this.nextColumn;
    if (this.column > LAST_COLUMN) return -1;
    this.type = type ?? 'n';
    this.style = style ?? 0;
    this.formula = null;
    this.inline = null;
    const known = from < 0 ? undefined : this.valueInPlace(s, from, to);
    if (known === undefined) this.value = from < 0 ? null : s.slice(from, to);
    this.finishCell(known === undefined ? this.cellValue() : known);
    return end;
  }

  /**
   * The value of the commonest cells read from the XML where it lies, without taking it out
   * as a string first: a shared string's index, or a plain decimal number (a date's serial
   * where the style shows a date). undefined: cellValue decides (same results, by way of the text).
   */
  private valueInPlace(s: string, from: number, to: number): CellValue | undefined {
    if (this.type === 's') {
      const index = digits(s, from, to);
      return index < 0 ? undefined : this.sharedText(index);
    }
    if (this.type !== 'n') return undefined;
    const n = plainDecimal(s, from, to);
    if (Number.isNaN(n)) return undefined;
    return this.numberCell(n);
  }

  /** A number as its style shows it: a date, a percentage's text, or itself. */
  private numberCell(n: number): CellValue {
    if (this.context.dateStyles[this.style]) return this.dateCell(n);
    return this.context.percentStyles?.[this.style] ? percentText(n) : n;
  }

  /**
   * A number styled as a date: its Date, or the number when Excel could not show it as one.
   * The same serial as the column's last date cell gives the same Date object (nothing changes
   * a cell's Date once read).
   */
  private dateCell(serial: number): Date | number {
    const column = this.column;
    if (this.dateSerials[column] !== serial) {
      this.dateSerials[column] = serial;
      this.dates[column] = serialToDate(serial, this.context.date1904);
    }
    return this.dates[column] ?? serial;
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.value = this.endCapture();
        break;
      case 'f':
        this.formula = this.sharedFormula(this.endCapture());
        break;
      case 't':
        if (this.capture === 't') this.inline += this.endCapture();
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'c':
        this.finishCell(this.cellValue());
        break;
      case 'row':
        this.finishRow();
        break;
    }
  }

  text(text: string): void {
    this.buffer += text;
  }

  private startCapture(what: Capture): void {
    this.capture = what;
    this.buffer = '';
    this.wantText = true;
  }

  private endCapture(): string {
    const text = this.buffer;
    this.capture = 'none';
    this.buffer = '';
    this.wantText = false;
    return text;
  }

  private sharedFormula(text: string): string {
    const si = this.sharedFormulaIndex;
    if (si === undefined) return text;
    if (text !== '') this.sharedFormulas.set(si, text);
    return text !== '' ? text : (this.sharedFormulas.get(si) ?? '');
  }

  private finishCell(value: CellValue): void {
    if (value !== null) this.cells[this.column] = value;
    this.nextColumn = this.column + 1;
  }

  private finishRow(): void {
    this.lastRow = this.rowNumber;
    const cells = this.cells;
    if (cells.length === 0) return;
    // Sparse arrays (cells only at some columns) become dense with nulls for the consumer.
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    this.ready.push({ row: this.rowNumber, cells });
    this.rowCount++;
    this.cells = [];
  }

  /** A shared string by its index; an empty or missing one is an empty cell. */
  private sharedText(index: number): string | null {
    const text = this.context.sharedStrings[index];
    return text === undefined || text === '' ? null : text;
  }

  private cellValue(): CellValue {
    const v = this.value;
    // openpyxl writes `<v></v>` for a formula it could not compute: that is no result at all
    // (only `t="str"` can cache an empty text result).
    const missing = v === null || (v === '' && this.type !== 'str');
    if (missing && this.type !== 'inlineStr') {
      return this.formula !== null ? { kind: 'formula', formula: this.formula } : null;
    }
    switch (this.type) {
      case 's':
        return this.sharedText(Number(v));
      case 'inlineStr': {
        const s = this.inline ?? v;
        if (s === null) return this.formula !== null ? { kind: 'formula', formula: this.formula } : null;
        return s === '' ? null : decodeXstring(s);
      }
      case 'str':
        return v === '' ? null : decodeXstring(v!);
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return { kind: 'error', code: v! };
      case 'd':
        return isoToDate(v!) ?? v;
      default: {
        if (v!.trim() === '') return null;
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return this.numberCell(n);
      }
    }
  }
}

const R = 114;
const T = 116;
const S = 115;

function skipSpace(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The 0-based column of the reference in s[from, to), as columnIndex; -2 if it holds an entity. */
function refColumn(s: string, from: number, to: number): number {
  let col = 0;
  let letters = true;
  for (let i = from; i < to; i++) {
    const raw = s.charCodeAt(i);
    if (raw === AMP) return -2;
    const c = raw & ~32; // upper-case
    if (letters && c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else letters = false;
  }
  return col - 1;
}

/** The decimal number in s[from, to), or -1 unless it is all digits. */
function digits(s: string, from: number, to: number): number {
  if (to === from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Significant digits a plain decimal may have to be read exactly here (below 2^53). */
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * The number in s[from, to) when it is a plain decimal (`-12`, `95.3`, `0.57`) of at most 15
 * digits, else NaN (Number() then reads it). Exact: the digits as an integer and a power of
 * ten up to 10^15 are both exact doubles, and one division rounds once, correctly, as
 * Number() does (Clinger's fast path).
 */
function plainDecimal(s: string, from: number, to: number): number {
  let i = from;
  const negative = s.charCodeAt(i) === 45; // -
  if (negative) i++;
  let mantissa = 0;
  let digitCount = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && decimals < 0)
      decimals = 0; // .
    else {
      const d = c - 48;
      if (d < 0 || d > 9) return NaN;
      mantissa = mantissa * 10 + d;
      digitCount++;
      if (decimals >= 0) decimals++;
    }
  }
  if (digitCount === 0 || digitCount > EXACT_DIGITS) return NaN;
  const n = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -n : n;
}

/** `AB12` -> 27 (0-based column of AB). */
export function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper-case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

function rowNumberOf(ref: string): number {
  const m = /\d+/.exec(ref);
  return m ? Number(m[0]) : 0;
}

/** `A1:C3` (or a single cell) as a 1-based range. */
export function parseRange(ref: string): CellRange {
  const [a, b = a] = ref.split(':') as [string, string?];
  return {
    top: rowNumberOf(a),
    left: columnIndex(a) + 1,
    bottom: rowNumberOf(b!),
    right: columnIndex(b!) + 1,
  };
}
