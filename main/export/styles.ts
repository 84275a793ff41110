/**
 * The few cell styles a workbook uses, registered once and shared by index: one style object
 * per cell is what makes stock writers slow and large. styles.xml is written at the end,
 * so any sheet may register a style before it writes its rows.
 */
export interface CellStyle {
  bold?: boolean;
  /** ARGB fill colour, e.g. FFC6EFCE. */
  fill?: string;
  /** ARGB font colour. */
  color?: string;
  /** An Excel number format code; `date` uses yyyy-mm-dd. */
  numFmt?: string;
  wrap?: boolean;
  border?: boolean;
}

/** Verdict colours as Excel's own "good / neutral / bad" cell styles show them. */
export const VERDICT_STYLE: Record<'pass' | 'warning' | 'fail', CellStyle> = {
  pass: { fill: 'FFC6EFCE', color: 'FF006100' },
  warning: { fill: 'FFFFEB9C', color: 'FF9C5700' },
  fail: { fill: 'FFFFC7CE', color: 'FF9C0006' },
};
export const HEADER_STYLE: CellStyle = { bold: true, fill: 'FFDDEBF7', border: true, wrap: true };
export const DATE_FORMAT = 'yyyy-mm-dd';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export class StyleTable {
  private readonly keys = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fonts: string[] = ['<font><sz val="11"/><name val="等线"/><family val="2"/></font>'];
  private readonly fills: string[] = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly numFmts: string[] = [];

  /** The index of a style (0 is the default); the same style always gets the same index. */
  register(style: CellStyle): number {
    const key = JSON.stringify(style);
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const fontId = this.fontOf(style);
    const fillId = style.fill
      ? this.push(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/></patternFill></fill>`,
        )
      : 0;
    const numFmtId = style.numFmt ? this.numFmtOf(style.numFmt) : 0;
    const attrs = [
      `numFmtId="${numFmtId}"`,
      `fontId="${fontId}"`,
      `fillId="${fillId}"`,
      `borderId="${style.border ? 1 : 0}"`,
      'xfId="0"',
      numFmtId ? 'applyNumberFormat="1"' : '',
      fontId ? 'applyFont="1"' : '',
      fillId ? 'applyFill="1"' : '',
      style.border ? 'applyBorder="1"' : '',
      style.wrap ? 'applyAlignment="1"' : '',
    ].filter(Boolean);
    const alignment = style.wrap ? '<alignment wrapText="1" vertical="center"/>' : '';
    const index = this.xfs.push(`<xf ${attrs.join(' ')}>${alignment}</xf>`) - 1;
    this.keys.set(key, index);
    return index;
  }

  private fontOf(style: CellStyle): number {
    if (!style.bold && !style.color) return 0;
    return this.push(
      this.fonts,
      `<font>${style.bold ? '<b/>' : ''}<sz val="11"/>${style.color ? `<color rgb="${style.color}"/>` : ''}<name val="等线"/><family val="2"/></font>`,
    );
  }

  private numFmtOf(code: string): number {
    const existing = this.numFmts.indexOf(code);
    return 164 + (existing >= 0 ? existing : this.numFmts.push(code) - 1);
  }

  private push(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    return i >= 0 ? i : list.push(xml) - 1;
  }

  xml(): string {
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts
          .map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`)
          .join('')}</numFmts>`
      : '';
    const thin =
      '<left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right>' +
      '<top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/>';
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}
