import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SheetParser } from '../../../../main/import/xlsx/sheet';
import { AppError } from '../../../../shared/errors';
import { CORPUS } from '../../../helpers/workbench';
import { readBook, writeBook } from './build';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * SheetParser.cell and SheetParser.row, the one-pass readings of common cells and row tags,
 * must give exactly what the general path gives: every sheet of every corpus file (Excel, WPS,
 * LibreOffice, openpyxl, POI, ...) is read both ways and compared, plus hand-made shapes the
 * fast paths must leave alone.
 */
const FAST = ['cell', 'row'] as const;
type Fast = (typeof FAST)[number];
const fastPaths = Object.fromEntries(
  FAST.map((name) => [name, Object.getOwnPropertyDescriptor(SheetParser.prototype, name)!]),
) as Record<Fast, PropertyDescriptor>;
const restore = () => {
  for (const name of FAST) Object.defineProperty(SheetParser.prototype, name, fastPaths[name]);
};

function generalPathOnly(): void {
  for (const name of FAST)
    Object.defineProperty(SheetParser.prototype, name, { value: undefined, configurable: true });
}
afterEach(restore);

/** The book, and how many times each fast path read its element (none when the general path only). */
async function readAll(file: string): Promise<{ book: unknown; used: Record<Fast, number> } | 'refused'> {
  const used = { cell: 0, row: 0 };
  if (SheetParser.prototype.cell !== undefined) {
    for (const name of FAST) {
      const fast = fastPaths[name].value as (this: SheetParser, s: string, lt: number) => number;
      Object.defineProperty(SheetParser.prototype, name, {
        configurable: true,
        value(this: SheetParser, s: string, lt: number) {
          const end = fast.call(this, s, lt);
          if (end >= 0) used[name]++;
          return end;
        },
      });
    }
  }
  try {
    return { book: await readBook(file), used };
  } catch (e) {
    if (e instanceof AppError) return 'refused';
    throw e;
  }
}

async function bothWays(file: string) {
  const fast = await readAll(file);
  generalPathOnly();
  const general = await readAll(file);
  restore();
  return { fast, general };
}

