/**
 * A workbook with bad rows through the import wizard in Chromium, as a region's officer meets it:
 * the check lists the failed rows and offers them as a workbook; skipping them, the import's
 * report lists them again (sheet, row, column, value, reason in Chinese) and 下载错误行 downloads
 * the workbook `qms import --errors` writes, its reason column beside each row as it was, for
 * the branch to correct and send back.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contracts/import';
import { importFile, sample, withSampleLibrary } from '../main/import/helpers';
import { type AppInChromium, eventually, goTo, type Served, servedInChromium } from './server';

const STEP = 180_000;
let served: Served;
let app: AppInChromium;
let page: Page;
let bad: string;

servedInChromium({
  prepare: async (fresh) => {
    served = fresh;
    await withSampleLibrary(served.wb);
    // The wide sample with two values no one can read: EAST-003's 网络接通率, EAST-004's 掉话率.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sample('east-2026-10-wide.xlsx'));
    book.worksheets[0]!.getCell('F7').value = '约98';
    book.worksheets[0]!.getCell('E8').value = '待补';
    bad = path.join(served.wb.dir, 'east-2026-10-退回.xlsx');
    await book.xlsx.writeFile(bad);
  },
  opened: (opened) => {
    app = opened;
    page = opened.page;
  },
});

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

/** Clicks 下载错误行 and reads the workbook the browser downloaded. */
async function downloadErrors(within: string): Promise<{ download: Download; book: ExcelJS.Workbook }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byTestId(within).getByRole('button', { name: '下载错误行' }).click(),
  ]);
  const file = path.join(served.wb.dir, `${within}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return { download, book };
}

/** Each failed row of the workbook: its original row number and its reason, as the CLI writes them. */
function failedRows(book: ExcelJS.Workbook): { row: unknown; reason: string }[] {
  const ws = book.worksheets[0]!;
  const header = ws.getRow(1).values as unknown[];
  const reasonAt = header.indexOf('错误原因 / Reason');
  expect(header[1]).toBe('原行号 / Row');
  expect(reasonAt).toBeGreaterThan(1);
  return Array.from({ length: ws.rowCount - 1 }, (_, i) => ({
    row: ws.getRow(i + 2).getCell(1).value,
    reason: String(ws.getRow(i + 2).getCell(reasonAt).value),
  }));
}

describe('an import with bad rows, in the wizard', () => {
  it(
    'lists the failed rows at the check and after skipping them, and downloads them with their reasons',
    async () => {
      // What the importer says of the two rows, in both languages, for the page and the workbook.
      const { sheets } = (await importFile(served.wb, bad, { dryRun: true })) as ImportReport;
      const errors = sheets.flatMap((s) => s.errors);
      expect(errors.map((e) => [e.row, e.column, e.value])).toEqual([
        [7, 'F', '约98'],
        [8, 'E', '待补'],
      ]);

      await goTo(page, 'import');
      await page.getByRole('tab', { name: '导入向导' }).click();
      await page.locator('[data-testid="import-drop"] input[type=file]').setInputFiles(bad);
      await byTestId('import-inspect').click();
      await byTestId('import-check').click();
      await byTestId('check-errors').waitFor();
      // Refused as it stands: the rows are listed and can already be sent back.
      const atCheck = await downloadErrors('check-failed-rows');
      expect(atCheck.download.suggestedFilename()).toBe('east-2026-10-退回-错误行.xlsx');
      expect(failedRows(atCheck.book).map((r) => r.row)).toEqual([7, 8]);

      await byTestId('skip-invalid').click();
      await byTestId('import-run').click();
      await byTestId('import-again').waitFor({ timeout: 120_000 });
      await eventually(() => byTestId('report-outcome').innerText()).toBe('已导入');
      const listed = byTestId('report-failed-rows');
      for (const e of errors)
        await eventually(() => listed.innerText()).toMatch(
          // file, sheet, row, column, header, value, reason: one cell a line
          new RegExp(`\\n${e.row}\\n${e.column}\\n[^\\n]+\\n${e.value}\\n${e.reason.zh}`),
        );

      const { book } = await downloadErrors('report-failed-rows');
      expect(failedRows(book)).toEqual(
        errors.map((e) => ({ row: e.row, reason: `${e.column}${e.row} ${e.reason.zh} / ${e.reason.en}` })),
      );
      expect(app.pageErrors).toEqual([]);
    },
    STEP,
  );
});
