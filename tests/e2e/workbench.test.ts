/**
 * The served workbench in real Chromium, as a quality officer uses it: import the sample
 * workbooks through the wizard and see their rows, fix a column mapping, generate a plan,
 * switch to English and back, walk every page in both languages with no missing text, and
 * undo an import. Screenshots of the runs go to SCREENSHOTS (see server.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLES, tempDir } from '../helpers/workbench';
import {
  type AppInChromium,
  chooseOption,
  eventually,
  goTo,
  SCREENSHOTS,
  type Served,
  servedInChromium,
} from './server';
import { PAGES } from '../../renderer/router';

const STEP = 180_000;
/** Every page, and the views inside pages that only show on a tab or for one record. */
let planId: string | null = null;
const walkRoutes = () => [
  ...PAGES,
  'inspections?tab=measurements&period=2026-10',
  'import?tab=history',
  `plans?id=${planId}`,
];
const SHOTS = ['dashboard', 'standards', 'findings', 'actions', 'settings'];
/** An i18n key shown instead of its text: `ns:key` or `a.b.c` in identifier case. */
const RAW_KEY = /\b[a-z][a-zA-Z]*[:.][a-z][a-zA-Z]*(?:\.[a-zA-Z]+)*\b/g;
const FILE_EXTENSION = /\.(xlsx|csv|pdf|db|json)$/;

let served: Served;
let app: AppInChromium;
let page: Page;