describe('the fast path for cells', () => {
  it('reads every corpus file exactly as the general path does, and is taken for most cells and rows', async () => {
    const used = { cell: 0, row: 0 };
    for (const name of fs.readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f))) {
      const { fast, general } = await bothWays(path.join(CORPUS, name));
      if (fast === 'refused' || general === 'refused') {
        expect(fast, name).toBe(general);
        continue;
      }
      expect(fast.book, name).toEqual(general.book);
      used.cell += fast.used.cell;
      used.row += fast.used.row;
    }
    expect(used.cell).toBeGreaterThan(10_000);
    expect(used.row).toBeGreaterThan(1_000);
  }, 300_000);

  it('reads numbers and shared-string indexes where they lie exactly as Number() reads their text', async () => {
    // Decimals as writers put them, then the shapes a plain-decimal reading must not get wrong.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const numbers: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const digits = Array.from({ length: 1 + Math.floor(random() * 17) }, () =>
        Math.floor(random() * 10),
      ).join('');
      const point = Math.floor(random() * (digits.length + 1));
      const text = point === digits.length ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
      numbers.push(random() < 0.2 ? `-${text}` : text);
    }
    numbers.push(
      '0.1',
      '0.57',
      '103.61',
      '-0',
      '-0.0',
      '007',
      '.5',
      '1.',
      '123456789012345',
      '1234567890123456',
    );
    numbers.push(
      '0.000000000000001',
      '9007199254740993',
      '1E3',
      '1e-7',
      '+5',
      ' 12',
      '1.2.3',
      '-',
      '.',
      '0x10',
    );
    const shared = ['零', '一', '', '三'];
    const indexes = ['0', '1', '2', '3', '03', '4', '99', '1234567890'];
    const cell = (ref: string, v: string, t = '') => `<c r="${ref}"${t}><v>${v}</v></c>`;
    const rows = [
      ...numbers.map((v, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, v)}</row>`),
      ...indexes.map(
        (v, i) =>
          `<row r="${numbers.length + i + 1}">${cell(`B${numbers.length + i + 1}`, v, ' t="s"')}</row>`,
      ),
    ];
    const file = writeBook({
      sheets: [
        {
          name: 'numbers',
          raw: `<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
        },
      ],
      sharedStrings: shared,
    });
    const { fast, general } = await bothWays(file);
    if (fast === 'refused' || general === 'refused') throw new Error('refused');
    expect(fast.book).toEqual(general.book);
    const cells = (fast.book as Awaited<ReturnType<typeof readBook>>).sheets[0]!.rows.map((r) =>
      r.cells.find((c) => c !== null),
    );
    numbers.forEach((text, i) => {
      const n = Number(text);
      // Number() is the contract: a cell whose text is not a number stays text.
      expect(Object.is(cells[i], Number.isNaN(n) ? text : n), text).toBe(true);
    });
    // An empty or missing shared string leaves its row empty, and an empty row is not read.
    expect(cells.slice(numbers.length)).toEqual(['零', '一', '三', '三']);
  });

  it('reads numbers styled as dates where they lie exactly as the general path does', async () => {
    // Days, times of day, the 1900 leap-year bug's neighbourhood, serials Excel cannot show (kept
    // as numbers), the same serial down a column and in the next one, and text that only looks
    // like a serial.
    const serials = [
      '46000',
      '46000',
      '46000.5',
      '46001',
      '59',
      '60',
      '61',
      '0',
      '-1',
      '2958466',
      '46000',
      '1E3',
    ];
    for (const date1904 of [false, true]) {
      const rows = serials.map(
        (v, i) =>
          `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>${v}</v></c><c r="B${i + 1}" s="1"><v>${serials[i === 0 ? 0 : i - 1]}</v></c>` +
          `<c r="C${i + 1}"><v>${v}</v></c></row>`,
      );
      const file = writeBook({
        sheets: [
          {
            name: 'dates',
            raw: `<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
          },
        ],
        date1904,
        numFmts: '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>',
        cellXfs: '<xf numFmtId="0"/><xf numFmtId="164"/>',
      });
      const { fast, general } = await bothWays(file);
      if (fast === 'refused' || general === 'refused') throw new Error('refused');
      expect(fast.book, `date1904 ${date1904}`).toEqual(general.book);
      expect(fast.used.cell).toBe(serials.length * 3);
      const first = (fast.book as Awaited<ReturnType<typeof readBook>>).sheets[0]!.rows[0]!.cells;
      expect(first[0]).toEqual(
        new Date(Date.UTC(date1904 ? 2029 : 2025, date1904 ? 11 : 11, date1904 ? 10 : 9)),
      );
      expect(first[2]).toBe(46000);
    }
  });

  it('reads row tags exactly as the general path does, and leaves their odd shapes to it', async () => {
    const rows: [tag: string, fast: boolean][] = [
      ['<row r="2" spans="1:3" x14ac:dyDescent="0.25">', true],
      ['<row>', true], // no r: the row after the last
      ['<row r="0">', true], // not a row number: the same
      ['<row r="007" ht="20" customHeight="1">', true],
      ['<row\n  r="9"\tspans="1:1"  >', true],
      ['<row r="11" r="99">', true], // the first r counts, as the general path reads it
      ['<row r="12"/>', true], // self-closing: an empty row, not read
      ['<row r=" 13">', false],
      ['<row r="1&#52;">', false],
      ["<row r='15'>", false],
      ['<row x:r="16">', false],
      ['<row xmlns:r="urn:r" r="17">', false],
      ['<row r="1e2">', false],
      ['<row r="123456789012">', false],
      ['<row r = "19">', false],
    ];
    const body = rows
      .map(([tag], i) => (tag.endsWith('/>') ? tag : `${tag}<c t="s"><v>${i % 2}</v></c></row>`))
      .join('');
    const file = writeBook({
      sheets: [
        {
          name: 'rows',
          raw: `<worksheet xmlns="${NS}" xmlns:x="${NS}" xmlns:x14ac="urn:x14ac"><sheetData>${body}</sheetData></worksheet>`,
        },
      ],
      sharedStrings: ['甲', '乙'],
    });
    const { fast, general } = await bothWays(file);
    if (fast === 'refused' || general === 'refused') throw new Error('refused');
    expect(fast.book).toEqual(general.book);
    expect(fast.used.row).toBe(rows.filter(([, taken]) => taken).length);
    const numbers = (fast.book as Awaited<ReturnType<typeof readBook>>).sheets[0]!.rows.map((r) => r.row);
    expect(numbers).toEqual([2, 3, 4, 7, 9, 11, 13, 14, 15, 16, 17, 100, 123456789012, 19]);
  });

  it('leaves formulas, inline strings, entities, prefixes and odd quoting to the general path', async () => {
    const cells = [
      '<c r="A1" t="s"><v>0</v></c>',
      '<c r="B1"><f>1+1</f><v>2</v></c>',
      '<c r="C1" t="inlineStr"><is><t>行内</t></is></c>',
      '<c r="D1" t="str"><v>a&amp;b</v></c>',
      "<c r='E1' t='str'><v>single</v></c>",
      '<c r="F1" s="1"><v>45000</v></c>',
      '<c r="&#71;1"><v>7</v></c>',
      '<c r="H1" t="b"/>',
      '<c r="I1" t="e"><v>#N/A</v></c>',
      '<c r="J1" t="str">\n  <v>spaced</v>\n</c>',
      '<c r="K1" x:t="s"><v>0</v></c>',
      '<c t="n"><v>12</v></c>',
      '<c r="M1" t="str"><v/></c>',
    ];
    const file = writeBook({
      sheets: [
        {
          name: 'shapes',
          raw: `<worksheet xmlns="${NS}" xmlns:x="${NS}"><sheetData><row r="1">${cells.join('')}</row></sheetData></worksheet>`,
        },
      ],
      sharedStrings: ['共享'],
      numFmts: '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>',
      cellXfs: '<xf numFmtId="0"/><xf numFmtId="164"/>',
    });
    const { fast, general } = await bothWays(file);
    expect(fast).not.toBe('refused');
    if (fast === 'refused' || general === 'refused') return;
    expect(fast.book).toEqual(general.book);
    // A1, F1, H1, I1, J1 and the cell without r=; the other seven went the general way.
    expect(fast.used.cell).toBe(6);
    expect((fast.book as Awaited<ReturnType<typeof readBook>>).sheets[0]!.rows[0]!.cells.slice(0, 4)).toEqual(
      ['共享', 2, '行内', 'a&b'],
    );
  });
});
