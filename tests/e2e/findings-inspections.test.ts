/**
 * Findings and an inspection's status in real Chromium over `qms serve`: a failed measurement is
 * raised into a corrective action from the findings page (the action linked to it, the finding
 * gone from what still needs action), an observation is recorded, corrected and deleted, and an
 * inspection is submitted, approved (its values then read-only, opened alone or among the
 * month's), sent back and deleted with its measurements.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../shared/schemas/inspection';
import { withOrganisation } from '../helpers/workbench';
import {
  type AppInChromium,
  chooseOption,
  eventually,
  goTo,
  SCREENSHOTS,
  type Served,
  servedInChromium,
} from './server';

const STEP = 180_000;
let served: Served;
let app: AppInChromium;
let page: Page;
let audited: Inspection;

servedInChromium({
  now: '2026-11-20T08:00:00.000Z',
  prepare: async (fresh) => {
    served = fresh;
    const wb = served.wb;
    await withOrganisation(wb);
    const create = (branchCode: string) =>
      wb.dispatch('inspections:create', {
        branchCode,
        period: '2026-10',
        kind: 'regional_audit',
      }) as Promise<Inspection>;
    const east1 = await create('EAST-001');
    // CS-FCR: target 85, warning 75, so 70 fails; CS-SAT passes and is no finding.
    await wb.dispatch('measurements:upsert', { inspectionId: east1.id, standardCode: 'CS-FCR', value: 70 });
    await wb.dispatch('measurements:upsert', { inspectionId: east1.id, standardCode: 'CS-SAT', value: 95 });
    // An action on the same branch and standard, typed by hand: not raised from the finding.
    await wb.dispatch('actions:create', {
      branchCode: 'EAST-001',
      standardCode: 'CS-FCR',
      action: '更新首问负责制手册',
      department: '客户服务中心',
      owner: '王伟',
      dueDate: '2026-12-31',
    });
    audited = await create('EAST-002');
    await wb.dispatch('measurements:upsert', { inspectionId: audited.id, standardCode: 'CS-SAT', value: 96 });
    await wb.dispatch('measurements:upsert', { inspectionId: audited.id, standardCode: 'CS-FCR', value: 88 });
    // Three values, beside two inspections: a count of either is told from the other's.
    await wb.dispatch('measurements:upsert', {
      inspectionId: audited.id,
      standardCode: 'NET-DCR',
      value: 0.3,
    });
  },
  opened: (opened) => {
    app = opened;
    page = opened.page;
  },
});

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
const rowsOf = (grid: string) => page.locator(`[data-testid="${grid}"] .ag-row`);
/** A screenshot once the last toast has gone. */
async function shot(name: string): Promise<void> {
  await eventually(() => page.locator('.ant-message-notice').count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
const sql = <T>(query: string, ...params: unknown[]) => served.wb.db.prepare(query).all(...params) as T[];

describe('findings and inspection status in Chromium', () => {
  it(
    'raises a corrective action from a failed measurement, linked to it',
    async () => {
      await goTo(page, 'findings');
      // What still needs action: the one failed measurement.
      await eventually(() => rowsOf('findings-grid').count()).toBe(1);
      const row = rowsOf('findings-grid').first();
      await eventually(() => row.innerText()).toContain('首问解决率');
      expect(await row.locator('[col-id="severity"]').innerText()).toBe('不达标');
      await row.locator('[data-testid="finding-raise"]').click();

      const form = byTestId('action-form');
      await form.waitFor();
      await eventually(() => byTestId('action-form-finding').inputValue()).toBe(
        '2026-10 首问解决率：实测 70%，目标 85%（不达标）',
      );
      // The unfinished action typed by hand on the same branch and standard is named before a second is made.
      await eventually(() => byTestId('action-form-same-open').innerText()).toContain('更新首问负责制手册');
      // The finding's branch and standard are the action's.
      await eventually(() => form.locator('.ant-select-disabled').first().innerText()).toContain('EAST-001');
      expect(await form.innerText()).toContain('CS-FCR');
      await byTestId('action-form-action').fill('开展首问负责制专项培训');
      await byTestId('action-form-department').fill('客户服务中心');
      await byTestId('action-form-owner').fill('李娜');
      const due = form.locator('.ant-picker input');
      await due.click();
      await due.fill('2026-12-15');
      await due.press('Enter');
      await byTestId('action-form-save').click();

      await eventually(() => rowsOf('findings-grid').count()).toBe(0);
      const [action] = sql<{ measurement_id: string; standard_code: string; finding: string }>(
        'SELECT measurement_id, standard_code, finding FROM actions WHERE measurement_id IS NOT NULL',
      );
      const [failed] = sql<{ id: string }>("SELECT id FROM measurements WHERE verdict = 'fail'");
      expect(action).toEqual({
        measurement_id: failed!.id,
        standard_code: 'CS-FCR',
        finding: '2026-10 首问解决率：实测 70%，目标 85%（不达标）',
      });

      // All findings: the raised one says so and links to its actions.
      await byTestId('findings-show').getByText('全部').click();
      await eventually(() => rowsOf('findings-grid').first().innerText()).toContain('已有措施 1 条');
      await shot('findings-zh');
      // Its link shows the action raised from it, not the one typed by hand on the same standard.
      await rowsOf('findings-grid').first().getByText('已有措施 1 条').click();
      await eventually(() => page.getByText(/^共 \d+ 条$/).innerText()).toBe('共 1 条');
      await eventually(() => page.locator('body').innerText()).toContain('问题：所选问题');
      expect(app.pageErrors).toEqual([]);
    },
    STEP,
  );

  it(
    'records an observation, which then waits for an action, and corrects it',
    async () => {
      await goTo(page, 'findings');
      await byTestId('observation-new').click();
      await chooseOption(page, 'observation-branch', 'EAST-002');
      // A hint, not what looked like a value already filled in (2026-11) and then failed as 必填.
      expect(await byTestId('observation-period').getAttribute('placeholder')).toBe('如 2026-11');
      // Read as an import reads a period.
      await byTestId('observation-period').fill('2026年11月');
      // The contract's bound is the field's: it was refused after saving, in English ("description：…").
      expect(await byTestId('observation-description').getAttribute('maxlength')).toBe('4000');
      await byTestId('observation-description').fill('排队叫号屏故障，客户无法看到等候人数');
      await byTestId('observation-save').click();
      await eventually(() => sql('SELECT period, description FROM findings')).toEqual([
        { period: '2026-11', description: '排队叫号屏故障，客户无法看到等候人数' },
      ]);
      await goTo(page, 'findings?severity=observation');
      await eventually(() => rowsOf('findings-grid').first().innerText()).toContain('排队叫号屏故障');
      expect(await rowsOf('findings-grid').first().locator('[col-id="severity"]').innerText()).toBe('观察');
      // The period filter reads a period as people write it, on Enter; what it cannot read turns it red.
      const period = byTestId('findings-period');
      await period.fill('2026年10月');
      await period.press('Enter');
      await eventually(() => period.inputValue()).toBe('2026-10');
      await eventually(() => byTestId('grid-total').innerText()).toBe('0 行');
      await period.fill('2026/11');
      await period.press('Enter');
      await eventually(() => byTestId('grid-total').innerText()).toBe('1 行');
      await period.fill('2026-13');
      await eventually(() =>
        page.locator('.ant-input-status-error [data-testid="findings-period"]').count(),
      ).toBe(1);
      expect(await period.getAttribute('title')).toMatch(/^无法识别的期间/);

      // A slip in its words is corrected in the same form, prefilled: it could only be deleted.
      await goTo(page, 'findings?severity=observation&period=2026-11');
      await rowsOf('findings-grid').first().getByTestId('observation-edit').click();
      await eventually(() => byTestId('observation-description').inputValue()).toBe(
        '排队叫号屏故障，客户无法看到等候人数',
      );
      expect(await byTestId('observation-period').inputValue()).toBe('2026-11');
      await eventually(() => byTestId('observation-form').innerText()).toContain('EAST-002 上海徐汇营业厅');
      expect(await page.locator('.ant-modal-title:visible').innerText()).toBe('修改观察');
      await byTestId('observation-description').fill('排队叫号屏故障，客户看不到等候人数和预计等候时间');
      await shot('observation-edit-zh');
      await byTestId('observation-save').click();
      await eventually(() => rowsOf('findings-grid').first().innerText()).toContain('预计等候时间');
      expect(
        sql('SELECT b.code, f.period, f.description FROM findings f JOIN branches b ON b.id = f.branch_id'),
      ).toEqual([
        {
          code: 'EAST-002',
          period: '2026-11',
          description: '排队叫号屏故障，客户看不到等候人数和预计等候时间',
        },
      ]);
      expect(
        sql(
          `SELECT json_extract(before_json, '$.description') AS d FROM audit_log
            WHERE entity_type = 'findings' AND action = 'update'`,
        ),
      ).toEqual([{ d: '排队叫号屏故障，客户无法看到等候人数' }]);

      // Recorded by mistake: deleted after asking, the audit trail keeps it.
      await rowsOf('findings-grid').first().getByTestId('observation-delete').click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: /^删\s?除$/ })
        .click();
      await eventually(() => sql('SELECT count(*) AS n FROM findings')).toEqual([{ n: 0 }]);
      await eventually(() => byTestId('grid-total').innerText()).toBe('0 行');
      expect(app.pageErrors).toEqual([]);
    },
    STEP,
  );

  it(
    'submits and approves an inspection, which locks its values, then sends it back and deletes it',
    async () => {
      // Opened from the list, as an officer does: the list stays on the page behind its tab.
      await goTo(page, 'inspections');
      await rowsOf('inspections-grid').filter({ hasText: 'EAST-002' }).click();
      const status = byTestId('inspection-status');
      await eventually(() => status.innerText()).toBe('草稿');
      await byTestId('inspection-submit').click();
      await eventually(() => status.innerText()).toBe('已提交');
      await byTestId('inspection-approve').click();
      await eventually(() => status.innerText()).toBe('已审核');
      expect(sql('SELECT status FROM inspections WHERE id = ?', audited.id)).toEqual([
        { status: 'approved' },
      ]);

      // Approved: no editor opens on a value, nothing to add, no deletion.
      await eventually(() => rowsOf('measurements-grid').count()).toBe(3);
      // The count is the measurements', not the list of inspections' refreshed under it.
      await eventually(() => page.locator('[data-testid="grid-total"]:visible').innerText()).toBe('3 行');
      // Every column shows at 1440 px, the last one too (it used to be cut off).
      const grid = (await byTestId('measurements-grid').boundingBox())!;
      const last = await page
        .locator('[data-testid="measurements-grid"] .ag-header-cell[col-id="kind"]')
        .boundingBox();
      expect(last!.x + last!.width).toBeLessThanOrEqual(grid.x + grid.width);
      await rowsOf('measurements-grid').first().locator('[col-id="value"]').dblclick();
      expect(await page.locator('[data-testid="measurements-grid"] .ag-cell-inline-editing').count()).toBe(0);
      expect(await byTestId('add-value').count()).toBe(0);
      expect(await byTestId('inspection-delete').isDisabled()).toBe(true);
      await shot('inspection-approved-zh');
      // So in all of the month's measurements, where its rows sit beside a draft's: they offered an
      // editor the service then refused, and an emptied cell asked to delete before being refused.
      await goTo(page, 'inspections?tab=measurements&period=2026-10');
      const cell = (branch: string) =>
        rowsOf('measurements-grid')
          .filter({ hasText: branch })
          .filter({ hasText: 'CS-SAT' })
          .locator('[col-id="value"]');
      const editors = page.locator('[data-testid="measurements-grid"] .ag-cell-inline-editing');
      await eventually(() => rowsOf('measurements-grid').count()).toBe(5);
      await cell('EAST-002').dblclick();
      expect(await editors.count()).toBe(0);
      await cell('EAST-002').press('Delete');
      expect(await page.locator('.ant-modal-confirm:visible').count()).toBe(0);
      expect(await cell('EAST-002').innerText()).toBe('96');
      // Why, on hover (entered afresh: the pointer is still there from the double click).
      await page.locator('[data-testid="measurements-grid"] .ag-header-cell[col-id="unit"]').hover();
      await cell('EAST-002').hover();
      await eventually(() => page.locator('.ag-tooltip').innerText()).toBe(
        '所属检查已审核，退回草稿后可修改',
      );
      await shot('value-locked-zh');
      await cell('EAST-001').click();
      await eventually(() => editors.count()).toBe(1);
      await page.keyboard.press('Escape');
      await eventually(() => editors.count()).toBe(0);
      expect(await cell('EAST-001').getAttribute('class')).not.toContain('qw-read-only');
      // The list of inspections says so too (it kept 草稿 until a reload).
      await page.getByRole('tab', { name: '检查记录' }).click();
      const listed = rowsOf('inspections-grid').filter({ hasText: 'EAST-002' });
      await eventually(() => listed.locator('[col-id="status"]').innerText()).toBe('已审核');
      await listed.click();
      await eventually(() => status.innerText()).toBe('已审核');

      await byTestId('inspection-backToDraft').click();
      await eventually(() => status.innerText()).toBe('草稿');
      await byTestId('inspection-delete').click();
      const confirm = page.locator('.ant-modal-confirm:visible');
      await eventually(() => confirm.innerText()).toContain('其 3 个测量值将一并删除');
      await confirm.getByRole('button', { name: /^删\s?除$/ }).click();

      // Back on the list of inspections, with only EAST-001's left.
      await eventually(() => rowsOf('inspections-grid').count()).toBe(1);
      expect(sql('SELECT count(*) AS n FROM inspections WHERE id = ?', audited.id)).toEqual([{ n: 0 }]);
      expect(sql('SELECT count(*) AS n FROM measurements WHERE inspection_id = ?', audited.id)).toEqual([
        { n: 0 },
      ]);

      // A slip seen too late: the notice of the deletion takes it back, measurements and all.
      await page.getByTestId('notice-undo').click();
      await eventually(() => rowsOf('inspections-grid').count()).toBe(2);
      expect(sql('SELECT count(*) AS n FROM measurements WHERE inspection_id = ?', audited.id)).toEqual([
        { n: 3 },
      ]);
      await eventually(() => page.locator('.ant-message').innerText()).toContain('已撤销删除');
      expect(app.pageErrors).toEqual([]);
    },
    STEP,
  );
});
