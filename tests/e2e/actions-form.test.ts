/**
 * The actions page's form in real Chromium over `qms serve`: a corrective action is created
 * through the form (after its checks have refused an empty one and a due date before today),
 * shows on the board, is edited (owner, due date) from its drawer and the change is stored and
 * survives a reload; deleting asks first.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withOrganisation } from '../helpers/workbench';
import type { CorrectiveAction } from '../../shared/schemas/action';
import {
  type AppInChromium,
  chooseOption,
  eventually,
  goTo,
  linesOf,
  linesOfText,
  SCREENSHOTS,
  type Served,
  servedInChromium,
} from './server';

const STEP = 180_000;
let served: Served;
let app: AppInChromium;
let page: Page;

servedInChromium({
  now: '2026-11-20T08:00:00.000Z',
  prepare: async (fresh) => {
    served = fresh;
    await withOrganisation(served.wb);
  },
  opened: (opened) => {
    app = opened;
    page = opened.page;
  },
});

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
const form = () => byTestId('action-form');
const fieldError = (label: string) =>
  form().locator('.ant-form-item').filter({ hasText: label }).locator('.ant-form-item-explain-error');
const stored = async () =>
  ((await served.wb.dispatch('actions:list', {})) as { rows: CorrectiveAction[] }).rows;

async function setDate(value: string): Promise<void> {
  const input = form().locator('.ant-picker input');
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('creating and editing a corrective action in Chromium', () => {
  it(
    'creates an action through the form and shows it on the board',
    async () => {
      await goTo(page, 'actions?view=board');
      await byTestId('actions-board').waitFor();
      await byTestId('action-new').click();
      await form().waitFor();

      // A two-character button reads as the word, not spaced out (保 存).
      expect(await byTestId('action-form-save').innerText()).toBe('保存');
      // The fields the contract needs are marked before anyone is told 必填 (none were).
      expect(await form().locator('label.ant-form-item-required').allInnerTexts()).toEqual([
        '营业厅',
        '整改措施',
        '责任部门',
        '责任人',
        '完成时限',
      ]);
      // Nothing filled in: the contract's checks refuse it, in the page's language.
      await byTestId('action-form-save').click();
      await eventually(() => fieldError('整改措施').innerText()).toBe('必填');
      await eventually(() => fieldError('营业厅').innerText()).toBe('必填');
      await eventually(() => fieldError('完成时限').innerText()).toBe('必填');
      expect(await stored()).toHaveLength(0);

      await chooseOption(page, 'action-form-branch', 'EAST-002');
      await chooseOption(page, 'action-form-standard', 'CS-FCR');
      await byTestId('action-form-finding').fill('一次解决率连续两月未达标');
      await byTestId('action-form-action').fill('组织首问负责制专项培训');
      await byTestId('action-form-department').fill('客户服务中心');
      await byTestId('action-form-owner').fill('李娜');
      // The date picker speaks the page's language (dayjs's zh-cn: weeks start on Monday, 一).
      await form().locator('.ant-picker input').click();
      await eventually(() => page.locator('.ant-picker-dropdown:visible thead th').first().innerText()).toBe(
        '一',
      );
      // A due date before today: only the service can tell, and its message lands on the field.
      await setDate('2026-11-01');
      await byTestId('action-form-save').click();
      await eventually(() => fieldError('完成时限').innerText()).toContain('早于措施创建日期');
      expect(await stored()).toHaveLength(0);

      await setDate('2026-12-31');
      await byTestId('action-form-save').click();
      await eventually(async () => (await stored()).length).toBe(1);
      const [a] = await stored();
      expect(a).toMatchObject({
        branchCode: 'EAST-002',
        standardCode: 'CS-FCR',
        finding: '一次解决率连续两月未达标',
        action: '组织首问负责制专项培训',
        department: '客户服务中心',
        owner: '李娜',
        dueDate: '2026-12-31',
        status: 'open',
      });
      const card = byTestId('column-open').locator(`[data-action-id="${a!.id}"]`);
      await eventually(() => card.innerText()).toContain('组织首问负责制专项培训');
      await eventually(() => card.innerText()).toContain('李娜');
      // The board says how many actions it holds, as the grid does.
      await eventually(() => page.getByText(/^共 \d+ 条$/).innerText()).toBe('共 1 条');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'actions-form-created-zh.png') });
    },
    STEP,
  );

  it(
    'edits its owner and due date from the drawer, and the change survives a reload',
    async () => {
      const [a] = await stored();
      const card = byTestId('column-open').locator(`[data-action-id="${a!.id}"]`);
      await card.locator('a').first().click();
      await byTestId('action-edit').click();
      await eventually(() => byTestId('action-form-owner').inputValue()).toBe('李娜');
      await eventually(() => byTestId('action-form-action').inputValue()).toBe('组织首问负责制专项培训');
      await byTestId('action-form-owner').fill('张强');
      await setDate('2027-01-15');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'actions-form-edit-zh.png') });
      await byTestId('action-form-save').click();
      await eventually(async () => (await stored())[0]).toMatchObject({
        id: a!.id,
        owner: '张强',
        dueDate: '2027-01-15',
        action: '组织首问负责制专项培训',
        standardCode: 'CS-FCR',
      });
      // The drawer and the card show the edit at once...
      await eventually(() => byTestId('action-drawer').first().innerText()).toContain('2027-01-15');
      await eventually(() => card.innerText()).toContain('张强');
      // ...and after a reload, from the database.
      await page.reload();
      await page.waitForSelector('[data-testid="app-title"]');
      const reloaded = byTestId('column-open').locator(`[data-action-id="${a!.id}"]`);
      await eventually(() => reloaded.innerText()).toContain('张强');
      await eventually(() => reloaded.innerText()).toContain('2027-01-15');
    },
    STEP,
  );

  it(
    'asks before deleting, and deletes on confirmation',
    async () => {
      const [a] = await stored();
      const card = byTestId('column-open').locator(`[data-action-id="${a!.id}"]`);
      await card.locator('a').first().click();
      await byTestId('action-delete').click();
      const confirm = page.locator('.ant-popconfirm:visible');
      await eventually(() => confirm.innerText()).toContain('删除这条措施');
      await confirm.getByRole('button', { name: /^取\s?消$/ }).click();
      expect(await stored()).toHaveLength(1);
      await byTestId('action-delete').click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: /^删\s?除$/ })
        .click();
      await eventually(async () => (await stored()).length).toBe(0);
      await eventually(() => card.count()).toBe(0);
      expect(app.pageErrors).toEqual([]);
    },
    STEP,
  );

  it(
    'filters the list from the page itself: by status, branch and overdue',
    async () => {
      const base = { standardCode: 'CS-FCR', department: '客户服务中心', owner: '陈静' };
      const one = (branchCode: string, action: string, dueDate: string) =>
        served.wb.dispatch('actions:create', {
          ...base,
          branchCode,
          action,
          dueDate,
        }) as Promise<CorrectiveAction>;
      const started = await one('EAST-001', '复盘重复来电', '2026-12-31');
      await served.wb.dispatch('actions:setStatus', { id: started.id, status: 'in_progress' });
      await one('EAST-002', '培训新员工', '2026-12-31');
      served.wb.setNow('2027-02-01T08:00:00.000Z'); // both now past due
      await one('EAST-002', '更新话术', '2027-03-31');
      await goTo(page, 'actions');
      const total = page.getByText(/^共 \d+ 条$/);
      await eventually(() => total.innerText()).toBe('共 3 条');

      await byTestId('filter-status').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '进行中' })
        .click();
      await eventually(() => total.innerText()).toBe('共 1 条');
      await eventually(() => page.url()).toContain('status=in_progress');
      await byTestId('filter-status').locator('.ant-select-clear').click();
      await eventually(() => total.innerText()).toBe('共 3 条');

      await chooseOption(page, 'filter-branch', 'EAST-002');
      await eventually(() => total.innerText()).toBe('共 2 条');
      await byTestId('filter-overdue').click();
      await eventually(() => total.innerText()).toBe('共 1 条');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'actions-filters-zh.png') });
      expect(app.pageErrors).toEqual([]);
    },
    STEP,
  );

  it(
    'keeps dates and names whole on a board card at 1366×768',
    async () => {
      // At 1366 a column is 220px: an overdue card broke its date (2026-12- / 01) and the
      // owner's name (李 / 明) where the line ran out.
      const card = (await served.wb.dispatch('actions:create', {
        branchCode: 'EAST-001',
        standardCode: 'NET-DCR',
        department: '网络运维部',
        owner: '李明',
        dueDate: '2027-03-01',
        action: '优化基站参数并对弱覆盖区域进行补点建设',
      })) as CorrectiveAction;
      served.wb.setNow('2027-03-10T08:00:00.000Z'); // overdue: the card's widest footer
      await page.setViewportSize({ width: 1366, height: 768 });
      await goTo(page, 'actions?view=board');
      const selector = `[data-action-id="${card.id}"]`;
      await page.locator(selector).waitFor();
      for (const token of ['上海浦东营业厅', 'NET-DCR', '李明', '2027-03-01'])
        expect([token, await linesOfText(page, selector, token)]).toEqual([token, 1]);
      await page.locator(selector).screenshot({ path: path.join(SCREENSHOTS, 'board-card-1366-zh.png') });
      await page.setViewportSize({ width: 1440, height: 900 });
      await served.wb.dispatch('actions:delete', { id: card.id });
      await goTo(page, 'actions'); // so that the next test's board is loaded afresh
      expect(app.pageErrors).toEqual([]);
    },
    STEP,
  );

  it(
    'keeps a long action in the drawer body, and Escape in a dialog over it closes only the dialog',
    async () => {
      // 2,100 characters, within the schema's 4,000: as the drawer's title it pushed its buttons off the screen.
      const text = '按月开展服务规范培训并考核。'.repeat(150);
      const long = (await served.wb.dispatch('actions:create', {
        branchCode: 'EAST-001',
        standardCode: 'CS-FCR',
        department: '客户服务中心',
        owner: '陈静',
        dueDate: '2027-06-30',
        action: text,
      })) as CorrectiveAction;
      for (const status of ['in_progress', 'done'])
        await served.wb.dispatch('actions:setStatus', { id: long.id, status });
      await goTo(page, 'actions?view=board');
      await byTestId('column-done').locator(`[data-action-id="${long.id}"] a`).first().click();
      const drawer = byTestId('action-drawer');
      await eventually(() => drawer.innerText()).toContain(text);
      const close = await page.locator('.ant-drawer-close').boundingBox();
      expect(close!.y + close!.height).toBeLessThan(page.viewportSize()!.height / 4);
      // The title ends where the buttons begin (it ran on under them), its whole text on hover;
      // each label keeps one line beside the long value (整改措施 was one character a line).
      const title = page.locator('.ant-drawer-open .ant-drawer-title');
      const edit = await byTestId('action-edit').boundingBox();
      expect((await title.boundingBox())!.x + (await title.boundingBox())!.width).toBeLessThanOrEqual(
        edit!.x,
      );
      expect(await linesOf(page, '.ant-drawer-open .ant-descriptions-item-label')).toEqual(
        Array<number>(11).fill(1),
      );
      await title.hover();
      await eventually(() => page.locator('.ant-tooltip:visible').innerText()).toBe(text);
      await page.mouse.move(0, 0);
      await drawer.locator('button', { hasText: '已验证' }).click();
      await byTestId('verify-form').waitFor();
      await page.keyboard.press('Escape');
      await byTestId('verify-form').waitFor({ state: 'hidden' });
      expect(await drawer.isVisible()).toBe(true);
      expect(app.pageErrors).toEqual([]);
    },
    STEP,
  );
});
