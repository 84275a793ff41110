import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { measurementsWorkbook } from '../../../../bench/generate';
import { workerEntry } from '../../../../main/import/worker-url';
import { openWorkbook } from '../../../../main/import/xlsx';
import { decodeRows, encodeRows, SharedTable, SheetWorker } from '../../../../main/import/xlsx/parallel';
import { inThread, viaWorker } from '../../../helpers/sheet-worker';
import { readBook, writeBook } from './build';

const ROWS = 30_000;

describe('a sheet read on a worker thread', () => {
  it('carries every kind of cell value across unchanged', async () => {
    const book = await readBook(
      writeBook({
        sheets: [
          {
            name: 'kinds',
            data:
              '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"><v>95.3</v></c><c r="D2" t="b"><v>1</v></c>' +
              '<c r="E2" t="b"><v>0</v></c><c r="F2" s="1"><v>46000.5</v></c><c r="G2"><f>A1*2</f></c>' +
              '<c r="H2" t="e"><v>#DIV/0!</v></c><c r="I2" t="str"><v>公式文本</v></c></row>' +
              '<row r="9"><c r="B9" t="s"><v>0</v></c></row>',
          },
        ],
        sharedStrings: ['华东区'],
        numFmts: '<numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/>',
        cellXfs: '<xf numFmtId="0"/><xf numFmtId="164"/>',
      }),
    );
    const rows = book.sheets[0]!.rows;
    expect(rows[0]!.cells).toEqual([
      '华东区',
      null,
      95.3,
      true,
      false,
      new Date(Date.UTC(2025, 11, 9, 12)),
      { kind: 'formula', formula: 'A1*2' },
      { kind: 'error', code: '#DIV/0!' },
      '公式文本',
    ]);
    expect(decodeRows(encodeRows(rows))).toEqual(rows);
  });

  it('sends the texts of the shared strings table by their index in it, the others as they are', () => {
    const table = ['华东区', '上海浦东营业厅', '华东区', 'CS-FCR'];
    const rows = [
      { row: 2, cells: ['华东区', '上海浦东营业厅', 'CS-FCR', 95.3, '不在表中'] },
      { row: 3, cells: ['华东区', null, 'CS-FCR', 88, '不在表中'] },
    ];
    const encoded = encodeRows(rows, new SharedTable(table));
    // Only the text that is not in the table crosses as a string, once.
    expect(encoded.strings).toEqual(['不在表中']);
    expect(decodeRows(encoded, table)).toEqual(rows);
  });

  it('gives dates down a column as they were, one Date for a run of the same time', () => {
    const day = (d: number, h = 0) => new Date(Date.UTC(2026, 9, d, h));
    const rows = [
      { row: 2, cells: [day(1), 'CS-FCR', day(6)] },
      { row: 3, cells: [day(1), 'CS-SAT', day(6, 9)] },
      { row: 4, cells: [day(2), 'CS-FCR', day(6, 9)] },
      { row: 5, cells: [day(1), null, new Date(Number.NaN)] },
    ];
    const decoded = decodeRows(encodeRows(rows));
    expect(decoded).toEqual(rows);
    const column = (i: number) => decoded.map((r) => r.cells[i]);
    // The same time as the cell above: that cell's Date; any other time: a Date of its own.
    expect(column(0)[1]).toBe(column(0)[0]);
    expect(column(0)[2]).not.toBe(column(0)[1]);
    expect(column(0)[3]).not.toBe(column(0)[2]);
    expect(column(2)[2]).toBe(column(2)[1]);
    expect(column(2)[1]).not.toBe(column(2)[0]);
  });

  it('takes over from this thread part-way and gives exactly the rows, merges and count of reading here', async () => {
    const file = await measurementsWorkbook(ROWS);
    const expected = await inThread(file);
    const got = await viaWorker(file, workerEntry()!, 20);
    expect(got.given).toBeGreaterThan(0);
    expect(got.given).toBeLessThan(ROWS);
    expect(got.rows.length).toBe(expected.rows.length);
    expect(got.rows).toEqual(expected.rows);
    expect(got.end).toEqual(expected.end);
  }, 120_000);

  it('reads nothing here when the worker has opened the file before the rows are asked for', async () => {
    const file = await measurementsWorkbook(ROWS);
    const expected = await inThread(file);
    const worker = new SheetWorker(workerEntry()!, file);
    // Opened: it has sent its hash (and its shared strings with it).
    await worker.sha256;
    const got = await viaWorker(file, workerEntry()!, 0, 0, worker);
    expect(got.given).toBe(0);
    expect(got.rows).toEqual(expected.rows);
    expect(got.end).toEqual(expected.end);
  }, 120_000);

  it('drops what it read of its guess, the largest sheet, when asked for another, and gives that one exactly', async () => {
    const rowsOf = (n: number, text: string) =>
      Array.from(
        { length: n },
        (_, i) =>
          `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${text}${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
      ).join('');
    const file = writeBook(
      {
        sheets: [
          { name: '说明', data: rowsOf(8_000, '说明') },
          { name: '数据', data: rowsOf(40_000, '数据') },
        ],
      },
      'guess.xlsx',
    );
    const expected = await inThread(file, 0);
    const worker = new SheetWorker(workerEntry()!, file);
    // Told only once it has posted rows of its guess, sheet 2: what is dropped is really there.
    const inbox = (worker as unknown as { inbox: { sheet?: number }[] }).inbox;
    await vi.waitFor(() => expect(inbox.some((m) => m.sheet === 1)).toBe(true), {
      timeout: 60_000,
      interval: 5,
    });
    const got = await viaWorker(file, workerEntry()!, 20, 0, worker);
    expect(got.given).toBeLessThan(expected.rows.length);
    expect(got.rows).toEqual(expected.rows);
    expect(got.end).toEqual(expected.end);
  }, 120_000);

  it('reads the sheet here to the end when the worker cannot start', async () => {
    const file = await measurementsWorkbook(ROWS);
    const expected = await inThread(file);
    const broken = pathToFileURL('/nonexistent/worker-entry.mjs');
    const got = await viaWorker(file, broken, 0);
    expect(got.given).toBe(expected.rows.length);
    expect(got.rows).toEqual(expected.rows);
    expect(got.end).toEqual(expected.end);
  }, 120_000);

  it('stops with AppError(cancelled) once the signal is aborted, on either thread', async () => {
    const file = await measurementsWorkbook(ROWS);
    const wb = await openWorkbook(file);
    const controller = new AbortController();
    const rows = wb.rows(wb.sheets[0]!, {
      worker: new SheetWorker(workerEntry()!, file),
      signal: controller.signal,
    });
    let read = 0;
    const reading = (async () => {
      for await (const batch of rows.batches()) {
        read += batch.length;
        if (read > ROWS / 2) controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ kind: 'cancelled' });
    expect(read).toBeLessThan(ROWS);
    await wb.close();
  }, 120_000);
});
