import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SheetParser } from '../../../../main/import/xlsx/sheet';
import { AppError } from '../../../../shared/errors';
import { CORPUS } from '../../../helpers/workbench';
import { readBook, writeBook } from './build';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * SheetParser.cell, the one-pass reading of common cells, must give exactly what the general
 * path gives: every sheet of every corpus file (Excel, WPS, LibreOffice, openpyxl, POI, ...)
 * is read both ways and compared, plus hand-made shapes the fast path must leave alone.
 */
const fastCell = Object.getOwnPropertyDescriptor(SheetParser.prototype, 'cell')!;

function generalPathOnly(): void {
  Object.defineProperty(SheetParser.prototype, 'cell', { value: undefined, configurable: true });
}
afterEach(() => Object.defineProperty(SheetParser.prototype, 'cell', fastCell));

async function readAll(file: string): Promise<{ book: unknown; used: number } | 'refused'> {
  let used = 0;
  if (SheetParser.prototype.cell !== undefined) {
    const cell = fastCell.value as (this: SheetParser, s: string, lt: number) => number;
    Object.defineProperty(SheetParser.prototype, 'cell', {
      configurable: true,
      value(this: SheetParser, s: string, lt: number) {
        const end = cell.call(this, s, lt);
        if (end >= 0) used++;
        return end;
      },
    });
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
  Object.defineProperty(SheetParser.prototype, 'cell', fastCell);
  return { fast, general };
}

describe('the fast path for cells', () => {
  it('reads every corpus file exactly as the general path does, and is taken for most cells', async () => {
    let used = 0;
    for (const name of fs.readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f))) {
      const { fast, general } = await bothWays(path.join(CORPUS, name));
      if (fast === 'refused' || general === 'refused') {
        expect(fast, name).toBe(general);
        continue;
      }
      expect(fast.book, name).toEqual(general.book);
      used += fast.used;
    }
    expect(used).toBeGreaterThan(10_000);
  }, 300_000);

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
    expect(fast.used).toBe(6);
    expect((fast.book as Awaited<ReturnType<typeof readBook>>).sheets[0]!.rows[0]!.cells.slice(0, 4)).toEqual(
      ['共享', 2, '行内', 'a&b'],
    );
  });
});
