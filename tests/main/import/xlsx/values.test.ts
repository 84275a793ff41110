import { describe, expect, it } from 'vitest';
import { isDateFormat, serialToDate } from '../../../../main/import/xlsx/dates';
import { readBook, rowOf, writeBook } from './build';

const utc = (iso: string): Date => new Date(`${iso}Z`);

describe('cell values', () => {
  it('reads shared, rich, phonetic, inline, boolean, error, formula results and escapes', async () => {
    const file = writeBook({
      sheets: [
        {
          name: '数据',
          data:
            '<row r="1">' +
            '<c r="A1" t="s"><v>0</v></c>' +
            '<c r="B1" t="s"><v>1</v></c>' +
            '<c r="C1" t="s"><v>2</v></c>' +
            '<c r="D1" t="inlineStr"><is><r><t>华东</t></r><r><rPr><b/></rPr><t>区</t></r></is></c>' +
            '<c r="E1" t="b"><v>1</v></c>' +
            '<c r="F1" t="e"><v>#DIV/0!</v></c>' +
            '<c r="G1" t="str"><f>A1&amp;"x"</f><v>上海x</v></c>' +
            '<c r="H1"><f>SUM(A2:A3)</f><v>7.5</v></c>' +
            '<c r="I1"><f>SUM(B2:B3)</f></c>' +
            '<c r="J1"><f>AVERAGE(C2:C3)</f><v></v></c>' +
            '<c r="K1" t="e"><f>1/0</f><v>#N/A</v></c>' +
            '</row>' +
            '<row r="3"><c r="C3" t="s"><v>3</v></c><c r="D3"><v>-1.5E-3</v></c></row>',
        },
      ],
      sharedStrings:
        '<si><t>上海</t></si>' +
        '<si><r><t>营业</t></r><r><rPr><i/></rPr><t xml:space="preserve">厅 </t></r></si>' +
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>' +
        '<si><t>a_x000D__x000A_b &amp; &lt;c&gt; &#x4E2D;_x005F_x</t></si>',
    });
    const [sheet] = (await readBook(file)).sheets;
    expect(rowOf(sheet!, 1)).toEqual([
      '上海',
      '营业厅 ',
      '漢字',
      '华东区',
      true,
      { kind: 'error', code: '#DIV/0!' },
      '上海x',
      7.5,
      { kind: 'formula', formula: 'SUM(B2:B3)' },
      { kind: 'formula', formula: 'AVERAGE(C2:C3)' },
      { kind: 'error', code: '#N/A' },
    ]);
    // Row 2 does not exist, so it does not appear; row 3 starts with two empty columns.
    expect(sheet!.rows.map((r) => r.row)).toEqual([1, 3]);
    expect(rowOf(sheet!, 3)).toEqual([null, null, 'a\r\nb & <c> 中_x', -0.0015]);
  });

  it('places cells without r= one after another and rows without r= after the last', async () => {
    const file = writeBook({
      sheets: [
        {
          name: 'S',
          data: '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c><v>3</v></c></row>',
        },
      ],
    });
    const [sheet] = (await readBook(file)).sheets;
    expect(sheet!.rows).toEqual([
      { row: 1, cells: ['a', 2] },
      { row: 2, cells: [3] },
    ]);
  });

  it('gives shared formulas without cached values the master formula text', async () => {
    const file = writeBook({
      sheets: [
        {
          name: 'S',
          data:
            '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f></c></row>' +
            '<row r="2"><c r="A2"><f t="shared" si="0"/></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>',
        },
      ],
    });
    const [sheet] = (await readBook(file)).sheets;
    expect(rowOf(sheet!, 1)).toEqual([{ kind: 'formula', formula: 'B1*2' }]);
    expect(rowOf(sheet!, 2)).toEqual([{ kind: 'formula', formula: 'B1*2' }, 4]);
  });

  it('reads dates by number format in the 1900 and 1904 systems, percentages as the text they show', async () => {
    const data =
      '<row r="1">' +
      '<c r="A1" s="1"><v>46296</v></c>' + // built-in 14
      '<c r="B1" s="2"><v>46296.75</v></c>' + // custom yyyy-mm-dd hh:mm
      '<c r="C1" s="3"><v>46296</v></c>' + // built-in 31: 2026年10月1日 in zh-CN
      '<c r="D1" s="4"><v>0.953</v></c>' + // 0.0%
      '<c r="E1" s="5"><v>46296</v></c>' + // "Day" 0: quoted letters are not a date
      '<c r="F1" s="6"><v>1.5</v></c>' + // [h]:mm elapsed time stays a number
      '<c r="G1" t="d"><v>2026-10-01T08:30:00</v></c>' +
      '<c r="H1" s="1"><v>-5</v></c>' + // out of range: the number stays
      '<c r="I1" s="7"><v>98.5</v></c>' + // 0.0"%": a quoted % is only a character
      '<c r="J1" s="8"><v>0.125</v></c>' + // custom 0.0%
      '</row>';
    const styles = {
      numFmts:
        '<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm"/><numFmt numFmtId="165" formatCode="&quot;Day&quot; 0"/>' +
        '<numFmt numFmtId="166" formatCode="[h]:mm"/><numFmt numFmtId="167" formatCode="0.0&quot;%&quot;"/>' +
        '<numFmt numFmtId="168" formatCode="0.0%"/>',
      cellXfs:
        '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="31"/><xf numFmtId="10"/>' +
        '<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="168"/>',
    };
    const book1900 = await readBook(writeBook({ sheets: [{ name: 'S', data }], ...styles }));
    expect(book1900.date1904).toBe(false);
    expect(rowOf(book1900.sheets[0]!, 1)).toEqual([
      utc('2026-10-01T00:00:00'),
      utc('2026-10-01T18:00:00'),
      utc('2026-10-01T00:00:00'),
      '95.3%',
      46296,
      1.5,
      utc('2026-10-01T08:30:00'),
      -5,
      98.5,
      '12.5%',
    ]);
    const book1904 = await readBook(writeBook({ sheets: [{ name: 'S', data }], date1904: true, ...styles }));
    expect(book1904.date1904).toBe(true);
    expect(rowOf(book1904.sheets[0]!, 1)![0]).toEqual(utc('2030-10-02T00:00:00'));
  });

  it('lists hidden and very hidden sheets in workbook order', async () => {
    const file = writeBook({
      sheets: [
        { name: '可见', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '隐藏', state: 'hidden', data: '<row r="1"><c r="A1"><v>2</v></c></row>' },
        { name: '深度隐藏', state: 'veryHidden', data: '<row r="1"><c r="A1"><v>3</v></c></row>' },
      ],
    });
    const book = await readBook(file);
    expect(book.sheets.map((s) => [s.info.index, s.info.name, s.info.hidden, s.info.kind])).toEqual([
      [0, '可见', false, 'worksheet'],
      [1, '隐藏', true, 'worksheet'],
      [2, '深度隐藏', true, 'worksheet'],
    ]);
    expect(book.sheets.map((s) => s.rows[0]!.cells[0])).toEqual([1, 2, 3]);
  });

  it('reports merged ranges after the rows', async () => {
    const file = writeBook({
      sheets: [
        {
          name: 'S',
          data: '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>',
          after: '<mergeCells count="2"><mergeCell ref="A1:Q1"/><mergeCell ref="C3"/></mergeCells>',
        },
      ],
    });
    const [sheet] = (await readBook(file)).sheets;
    expect(sheet!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 17 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });

  it('reads UTF-16LE parts (Excel Mobile) and prefixed element names', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const sheetXml = `<?xml version="1.0" encoding="UTF-16"?><x:worksheet xmlns:x="${ns}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>网点</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheetXml, 'utf16le')]);
    const [sheet] = (await readBook(writeBook({ sheets: [{ name: 'S', raw: utf16 }] }))).sheets;
    expect(sheet!.rows).toEqual([{ row: 1, cells: ['网点'] }]);
  });

  it('reads parts in the encoding their XML declaration names (GBK)', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const [head, tail] = [
      `<?xml version="1.0" encoding="GBK"?><worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
      '</t></is></c></row></sheetData></worksheet>',
    ];
    // 网点 in GBK: Node can decode GBK but has no encoder for it.
    const gbk = Buffer.concat([Buffer.from(head), Buffer.from([0xcd, 0xf8, 0xb5, 0xe3]), Buffer.from(tail)]);
    const [sheet] = (await readBook(writeBook({ sheets: [{ name: 'S', raw: gbk }] }))).sheets;
    expect(sheet!.rows).toEqual([{ row: 1, cells: ['网点'] }]);
  });
});

