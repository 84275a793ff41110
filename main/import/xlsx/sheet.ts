import { isoToDate, serialToDate } from './dates';
import type { CellRange, CellValue, SheetRow } from './types';
import { decodeXstring, type Tag, type XmlHandler } from './xml';

/** What a sheet needs from the rest of the workbook to turn cell XML into values. */
export interface CellContext {
  sharedStrings: readonly string[];
  /** By cell style index (`s`): does its number format show a date? */
  dateStyles: readonly boolean[];
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

  constructor(private readonly context: CellContext) {}

  open(name: string, tag: Tag): void {
    switch (name) {
      case 'row': {
        const r = tag.attr('r');
        const n = r !== undefined ? Number(r) : NaN;
        // Rows without r= (or with a broken one) follow the previous row.
        this.rowNumber = Number.isInteger(n) && n > 0 ? n : this.lastRow + 1;
        this.cells = [];
        this.nextColumn = 0;
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
        this.finishCell();
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

  private finishCell(): void {
    const value = this.cellValue();
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

  private cellValue(): CellValue {
    const v = this.value;
    const ctx = this.context;
    // openpyxl writes `<v></v>` for a formula it could not compute: that is no result at all
    // (only `t="str"` can cache an empty text result).
    const missing = v === null || (v === '' && this.type !== 'str');
    if (missing && this.type !== 'inlineStr') {
      return this.formula !== null ? { kind: 'formula', formula: this.formula } : null;
    }
    switch (this.type) {
      case 's': {
        const s = ctx.sharedStrings[Number(v)];
        return s === undefined || s === '' ? null : s;
      }
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
        if (ctx.dateStyles[this.style]) return serialToDate(n, ctx.date1904) ?? n;
        return n;
      }
    }
  }
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
