import { isDateFormat, isPercentFormat } from './dates';
import { decodeXstring, type Tag, type XmlHandler } from './xml';

/** Handlers for the small parts read whole before any sheet: rels, workbook, styles, strings. */

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export class RelsHandler implements XmlHandler {
  readonly rels: Relationship[] = [];
  readonly wantText = false;

  open(name: string, tag: Tag): void {
    if (name !== 'Relationship') return;
    const target = tag.attr('Target');
    if (target === undefined) return;
    const external = tag.attr('TargetMode') === 'External';
    this.rels.push({ id: tag.attr('Id') ?? '', type: tag.attr('Type') ?? '', target, external });
  }

  close(): void {}
  text(): void {}
}

/** Relationship types end the same way in transitional and strict OOXML. */
export function relOfType(rels: Relationship[], suffix: string): Relationship | undefined {
  return rels.find((r) => !r.external && r.type.endsWith(suffix));
}

export interface WorkbookSheet {
  name: string;
  state: string;
  relId: string;
  sheetId: string;
}

export class WorkbookHandler implements XmlHandler {
  readonly sheets: WorkbookSheet[] = [];
  date1904 = false;
  /** False when the package's main part is something else (a Word document named .xlsx). */
  isWorkbook = false;
  readonly wantText = false;

  open(name: string, tag: Tag): void {
    if (name === 'workbook') {
      this.isWorkbook = true;
    } else if (name === 'workbookPr') {
      // Extensions repeat `workbookPr` (x15:workbookPr) without date1904: only the attribute counts.
      const date1904 = tag.attr('date1904');
      if (date1904 !== undefined) this.date1904 = date1904 === '1' || date1904 === 'true';
    } else if (name === 'sheet') {
      this.sheets.push({
        name: tag.attr('name') ?? '',
        state: tag.attr('state') ?? 'visible',
        relId: tag.attr('id') ?? '',
        sheetId: tag.attr('sheetId') ?? '',
      });
    }
  }

  close(): void {}
  text(): void {}
}

/** Collects, per cell style index, whether its number format is a date, and whether a percentage. */
export class StylesHandler implements XmlHandler {
  private readonly formats = new Map<number, string>();
  private readonly xfFormatIds: number[] = [];
  private inCellXfs = false;
  readonly wantText = false;

  open(name: string, tag: Tag): void {
    if (name === 'numFmt') {
      const id = tag.attr('numFmtId');
      if (id !== undefined) this.formats.set(Number(id), tag.attr('formatCode') ?? '');
    } else if (name === 'cellXfs') {
      this.inCellXfs = true;
    } else if (name === 'xf' && this.inCellXfs) {
      this.xfFormatIds.push(Number(tag.attr('numFmtId') ?? 0));
    }
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
  }
  text(): void {}

  dateStyles(): boolean[] {
    return this.xfFormatIds.map((id) => isDateFormat(id, this.formats.get(id)));
  }

  percentStyles(): boolean[] {
    return this.xfFormatIds.map((id) => isPercentFormat(id, this.formats.get(id)));
  }
}

/**
 * The shared strings table: each `<si>` is plain (`<t>`) or rich text (runs of `<r><t>`),
 * concatenated; phonetic guides (`<rPh>`, furigana) are not part of the value.
 */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  wantText = false;
  private current = '';
  private inPhonetic = false;

  open(name: string): void {
    if (name === 'si') this.current = '';
    else if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.wantText = true;
  }
  close(name: string): void {
    if (name === 't') this.wantText = false;
    else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'si') this.strings.push(decodeXstring(this.current));
  }
  text(text: string): void {
    this.current += text;
  }
}
