import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../../main/import/xlsx';
import { PartDecoder } from '../../../../main/import/xlsx/decode';
import { SheetParser } from '../../../../main/import/xlsx/sheet';
import { XmlScanner } from '../../../../main/import/xlsx/xml';
import { inflateEntry, readCentralDirectory } from '../../../../main/import/xlsx/zip';
import { tempDir } from '../../../helpers/workbench';

/**
 * exceljs 4.4.0's streaming reader decodes each inflated chunk on its own, so a Chinese
 * character whose three bytes straddle two chunks becomes U+FFFD (exceljs #2063, #2084).
 * These tests show the reader's one streaming decoder per part gets every character right.
 */

const context = { sharedStrings: [], dateStyles: [], date1904: false };

describe('UTF-8 across chunk boundaries', () => {
  it('decodes a character split at every possible byte', () => {
    const text = '质量工作台🍣營業廳';
    const xml = Buffer.from(
      `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`,
    );
    const start = xml.indexOf(Buffer.from(text));
    for (let cut = start; cut <= start + Buffer.byteLength(text); cut++) {
      for (const second of [cut + 1, cut + 2, cut + 5]) {
        const parser = new SheetParser(context);
        const scanner = new XmlScanner(parser, 'f.xlsx', 'sheet1.xml');
        const decoder = new PartDecoder();
        for (const piece of [xml.subarray(0, cut), xml.subarray(cut, second), xml.subarray(second)])
          scanner.write(decoder.decode(piece));
        scanner.write(decoder.flush());
        scanner.end();
        expect(parser.ready).toEqual([{ row: 1, cells: [text] }]);
      }
    }
  });

  it('a UTF-8 byte-order mark is not text, wherever the first chunk ends', () => {
    const xml = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>\ufeff网点</a>')]);
    for (let cut = 0; cut <= 6; cut++) {
      const decoder = new PartDecoder();
      const text = decoder.decode(xml.subarray(0, cut)) + decoder.decode(xml.subarray(cut)) + decoder.flush();
      // The mark goes; the same character inside the text stays.
      expect(text).toBe('<a>\ufeff网点</a>');
    }
    // Not at the start it is text, also after a first chunk of plain ASCII.
    const inside = new PartDecoder();
    const after = Buffer.from('\ufeff网点</a>');
    expect(inside.decode(Buffer.from('<a>')) + inside.decode(after) + inside.flush()).toBe(
      '<a>\ufeff网点</a>',
    );
  });

  it('bytes that are not UTF-8 become U+FFFD, and the text after them is read', () => {
    const decoder = new PartDecoder();
    const xml = Buffer.concat([Buffer.from('<a>'), Buffer.from([0xff, 0xe7, 0xbd]), Buffer.from('</a>')]);
    expect(decoder.decode(xml) + decoder.flush()).toMatch(/^<a>\ufffd+<\/a>$/);
    const cut = new PartDecoder();
    expect(cut.decode(Buffer.from([0x3c, 0xe7, 0xbd])) + cut.flush()).toBe('<\ufffd');
    // A character cut short where the next chunk goes on in ASCII: the U+FFFD stays in its place.
    const resumed = new PartDecoder();
    const pieces = [Buffer.from([0x3c, 0xe7, 0xbd]), Buffer.from('abc'), Buffer.from('def')];
    expect(pieces.map((p) => resumed.decode(p)).join('') + resumed.flush()).toBe('<\ufffdabcdef');
  });

  it('1,000,000 Chinese cells from a streaming writer arrive intact', { timeout: 180_000 }, async () => {
    const rows = 100_000;
    const columns = 10;
    const cell = (r: number, c: number): string => `第${r}行第${c}列華東區营业厅服务质量`;
    const file = path.join(tempDir('qw-utf8-'), '百万单元格.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = writer.addWorksheet('检查数据');
    for (let r = 1; r <= rows; r++) {
      const values: string[] = [];
      for (let c = 1; c <= columns; c++) values.push(cell(r, c));
      ws.addRow(values).commit();
    }
    ws.commit();
    await writer.commit();

    const wb = await openWorkbook(file);
    let checked = 0;
    let damaged = 0;
    let expectedRow = 1;
    for await (const row of wb.rows(wb.sheets[0]!)) {
      expect(row.row).toBe(expectedRow++);
      expect(row.cells).toHaveLength(columns);
      for (let c = 0; c < columns; c++) {
        if (row.cells[c] !== cell(row.row, c + 1)) damaged++;
        checked++;
      }
    }
    await wb.close();
    expect(damaged).toBe(0);
    expect(checked).toBe(rows * columns);

    // The test is only worth something if the inflated chunks really cut characters apart.
    const splits = await chunksEndingMidCharacter(file, wb.sheets[0]!.path);
    expect(splits).toBeGreaterThan(100);
  });
});

/** How many inflated chunks of a part end inside a multi-byte UTF-8 sequence. */
async function chunksEndingMidCharacter(file: string, part: string): Promise<number> {
  const fh = await fs.open(file);
  try {
    const { size } = await fh.stat();
    const entry = readCentralDirectory(fh, size, file).find((e) => e.name === part)!;
    let splits = 0;
    for await (const chunk of inflateEntry(fh, size, entry, 2 ** 31, file)) {
      if (endsMidCharacter(chunk)) splits++;
    }
    return splits;
  } finally {
    await fh.close();
  }
}

function endsMidCharacter(chunk: Buffer): boolean {
  // Walk back over continuation bytes to the lead byte and compare the sequence length.
  let i = chunk.length - 1;
  let continuation = 0;
  while (i >= 0 && (chunk[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return continuation > 0;
  const lead = chunk[i]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return continuation + 1 < length;
}