describe('date formats and serials', () => {
  it('knows date formats by id and by pattern', () => {
    for (const id of [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 58])
      expect(isDateFormat(id, undefined)).toBe(true);
    for (const id of [0, 1, 2, 9, 10, 11, 12, 37, 49]) expect(isDateFormat(id, undefined)).toBe(false);
    expect(isDateFormat(176, 'yyyy"年"m"月"')).toBe(true);
    expect(isDateFormat(176, '[$-804]aaaa;@')).toBe(false);
    expect(isDateFormat(176, '[Red]0.00;[Blue]-0.00')).toBe(false);
    expect(isDateFormat(176, 'm/d/yy h:mm AM/PM')).toBe(true);
    expect(isDateFormat(176, '0.0"天"')).toBe(false);
    expect(isDateFormat(176, 'General')).toBe(false);
    expect(isDateFormat(176, '[mm]:ss')).toBe(false);
  });

  it('follows Excel around its fictitious 1900-02-29', () => {
    expect(serialToDate(1, false)).toEqual(utc('1900-01-01T00:00:00'));
    expect(serialToDate(59, false)).toEqual(utc('1900-02-28T00:00:00'));
    expect(serialToDate(61, false)).toEqual(utc('1900-03-01T00:00:00'));
    expect(serialToDate(0, true)).toEqual(utc('1904-01-01T00:00:00'));
    expect(serialToDate(45000.5, false)).toEqual(utc('2023-03-15T12:00:00'));
    expect(serialToDate(3_000_000, false)).toBeNull();
  });
});