servedInChromium({
  prepare: async (fresh) => {
    served = fresh;
  },
  opened: (opened) => {
    app = opened;
    page = opened.page;
  },
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

/** Picks an option of an antd Select by typing into its search and taking the first match. */
async function choose(testId: string, search: string): Promise<void> {
  await byTestId(testId).locator('input').first().click();
  await page.keyboard.type(search);
  await page.keyboard.press('Enter');
}

/** Opens the wizard on some files, up to the mapping step (upload, inspect). */
async function wizardOn(files: string[]): Promise<void> {
  await goTo(page, 'import');
  await page.getByRole('tab', { name: '导入向导' }).click();
  if (await byTestId('import-again').isVisible()) await byTestId('import-again').click();
  await page.locator('[data-testid="import-drop"] input[type=file]').setInputFiles(files);
  await expect.poll(() => page.getByText(`已选择 ${files.length} 个文件`).count()).toBe(1);
  await byTestId('import-inspect').click();
  await byTestId('import-check').waitFor();
}

/** Runs the wizard over some files: upload, inspect, (optional fixes), check, import, report. */
/** Takes files through the wizard to its report, whatever the report says. */
async function runWizard(files: string[], fix?: () => Promise<void>): Promise<void> {
  await wizardOn(files);
  if (fix) await fix();
  await byTestId('import-check').click();
  await byTestId('check-ok').waitFor();
  await byTestId('import-run').click();
  await byTestId('import-again').waitFor({ timeout: 120_000 });
}

async function importThroughWizard(files: string[], fix?: () => Promise<void>): Promise<void> {
  await runWizard(files, fix);
  for (const f of files) {
    await seeText(byTestId(`report-${path.basename(f)}`).getByTestId('report-outcome'), '已导入');
  }
}

/** Waits (up to the default timeout) until the element's text is exactly `text`. */
async function seeText(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(
      () =>
        locator
          .first()
          .innerText()
          .then((s) => s.trim()),
      { timeout: 30_000 },
    )
    .toBe(text);
}

async function seeContains(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => locator.first().innerText(), { timeout: 30_000 }).toContain(text);
}

async function gridRowsText(testId: string): Promise<string> {
  await page.locator(`[data-testid="${testId}"] .ag-row`).first().waitFor();
  return page.locator(`[data-testid="${testId}"]`).innerText();
}

describe('the workbench in Chromium', () => {
  it('starts in the system language (Chinese) with every page in the menu', async () => {
    await seeText(byTestId('app-title'), '质量工作台');
    for (const p of PAGES) await byTestId(`nav-${p}`).first().waitFor();
  });

  it(
    'imports the sample workbooks through the wizard and shows their rows',
    async () => {
      await importThroughWizard([path.join(SAMPLES, 'standards.xlsx'), path.join(SAMPLES, 'branches.xlsx')]);
      await importThroughWizard([path.join(SAMPLES, 'east-2026-10-wide.xlsx')], async () => {
        // The wide sheet's standard columns are recognised by name, under merged dimension headers.
        const sheet = byTestId('sheet-2026年10月');
        await seeContains(sheet, '宽表');
        await seeContains(sheet, '2026-10');
        await seeContains(byTestId('mapping-2026年10月'), 'NET-DCR');
        await shot('import-mapping-zh');
      });
      await shot('import-report-zh');
      await byTestId('report-east-2026-10-wide.xlsx').getByTestId('report-see-rows').click();
      const expected = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'expected.json'), 'utf8')) as Record<
        string,
        unknown[]
      >;
      await seeText(byTestId('grid-total'), `${expected['east-2026-10-wide.xlsx']!.length} 行`);
      const rows = await gridRowsText('measurements-grid');
      expect(rows).toContain('EAST-001');
      expect(rows).toMatch(/不达标|预警|达标/);
      await shot('measurements-zh');
    },
    STEP,
  );

  it(
    'says at the check that a workbook was imported before, instead of "passed, 0 rows", and why a period is refused',
    async () => {
      await wizardOn([path.join(SAMPLES, 'branches.xlsx')]);
      await byTestId('import-check').click();
      await seeContains(byTestId('check-already-imported'), 'branches.xlsx 已导入过，本次未读取');
      expect(await byTestId('check-ok').count()).toBe(0);
      expect(await byTestId('import-run').isDisabled()).toBe(true);
      // Leave the wizard as a new visit finds it, for the next workbook.
      await page.reload();
      await byTestId('app-title').waitFor();
      // A period it cannot use is said beside the field, not only by a red border.
      await page.getByRole('tab', { name: '导入向导' }).click();
      expect(await byTestId('import-period').getAttribute('placeholder')).toBe('可选，如 2026-10');
      await byTestId('import-period').fill('2026 10');
      await seeText(byTestId('import-period-error'), '应写为 YYYY-MM 或 YYYY-Qn');
      await byTestId('import-period').fill('');
      expect(await byTestId('import-period-error').count()).toBe(0);
    },
    STEP,
  );

  it(
    'fixes a column mapping the detection got wrong, and the fixed column is what gets imported',
    async () => {
      // The region reports both the raw and the reviewed value; the reviewed one is to count.
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('11月');
      sheet.addRow(['网点编码', '统计周期', '指标编码', '实测值', '复核值']);
      sheet.addRow(['EAST-001', '2026-11', 'CS-SAT', 80, 88.5]);
      sheet.addRow(['EAST-002', '2026-11', 'CS-SAT', 70, 91.25]);
      const file = path.join(tempDir(), 'east-2026-11-reviewed.xlsx');
      await book.xlsx.writeFile(file);

      await importThroughWizard([file], async () => {
        await seeContains(byTestId('mapping-11月'), '复核值');
        // Mapping the reviewed value takes the value field away from the raw column.
        await choose('map-11月-E', '(value)');
        await seeText(byTestId('map-11月-D'), '不导入');
        await seeContains(byTestId('mapping-11月'), '手动指定');
      });
      await goTo(page, 'inspections?tab=measurements&period=2026-11');
      await seeText(byTestId('grid-total'), '2 行');
      const rows = await gridRowsText('measurements-grid');
      expect(rows).toContain('88.5');
      expect(rows).toContain('91.25');
      expect(rows).not.toMatch(/\b80\b|\b70\b/);
    },
    STEP,
  );

  it(
    'corrects a value in the measurements grid, and the verdict follows',
    async () => {
      await goTo(page, 'inspections?tab=measurements&period=2026-11&branchCode=EAST-001');
      await seeText(byTestId('grid-total'), '1 行');
      const cell = page.locator('[data-testid="measurements-grid"] .ag-row [col-id="value"]').first();
      await cell.dblclick();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('10');
      await page.keyboard.press('Enter');
      await seeText(
        page.locator('[data-testid="measurements-grid"] .ag-row [col-id="verdict"]').first(),
        '不达标',
      );
      const saved = served.wb.db
        .prepare("SELECT value, verdict FROM measurements WHERE standard_code = 'CS-SAT' AND value = 10")
        .get() as { value: number; verdict: string } | undefined;
      expect(saved).toEqual({ value: 10, verdict: 'fail' });

      const verdict = page.locator('[data-testid="measurements-grid"] .ag-row [col-id="verdict"]').first();
      const stored = () =>
        served.wb.db
          .prepare(
            `SELECT m.value FROM measurements m JOIN inspections i ON i.id = m.inspection_id JOIN branches b
              ON b.id = i.branch_id WHERE b.code = 'EAST-001' AND i.period = '2026-11' AND m.standard_code = 'CS-SAT'`,
          )
          .pluck()
          .all();
      const typeIn = async (text: string) => {
        await cell.dblclick();
        await page.keyboard.press('ControlOrMeta+a');
        if (text) await page.keyboard.type(text);
        else await page.keyboard.press('Delete');
        await page.keyboard.press('Enter');
      };
      // Typed with a Chinese input method: full-width digits read as an import reads them.
      await typeIn('８８．５');
      await seeText(verdict, '预警');
      expect(stored()).toEqual([88.5]);
      // A value no unit allows is refused where it is typed; the value stays.
      await typeIn('-5');
      await seeContains(page.locator('.ant-message'), '实测值: 负数不是合理的数值');
      // Still there to be read after 5 s (antd's default took it at 3), and a click puts it away.
      const refusal = page.locator('.qw-notice-refused', { hasText: '实测值: 负数不是合理的数值' });
      await page.waitForTimeout(5_000);
      expect(await refusal.count()).toBe(1);
      await refusal.click();
      // Gone at once, not at the end of its time (about 10 s, still ahead).
      await expect.poll(() => refusal.count(), { timeout: 2_000 }).toBe(0);
      // Away from where toasts appear: one under the pointer would wait for it to leave.
      await page.mouse.move(0, 400);
      await seeText(cell, '88.5');
      expect(stored()).toEqual([88.5]);
      // Emptying the cell asks to delete the value: it never becomes 0.
      await typeIn('');
      const ask = page.locator('.ant-modal-confirm');
      await seeContains(ask, '删除 CS-SAT 的实测值？');
      expect(stored()).toEqual([88.5]);
      await ask.locator('.ant-btn-dangerous').click();
      await seeText(byTestId('grid-total'), '0 行');
      expect(stored()).toEqual([]);
      // Entered again in the inspection's own bar, in full-width digits too.
      const inspection = served.wb.db
        .prepare(
          "SELECT i.id FROM inspections i JOIN branches b ON b.id = i.branch_id WHERE b.code = 'EAST-001' AND i.period = '2026-11'",
        )
        .pluck()
        .get() as string;
      await goTo(page, `inspections?tab=measurements&inspectionId=${inspection}`);
      await choose('add-standard', 'CS-SAT');
      await byTestId('add-value').fill('９１．２５');
      await byTestId('add-value').press('Enter');
      await seeText(verdict, '达标');
      expect(stored()).toEqual([91.25]);
    },
    STEP,
  );

  it(
    'generates a PDCA plan from the imported data',
    async () => {
      await goTo(page, 'plans');
      await byTestId('generate-plan').waitFor();
      await choose('scope-type', '区域');
      await choose('scope-code', 'EAST');
      await choose('period', '2026-10');
      await byTestId('generate-plan').click();
      await byTestId('plan-detail').waitFor({ timeout: 60_000 });
      planId = new URLSearchParams(page.url().split('?')[1] ?? '').get('id');
      expect(planId).toMatch(/^[0-9a-f-]{36}$/);
      await seeContains(byTestId('plan-stage'), '计划');
      // The ranked gaps come from the rows just imported: EAST branches, failed or warned standards.
      await seeContains(byTestId('gaps-grid'), '上海浦东营业厅');
      const plan = (await served.wb.dispatch('plans:get', { id: planId })) as {
        scope: unknown;
        period: string;
        content: { gaps: unknown[] };
      };
      expect(plan).toMatchObject({ scope: { type: 'region', code: 'EAST' }, period: '2026-10' });
      expect(plan.content.gaps.length).toBeGreaterThan(0);
      await shot('plan-zh');
    },
    STEP,
  );

  it(
    'switches to English, keeps it after a reload, and switches back',
    async () => {
      await goTo(page, 'inspections?tab=measurements&period=2026-10');
      await byTestId('language-switch').getByText('English').click();
      await seeText(byTestId('nav-import'), 'Import');
      await seeText(byTestId('app-title'), 'Quality Workbench');
      await page.reload();
      await seeText(byTestId('nav-import'), 'Import');
      await seeText(byTestId('grid-total'), '95 rows');
      // ag-grid's own texts follow too (its column menu, paging).
      await seeText(page.locator('[data-testid="measurements-grid"] .ag-header-cell-text').first(), 'Period');
      await shot('measurements-en');
      await byTestId('language-switch').getByText('中文').click();
      await seeText(byTestId('nav-import'), '导入');
      expect((await served.wb.dispatch('settings:get', {})) as { language: string }).toMatchObject({
        language: 'zh',
      });
    },
    STEP,
  );

  it(
    'walks every page in Chinese and English with no missing translation and no raw key on screen',
    async () => {
      const seen: string[] = [];
      for (const [lang, label] of [
        ['zh', '中文'],
        ['en', 'English'],
      ] as const) {
        await byTestId('language-switch').getByText(label).click();
        await seeText(byTestId('nav-settings'), lang === 'zh' ? '设置' : 'Settings');
        for (const route of walkRoutes()) {
          await goTo(page, route);
          await page.locator('[data-testid="page-loading"]').waitFor({ state: 'detached' });
          await page.waitForLoadState('networkidle');
          // Grids fill their rows after the page draws: let the first block arrive.
          await page
            .locator('.ag-overlay-loading-center, .ant-spin-spinning')
            .first()
            .waitFor({ state: 'detached', timeout: 10_000 })
            .catch(() => {});
          await page.waitForTimeout(500);
          const text = await page.locator('body').innerText();
          const raw = [...text.matchAll(RAW_KEY)]
            .map((m) => m[0])
            .filter((k) => !FILE_EXTENSION.test(k) && k !== 'e.g');
          expect(raw, `${lang} ${route}`).toEqual([]);
          seen.push(`${lang} ${route}`);
          if (SHOTS.includes(route)) await shot(`${route.split('?')[0]}-${lang}`);
        }
      }
      expect(seen).toHaveLength(walkRoutes().length * 2);
      const missing = await page.evaluate(() => window.__qmsMissingKeys ?? []);
      expect(missing).toEqual([]);
      await byTestId('language-switch').getByText('中文').click();
    },
    STEP * 2,
  );

  it(
    'undoes an import from the history: its rows are gone; one corrected by hand since is refused, saying so',
    async () => {
      await goTo(page, 'import');
      await page.getByRole('tab', { name: '导入历史' }).click();
      // The November workbook's value was corrected in the grid above: undoing it would put the
      // value back, so it is refused in a dialog that says why, and nothing changes.
      await byTestId('undo-east-2026-11-reviewed.xlsx').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').filter({ visible: true }).click();
      const refusal = page.locator('.ant-modal-confirm-error');
      await seeContains(refusal, '未能撤销 east-2026-11-reviewed.xlsx');
      await seeContains(refusal, '此后手工录入或修改的记录用到了它写入的数据（测量值 EAST-');
      await refusal.waitFor({ state: 'visible' });
      await page.locator('.ant-popconfirm').filter({ visible: true }).waitFor({ state: 'detached' });
      await shot('undo-refused-zh');
      // The history names each batch's kind as the wizard does, not by its code.
      await seeContains(byTestId('import-history').locator('tr', { hasText: 'branches.xlsx' }), '网点');
      await refusal.locator('.ant-btn').click();
      await refusal.waitFor({ state: 'detached' });
      expect(
        served.wb.db
          .prepare("SELECT value FROM measurements WHERE standard_code = 'CS-SAT' AND value = 91.25")
          .pluck()
          .get(),
      ).toBe(91.25);
      await byTestId('undo-east-2026-10-wide.xlsx').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').filter({ visible: true }).click();
      await page
        // What the undo did, not "恢复 0 行" after removing every row the import wrote.
        .getByText(/已撤销 east-2026-10-wide\.xlsx：删除其写入的 [1-9]\d* 行，恢复被覆盖的 0 行/)
        .first()
        .waitFor();
      const history = byTestId('import-history');
      await seeContains(history.locator('tr', { hasText: 'east-2026-10-wide.xlsx' }), '已撤销');
      await goTo(page, 'inspections?tab=measurements&period=2026-10');
      await seeText(byTestId('grid-total'), '0 行');
    },
    STEP,
  );

  it(
    'lists the rows of an exchange workbook it cannot merge, and writes none of it',
    async () => {
      const file = path.join(tempDir(), 'exchange-damaged.xlsx');
      await served.wb.dispatch('export:run', { kind: 'exchange', path: file });
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const sheet = book.getWorksheet('measurements')!;
      const header = sheet.getRow(1).values as unknown[];
      sheet.getRow(2).getCell(header.indexOf('value')).value = '98,5';
      sheet.getRow(2).getCell(header.indexOf('updated_at')).value = '2030-01-01T00:00:00.000Z';
      await book.xlsx.writeFile(file);
      const batches = () => served.wb.db.prepare('SELECT count(*) FROM import_batches').pluck().get();
      const before = batches();
      await runWizard([file]);
      const report = byTestId('report-exchange-damaged.xlsx');
      await seeText(report.getByTestId('report-outcome'), '有错误，未导入');
      await seeContains(report.getByTestId('exchange-rows'), '交换工作簿有 1 行无法合并，未写入任何数据');
      // Why, in the page's language: it was SQLite's English message.
      await seeContains(report.getByTestId('exchange-rows'), 'value 列应填数字，不能填文本');
      expect(batches()).toBe(before);
      await shot('exchange-rejected-zh');
    },
    STEP,
  );

  it(
    'starts an inspection for a period written as people write it, and says at the field what it cannot read',
    async () => {
      await goTo(page, 'inspections');
      await byTestId('inspection-new').click();
      const dialog = page.locator('.ant-modal:visible');
      await chooseOption(page, 'new-inspection-branch', 'EAST-002');
      const period = dialog.locator('#period');
      await period.fill('2026年13月');
      await dialog.locator('.ant-btn-primary').click();
      await seeContains(dialog, '无法识别的期间：可写 2026-11、2026/11、2026年11月或 2026-Q4');
      // Typed with a Chinese input method, as the importer reads it.
      await period.fill('２０２６年１２月');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'detached' });
      await eventually(() =>
        served.wb.db
          .prepare(
            "SELECT i.period FROM inspections i JOIN branches b ON b.id = i.branch_id WHERE b.code = 'EAST-002' AND i.period = '2026-12'",
          )
          .pluck()
          .get(),
      ).toBe('2026-12');
    },
    STEP,
  );

  it('raised no error in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
