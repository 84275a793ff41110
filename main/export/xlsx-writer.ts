import { ZipWriter, type ZipEntry } from './zip-writer';
import { StyleTable, HEADER_STYLE, type CellStyle } from './styles';

/**
 * A streaming .xlsx writer: rows go to the zip as XML as they come, with inline strings (no
 * shared-string table held in memory) and a handful of shared styles. Enough of
 * SpreadsheetML for what the workbench sends out: typed cells, frozen bold header,
 * auto-filter, column widths, dropdown validations with input hints, hidden sheets.
 */

/** A cell: text, number, a YYYY-MM-DD date (written as a real date), or empty. */
export type CellValue = string | number | null | undefined | { date: string };

export interface ColumnSpec {
  header: string;
  /** Style index for the column's cells (from `writer.style`); 0 = default. */
  style?: number;
  /** Minimum width in characters; the header and the first rows widen it. */
  minWidth?: number;
}

export interface Validation {
  /** Cell range, e.g. C2:C1000. */
  ref: string;
  /** A list formula (e.g. `'_lists'!$A$2:$A$7`) or literal values; none: an input hint only. */
  list?: string | string[];
  promptTitle?: string;
  prompt?: string;
  error?: string;
}

export interface SheetOptions {
  name: string;
  columns: ColumnSpec[];
  /** Header row present (bold, frozen, filtered); false for free-form sheets. */
  header?: boolean;
  autoFilter?: boolean;
  hidden?: boolean;
  validations?: Validation[];
  /** Rows above the header, e.g. a title; the header is frozen below them. */
  titleRows?: string[];
}

const SAMPLE_ROWS = 200;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// Characters XML 1.0 forbids; spreadsheets pasted from other systems do carry them.
/* eslint-disable no-control-regex -- matching control characters is the point here */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */
export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Display width: CJK and full-width characters take two columns, as Excel draws them. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Excel's serial day number of a YYYY-MM-DD date (1900 system). */
export function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return (Date.UTC(y!, m! - 1, d!) - EXCEL_EPOCH) / 86_400_000;
}

