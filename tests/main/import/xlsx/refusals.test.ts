import fs from 'node:fs';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openWorkbook, type OpenOptions } from '../../../../main/import/xlsx';
import { AppError } from '../../../../shared/errors';
import type { MessageKey } from '../../../../shared/messages';
import { bookParts, writeBook, writeBytes, writeZip } from './build';

const ONE_SHEET = { sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] };

/** Opens and streams everything; returns the error it ends with (null: read fine). */
async function outcome(file: string, options?: OpenOptions): Promise<AppError | null> {
  try {
    const wb = await openWorkbook(file, options);
    try {
      for (const sheet of wb.sheets) for await (const _ of wb.rows(sheet)) void _;
    } finally {
      await wb.close();
    }
    return null;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

async function expectRefused(file: string, key: MessageKey, options?: OpenOptions): Promise<void> {
  const error = await outcome(file, options);
  expect(error?.key).toBe(key);
  expect(error?.kind).toBe('unsupported');
  // One line, naming the file, in both languages.
  expect(error!.message).not.toContain('\n');
  expect(error!.message).toContain(path.basename(file));
  expect(error!.localized('zh')).toContain(path.basename(file));
}

/** The central-directory record of `name` in a zip file's bytes. */
function centralRecord(bytes: Buffer, name: string): number {
  const at = bytes.lastIndexOf(Buffer.from(name));
  const record = at - 46;
  expect(bytes.readUInt32LE(record)).toBe(0x02014b50);
  return record;
}

describe('refusals', () => {
  it('a file that is not a zip at all', async () => {
    await expectRefused(writeBytes('区域,网点\nEAST,EAST-001\n', 'data.xlsx'), 'xlsxNotZip');
  });

  it('a missing file', async () => {
    const error = await outcome('/nonexistent/quality.xlsx');
    expect(error?.key).toBe('xlsxCannotOpen');
  });

  it('a folder named like a workbook (it opens for reading; the first read would fail)', async () => {
    const folder = path.join(path.dirname(writeBytes('x', 'beside.txt')), '东区报表.xlsx');
    fs.mkdirSync(folder);
    await expectRefused(folder, 'xlsxIsFolder');
  });

  it('OLE compound files: encrypted workbooks apart from old .xls', async () => {
    const cfb = (stream: string): Buffer => {
      const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      return Buffer.concat([head, Buffer.alloc(1000), Buffer.from(stream, 'utf16le'), Buffer.alloc(600)]);
    };
    await expectRefused(writeBytes(cfb('EncryptedPackage'), 'secret.xlsx'), 'xlsxEncrypted');
    await expectRefused(writeBytes(cfb('Workbook'), 'old.xlsx'), 'xlsxLegacyXls');
  });

  it('a truncated download', async () => {
    const whole = fs.readFileSync(writeBook(ONE_SHEET));
    await expectRefused(
      writeBytes(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.xlsx'),
      'xlsxTruncated',
    );
  });

  // A sheet is streamed; the workbook part, read before any sheet, is inflated whole (zip.ts).
  const STREAMED_AND_WHOLE = ['xl/worksheets/sheet1.xml', 'xl/workbook.xml'];

  it.each(STREAMED_AND_WHOLE)('a damaged part (checksum mismatch): %s', async (part) => {
    const bytes = fs.readFileSync(writeBook(ONE_SHEET));
    const record = centralRecord(bytes, part);
    bytes.writeUInt32LE(bytes.readUInt32LE(record + 16) ^ 0xffff, record + 16);
    await expectRefused(writeBytes(bytes, 'damaged.xlsx'), 'xlsxCorrupt');
  });

  it.each(STREAMED_AND_WHOLE)('a part whose deflated data is cut short: %s', async (part) => {
    const bytes = fs.readFileSync(writeBook(ONE_SHEET));
    const record = centralRecord(bytes, part);
    // Declared 3 bytes shorter than written: the inflater runs out before the stream's end.
    bytes.writeUInt32LE(bytes.readUInt32LE(record + 20) - 3, record + 20);
    await expectRefused(writeBytes(bytes, 'cut-part.xlsx'), 'xlsxCorrupt');
  });

  it('a zip bomb: inflating past the bound stops there', async () => {
    const padding = ' '.repeat(32 * 1024 * 1024);
    const bomb = `<worksheet><sheetData>${padding}</sheetData></worksheet>`;
    const file = writeBook({ sheets: [{ name: 'S', raw: bomb }] });
    expect(fs.statSync(file).size).toBeLessThan(200_000);
    await expectRefused(file, 'xlsxTooLarge', { maxInflatedBytes: 8 * 1024 * 1024 });
  });

  it.each(STREAMED_AND_WHOLE)('a part inflating past its declared size: %s', async (part) => {
    const bytes = fs.readFileSync(writeBook(ONE_SHEET));
    const record = centralRecord(bytes, part);
    bytes.writeUInt32LE(10, record + 24);
    await expectRefused(writeBytes(bytes, 'lying.xlsx'), 'xlsxBomb');
  });

  it('XML entity declarations (billion laughs), in the workbook or in a sheet', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>';
    const parts = bookParts(ONE_SHEET);
    const workbook = Buffer.from(parts['xl/workbook.xml']!)
      .toString()
      .replace('<?xml version="1.0" encoding="UTF-8"?>', laughs);
    await expectRefused(writeBook({ ...ONE_SHEET, parts: { 'xl/workbook.xml': workbook } }), 'xlsxEntities');
    const sheet = `${laughs}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    await expectRefused(writeBook({ sheets: [{ name: 'S', raw: sheet }] }), 'xlsxEntities');
  });

  it('a zip that holds no workbook, and an OpenDocument file named .xlsx', async () => {
    await expectRefused(writeZip({ 'readme.txt': strToU8('hello') }), 'xlsxNoWorkbook');
    const word = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';
    await expectRefused(
      writeBook({ ...ONE_SHEET, parts: { 'xl/workbook.xml': word } }, 'memo.xlsx'),
      'xlsxNoWorkbook',
    );
    const ods = {
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<x/>'),
    };
    await expectRefused(writeZip(ods, 'report.xlsx'), 'xlsxOds');
  });

  it('a workbook with no readable sheet is refused, never an empty success', async () => {
    await expectRefused(writeBook({ sheets: [] }), 'xlsxNoSheets');
    await expectRefused(
      writeBook({ ...ONE_SHEET, parts: { 'xl/worksheets/sheet1.xml': null } }),
      'xlsxNoSheets',
    );
  });

  it('a cell reference far past column XFD', async () => {
    const far = '<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>';
    await expectRefused(writeBook({ sheets: [{ name: 'S', data: far }] }), 'xlsxMalformed');
  });

  it('malformed sheet XML', async () => {
    const cut = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s';
    await expectRefused(writeBook({ sheets: [{ name: 'S', raw: cut }] }), 'xlsxMalformed');
  });
});

describe('streaming control', () => {
  const manyRows = Array.from(
    { length: 20_000 },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
  ).join('');

  it('an aborted signal stops the stream with cancelled', async () => {
    const wb = await openWorkbook(writeBook({ sheets: [{ name: 'S', data: manyRows }] }));
    const controller = new AbortController();
    let seen = 0;
    const run = async (): Promise<void> => {
      for await (const _ of wb.rows(wb.sheets[0]!, { signal: controller.signal })) {
        void _;
        if (++seen === 10) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ kind: 'cancelled' });
    expect(seen).toBeLessThan(20_000);
    await wb.close();
  });

  it('stopping early releases the part, and the sheet can be read again from the start', async () => {
    const wb = await openWorkbook(writeBook({ sheets: [{ name: 'S', data: manyRows }] }));
    for await (const row of wb.rows(wb.sheets[0]!)) {
      expect(row.row).toBe(1);
      break;
    }
    let count = 0;
    for await (const _ of wb.rows(wb.sheets[0]!)) {
      void _;
      count++;
    }
    expect(count).toBe(20_000);
    await wb.close();
  });

  it('batches() hands out the same rows in parsed groups', async () => {
    const wb = await openWorkbook(writeBook({ sheets: [{ name: 'S', data: manyRows }] }));
    const stream = wb.rows(wb.sheets[0]!);
    const numbers: number[] = [];
    let groups = 0;
    for await (const batch of stream.batches()) {
      groups++;
      for (const r of batch) numbers.push(r.row);
    }
    expect(numbers).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    expect(groups).toBeGreaterThan(1);
    expect(stream.end().rows).toBe(20_000);
    await wb.close();
  });

  it('reports compressed bytes read up to the part size, and end() only after the rows', async () => {
    const wb = await openWorkbook(writeBook({ sheets: [{ name: 'S', data: manyRows }] }));
    const progress: [number, number][] = [];
    const rows = wb.rows(wb.sheets[0]!, { onBytes: (done, total) => progress.push([done, total]) });
    expect(() => rows.end()).toThrow();
    let count = 0;
    for await (const _ of rows) {
      void _;
      count++;
    }
    expect(count).toBe(20_000);
    expect(rows.end().rows).toBe(20_000);
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
    await wb.close();
  });
});
