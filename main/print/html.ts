/** Small helpers for the print views: escaping, tables, the page frame and its CSS. */
/** Noto Sans CJK where the CLI prints (Debian's fonts-noto-cjk); the Windows and macOS faces in the app. */
export const CJK_FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface HtmlColumn {
  header: string;
  /** Share of the table width, in percent; the widths of a table add up to 100. */
  width: number;
  align?: 'right' | 'center';
}

/** A table whose columns have fixed shares of the page, so nothing runs off the edge. */
export function htmlTable(
  columns: readonly HtmlColumn[],
  rows: readonly (readonly unknown[])[],
  rowClass?: (i: number) => string,
): string {
  const cols = columns.map((c) => `<col style="width:${c.width}%">`).join('');
  const head = columns.map((c) => `<th>${esc(c.header)}</th>`).join('');
  const body = rows
    .map(
      (r, i) =>
        `<tr class="${rowClass?.(i) ?? ''}">${r.map((v, j) => `<td${columns[j]?.align ? ` class="${columns[j]!.align}"` : ''}>${v instanceof Raw ? v.html : esc(v)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Markup to put into a cell as is (already escaped by whoever made it). */
export class Raw {
  constructor(readonly html: string) {}
}

const CSS = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm; }
* { box-sizing: border-box; }
body { font-family: ${CJK_FONT}; font-size: 9pt; color: #222; margin: 0; }
h1 { font-size: 16pt; color: #1F4E79; margin: 0 0 4mm; }
h2 { font-size: 12pt; color: #1F4E79; margin: 6mm 0 2mm; border-bottom: 1.5px solid #1F4E79; padding-bottom: 1mm; break-after: avoid; }
h2.stage { break-before: page; }
.meta { display: flex; flex-wrap: wrap; gap: 2mm 8mm; margin-bottom: 3mm; }
.meta b { color: #555; font-weight: normal; margin-right: 2mm; }
.box { border-left: 3px solid #1F4E79; background: #F3F6FA; padding: 2mm 3mm; margin: 2mm 0; }
.figures { display: flex; gap: 4mm; margin: 3mm 0; }
.figure { flex: 1; border: 1px solid #D0D7E2; padding: 2mm; text-align: center; }
.figure .n { font-size: 16pt; font-weight: bold; color: #1F4E79; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 3mm; }
th, td { border: 0.5pt solid #BFBFBF; padding: 1mm 1.2mm; vertical-align: top; word-wrap: break-word; overflow-wrap: anywhere; }
th { background: #1F4E79; color: #fff; font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.right { text-align: right; font-variant-numeric: tabular-nums; }
td.center { text-align: center; }
tr.fail td.verdict, td .fail { background: #F8CBAD; }
tr.warning td.verdict, td .warning { background: #FFE699; }
.closed { background: #C6EFCE; }
.not_closed { background: #F8CBAD; }
.improved { background: #FFE699; }
.note { color: #666; font-size: 8pt; }
svg { display: block; margin: 0 auto; }
`;

export function page(title: string, lang: string, body: string): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body>${body}</body></html>`;
}