export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly styles = new StyleTable();
  private readonly sheets: { name: string; hidden: boolean; filterRef?: string }[] = [];
  private current: SheetWriter | null = null;
  readonly headerStyle: number;

  constructor(
    path: string,
    private readonly meta: { created: Date; creator: string; title?: string },
  ) {
    this.zip = new ZipWriter(path, meta.created);
    this.headerStyle = this.styles.register(HEADER_STYLE);
  }

  style(s: CellStyle): number {
    return this.styles.register(s);
  }

  /** Starts the next sheet; the previous one is closed first. Sheets are written in order. */
  async addSheet(options: SheetOptions): Promise<SheetWriter> {
    await this.current?.close();
    const index = this.sheets.length + 1;
    const sheet = new SheetWriter(
      await this.zip.open(`xl/worksheets/sheet${index}.xml`),
      options,
      this.headerStyle,
    );
    this.sheets.push({ name: options.name, hidden: !!options.hidden });
    sheet.onClose = (filterRef) => {
      this.sheets[index - 1]!.filterRef = filterRef;
    };
    this.current = sheet;
    return sheet;
  }

  async finish(): Promise<void> {
    await this.current?.close();
    const n = this.sheets.length;
    const sheetIds = this.sheets.map((_, i) => i + 1);
    await this.zip.add(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheetIds
          .map(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    );
    await this.zip.add(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
        '</Relationships>',
    );
    // Metadata dates come from the caller's clock, so a test's workbook is byte-stable.
    const when = this.meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    await this.zip.add(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        (this.meta.title ? `<dc:title>${xmlText(this.meta.title)}</dc:title>` : '') +
        `<dc:creator>${xmlText(this.meta.creator)}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
        '</cp:coreProperties>',
    );
    await this.zip.add(
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
        '<Application>Quality Workbench</Application></Properties>',
    );
    await this.zip.add(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheetIds
          .map(
            (i) =>
              `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    );
    const firstVisible = Math.max(
      0,
      this.sheets.findIndex((s) => !s.hidden),
    );
    const filters = this.sheets
      .map((s, i) =>
        s.filterRef
          ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(sheetRef(s.name))}!${absolute(s.filterRef)}</definedName>`
          : '',
      )
      .join('');
    await this.zip.add(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook ${NS} ${NS_R}><bookViews><workbookView activeTab="${firstVisible}" firstSheet="${firstVisible}"/></bookViews><sheets>` +
        this.sheets
          .map(
            (s, i) =>
              `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
          )
          .join('') +
        `</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`,
    );
    await this.zip.add('xl/styles.xml', this.styles.xml());
    await this.zip.finish();
  }

  abort(): void {
    this.zip.abort();
  }
}

/** `'Sheet name'` as a formula names a sheet. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(ref: string): string {
  return ref
    .split(':')
    .map((c) => c.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}

export class SheetWriter {
  private rowNumber = 0;
  private readonly letters: string[];
  private readonly widths: number[];
  private sample: { values: CellValue[]; styles?: (number | undefined)[] }[] = [];
  private started = false;
  private readonly headerRow: number;
  /** @internal */
  onClose: (filterRef: string | undefined) => void = () => {};

  constructor(
    private readonly entry: ZipEntry,
    private readonly options: SheetOptions,
    private readonly headerStyle: number,
  ) {
    this.letters = options.columns.map((_, i) => columnLetter(i));
    this.widths = options.columns.map((c) =>
      Math.max(c.minWidth ?? 8, options.header === false ? 0 : displayWidth(c.header) + 3),
    );
    this.headerRow = (options.titleRows?.length ?? 0) + (options.header === false ? 0 : 1);
  }

  get rowsWritten(): number {
    return this.rowNumber - this.headerRow + this.sample.length;
  }

  /** Adds a data row; `styles` overrides a column's style per cell (a verdict's colour). */
  async row(values: CellValue[], styles?: (number | undefined)[]): Promise<void> {
    if (!this.started) {
      this.sample.push({ values, styles });
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v === 'string')
          this.widths[i] = Math.max(this.widths[i] ?? 8, Math.min(60, displayWidth(v) + 2));
        else if (typeof v === 'number')
          this.widths[i] = Math.max(this.widths[i] ?? 8, Math.min(20, String(v).length + 3));
        else if (v && typeof v === 'object') this.widths[i] = Math.max(this.widths[i] ?? 8, 12);
      }
      if (this.sample.length >= SAMPLE_ROWS) await this.start();
      return;
    }
    await this.entry.write(this.rowXml(values, styles));
  }

  private async start(): Promise<void> {
    this.started = true;
    const o = this.options;
    const frozen = this.headerRow > 0 && o.header !== false;
    const view = frozen
      ? `<sheetViews><sheetView workbookViewId="0"${this.isFirst() ? ' tabSelected="1"' : ''}><pane ySplit="${this.headerRow}" topLeftCell="A${this.headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${this.headerRow + 1}" sqref="A${this.headerRow + 1}"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    const cols = this.widths
      .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
      .join('');
    // Printed on A4 landscape, every column on one page width (as many pages down as needed).
    let head = `${XML_HEAD}<worksheet ${NS} ${NS_R}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>${view}<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
    for (const title of o.titleRows ?? []) {
      this.rowNumber++;
      head += `<row r="${this.rowNumber}"><c r="A${this.rowNumber}" t="inlineStr" s="${this.headerStyle}"><is><t>${xmlText(title)}</t></is></c></row>`;
    }
    if (o.header !== false) {
      this.rowNumber++;
      head += `<row r="${this.rowNumber}">${o.columns
        .map(
          (c, i) =>
            `<c r="${this.letters[i]}${this.rowNumber}" t="inlineStr" s="${this.headerStyle}"><is><t>${xmlText(c.header)}</t></is></c>`,
        )
        .join('')}</row>`;
    }
    await this.entry.write(head);
    const sample = this.sample;
    this.sample = [];
    for (const r of sample) await this.entry.write(this.rowXml(r.values, r.styles));
  }

  private isFirst(): boolean {
    return !this.options.hidden;
  }

  private rowXml(values: CellValue[], styles?: (number | undefined)[]): string {
    const r = ++this.rowNumber;
    let xml = `<row r="${r}">`;
    const columns = this.options.columns;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      const s = styles?.[i] ?? columns[i]?.style ?? 0;
      const sAttr = s ? ` s="${s}"` : '';
      const ref = `${this.letters[i] ?? columnLetter(i)}${r}`;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) xml += `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
      } else if (typeof v === 'string') {
        const space = v !== v.trim() ? ' xml:space="preserve"' : '';
        xml += `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
      } else {
        xml += `<c r="${ref}"${sAttr}><v>${excelSerial(v.date)}</v></c>`;
      }
    }
    return `${xml}</row>`;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.started) await this.start();
    const o = this.options;
    let tail = '</sheetData>';
    const last = Math.max(this.rowNumber, this.headerRow + 1);
    const filterRef =
      o.header !== false && o.autoFilter !== false && o.columns.length
        ? `A${this.headerRow}:${this.letters[this.letters.length - 1]}${last}`
        : undefined;
    if (filterRef) tail += `<autoFilter ref="${filterRef}"/>`;
    if (o.validations?.length) {
      tail += `<dataValidations count="${o.validations.length}">${o.validations.map(validationXml).join('')}</dataValidations>`;
    }
    tail += '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
    tail += '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
    await this.entry.write(tail);
    await this.entry.close();
    this.onClose(filterRef);
  }
  private closed = false;
}

function validationXml(v: Validation): string {
  const prompt = v.prompt
    ? ` showInputMessage="1" promptTitle="${xmlText(v.promptTitle ?? '')}" prompt="${xmlText(v.prompt)}"`
    : '';
  if (v.list === undefined) return `<dataValidation allowBlank="1"${prompt} sqref="${v.ref}"/>`;
  const formula = Array.isArray(v.list) ? `"${v.list.join(',')}"` : v.list;
  const error = ` showErrorMessage="1" errorStyle="stop" errorTitle="无效输入" error="${xmlText(v.error ?? '请从下拉列表中选择')}"`;
  return `<dataValidation type="list" allowBlank="1"${prompt}${error} sqref="${v.ref}"><formula1>${xmlText(formula)}</formula1></dataValidation>`;
}
