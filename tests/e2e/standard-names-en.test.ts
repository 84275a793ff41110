/**
 * Grids of measurements name each standard in the page's language: the English name on English
 * pages (the Chinese one when a standard has none), the Chinese name on Chinese pages. And a
 * standard edited on its page keeps its history: a changed target is a new version. A branch
 * picker names the branch it is given, however far down the list. The standards grid can be
 * read whole in a 1366×768 window, the smallest we support, in both languages.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withOrganisation } from '../helpers/workbench';
import type { Measurement } from '../../shared/schemas/inspection';
import {
  type AppInChromium,
  cutTexts,
  eventually,
  goTo,
  linesOf,
  SCREENSHOTS,
  type Served,
  servedInChromium,
} from './server';

let served: Served;
let app: AppInChromium;
let page: Page;

servedInChromium({
  now: '2026-11-20T08:00:00.000Z',
  prepare: async (fresh) => {
    served = fresh;
    const wb = served.wb;
    await withOrganisation(wb);
    // A local standard with no English name.
    await wb.dispatch('standards:create', {
      code: 'LOC-QUEUE',
      nameZh: '本地排队时长',
      dimension: 'CS',
      unit: 'min',
      direction: 'lower',
      target: 10,
      warning: 15,
    });
    // More branches than the picker lists at first (50), the last given to it from the address.
    for (let n = 3; n <= 60; n++) {
      const code = `EAST-${String(n).padStart(3, '0')}`;
      await wb.dispatch('branches:create', { code, name: `测试营业厅${n}`, regionCode: 'EAST' });
    }
    const inspection = (await wb.dispatch('inspections:create', {
      branchCode: 'EAST-001',
      period: '2026-10',
    })) as {
      id: string;
    };
    await wb.dispatch('measurements:upsert', {
      inspectionId: inspection.id,
      standardCode: 'CS-FCR',
      value: 82,
    });
    await wb.dispatch('measurements:upsert', {
      inspectionId: inspection.id,
      standardCode: 'LOC-QUEUE',
      value: 12,
    });
  },
  opened: (opened) => {
    app = opened;
    page = opened.page;
  },
});

const nameCells = () =>
  page.locator('[data-testid="measurements-grid"] .ag-row [col-id="standardName"]').allInnerTexts();

describe('standard names in the measurements grid', () => {
  it('measurements:list carries both names', async () => {
    const { rows } = (await served.wb.dispatch('measurements:list', { period: '2026-10' })) as {
      rows: Measurement[];
    };
    expect(rows.map((r) => [r.standardCode, r.standardName, r.standardNameEn]).sort()).toEqual([
      ['CS-FCR', '首问解决率', 'First-contact resolution'],
      ['LOC-QUEUE', '本地排队时长', null],
    ]);
  });

  it('shows Chinese names in Chinese, English ones in English (Chinese where there is none)', async () => {
    await goTo(page, 'inspections?tab=measurements&period=2026-10');
    await eventually(async () => (await nameCells()).sort()).toEqual(['本地排队时长', '首问解决率']);
    await page.locator('[data-testid="language-switch"]').getByText('English').click();
    await eventually(async () => (await nameCells()).sort()).toEqual([
      'First-contact resolution',
      '本地排队时长',
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'measurements-names-en.png') });
    await page.locator('[data-testid="language-switch"]').getByText('中文').click();
    await eventually(async () => (await nameCells()).sort()).toEqual(['本地排队时长', '首问解决率']);
    expect(app.pageErrors).toEqual([]);
  }, 180_000);
});

describe('editing a standard on its page', () => {
  it('makes a changed target a new version from today and keeps the old one', async () => {
    // NET-CSR: the library's version 1 from 2020-01-01, judging no measurement yet. The drawer
    // used to fill the new version's date with 2020-01-01, and the change overwrote version 1.
    await goTo(page, 'standards');
    await page.locator('.ag-row', { hasText: 'NET-CSR' }).first().click();
    const form = page.locator('[data-testid="standard-form"]');
    await expect(form.locator('#effectiveFrom').inputValue()).resolves.toBe('');
    // An emptied weight is said at the field, and the word goes when it is filled again.
    const weightError = form.locator('#weight_help');
    await form.locator('#weight').fill('');
    await page.locator('[data-testid="standard-save"]').click();
    await eventually(() => weightError.innerText()).toBe('必填');
    await form.locator('#weight').fill('2');
    await eventually(() => weightError.count()).toBe(0);
    // Typed with a Chinese input method.
    await form.locator('#target').fill('９９．５');
    await page.locator('[data-testid="standard-save"]').click();
    await form.waitFor({ state: 'detached' });
    const history = (await served.wb.dispatch('standards:history', { code: 'NET-CSR' })) as {
      version: number;
      effectiveFrom: string;
      target: number;
      weight: number;
    }[];
    // The new version keeps the weight (standards:update used to reset it to 1).
    expect(history.map((v) => [v.version, v.effectiveFrom, v.target, v.weight])).toEqual([
      [1, '2020-01-01', 99, 2],
      [2, '2026-11-20', 99.5, 2],
    ]);
    expect(app.pageErrors).toEqual([]);
  }, 120_000);
});

describe('the branch picker', () => {
  it('names the branch it is given, though it is not among the first 50 listed', async () => {
    await goTo(page, 'actions?branchCode=EAST-060');
    const picker = page.locator('[data-testid="filter-branch"]');
    await eventually(() => picker.innerText()).toContain('EAST-060 测试营业厅60');
    expect(app.pageErrors).toEqual([]);
  }, 60_000);
});

describe('the standards grid at 1366×768', () => {
  it('cuts no header, cell or the app title, in Chinese and in English', async () => {
    // At 1366 in English the library showed "Network …", "Higher is be…", "Warni…" and the
    // sider's title on two lines; in Chinese names and 来源 were cut.
    await page.setViewportSize({ width: 1366, height: 768 });
    await goTo(page, 'standards');
    const grid = '[data-testid="standards-grid"]';
    for (const [language, lang, name] of [
      ['中文', 'zh', '宽带速率达标率'],
      ['English', 'en', 'Complaints per 10,000 customers'],
    ] as const) {
      await page.locator('[data-testid="language-switch"]').getByText(language).click();
      await page.locator(`${grid} .ag-cell`, { hasText: name }).waitFor();
      expect(await cutTexts(page, `${grid} .ag-header-cell-text`)).toEqual([]);
      expect(await cutTexts(page, `${grid} .ag-cell, ${grid} .ag-cell-value`)).toEqual([]);
      expect(await cutTexts(page, '[data-testid="app-title"]')).toEqual([]);
      expect(await linesOf(page, '[data-testid="app-title"]')).toEqual([1]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `standards-1366-${lang}.png`) });
    }
    // An abbreviated header (Warn.) says the whole of it on hover.
    await page.locator(`${grid} .ag-header-cell[col-id="warning"] .ag-header-cell-text`).hover();
    await eventually(() => page.locator('.ag-tooltip').innerText()).toBe('Warning');
    await page.locator('[data-testid="language-switch"]').getByText('中文').click();
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.pageErrors).toEqual([]);
  }, 120_000);
});
