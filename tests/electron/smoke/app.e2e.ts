/**
 * The desktop app end to end (Playwright's _electron): launch on a fresh data folder, check
 * the page got only the bridge, import a sample workbook through the File menu with the
 * native open dialog replaced (the way Joplin's integration tests do), and see its rows in
 * the grid. Needs an Electron runtime; where there is none it is reported as skipped, with
 * the reason on stderr and in the test's name, rather than passing as if it had run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES, tempDir } from '../../helpers/workbench';

interface Runtime {
  available: boolean;
  executable?: string;
  reason?: string;
}
const { findElectronRuntime } = (await import(path.join(ROOT, 'scripts/electron-runtime.mjs'))) as {
  findElectronRuntime(options?: { download?: boolean }): Runtime;
};
const runtime = findElectronRuntime({ download: true });

if (!runtime.available) {
  // Reported as skipped, with the reason, never as a pass.
  process.stderr.write(`Electron smoke test NOT RUN: ${runtime.reason}\n`);
  it.skip(`NOT RUN (${runtime.reason})`, () => {});
} else {
  describe('the desktop app', () => {
    let app: ElectronApplication;
    const userData = tempDir('qw-electron-e2e-');

    beforeAll(async () => {
      const renderer = spawnSync('npm', ['run', '--silent', 'build:renderer'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      expect(renderer.status).toBe(0);
      const { buildElectron } = await import(path.join(ROOT, 'scripts/build-electron.mjs'));
      await buildElectron();
      const { rebuildNative } = await import(path.join(ROOT, 'scripts/rebuild-native.mjs'));
      await rebuildNative();
      app = await _electron.launch({
        executablePath: runtime.executable!,
        args: [ROOT],
        env: { ...process.env, QMS_USER_DATA: userData, LANG: 'zh_CN.UTF-8' },
      });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('starts with the database in its user-data folder and a page that has only the bridge', async () => {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://workbench/index.html');
      expect(
        await page.evaluate(() => Object.keys((window as unknown as { qms: object }).qms).sort()),
      ).toEqual(['invoke', 'onProgress']);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
        'undefined',
      );
      const info = await page.evaluate(() =>
        (window as unknown as { qms: { invoke: (c: string, i: unknown) => Promise<unknown> } }).qms.invoke(
          'system:info',
          {},
        ),
      );
      expect(info).toMatchObject({ ok: true, value: { dbPath: path.join(userData, 'workbench.db') } });
      expect(fs.existsSync(path.join(userData, 'backups'))).toBe(true);
    });

    it('imports a sample chosen in the (stubbed) open dialog and shows its rows in the grid', async () => {
      const page = await app.firstWindow();
      const sample = path.join(SAMPLES, 'branches.xlsx');
      await app.evaluate(({ dialog }, file) => {
        dialog.showOpenDialog = (async () => ({
          canceled: false,
          filePaths: [file],
        })) as typeof dialog.showOpenDialog;
      }, sample);
      // File > Import Workbooks… (found by label: macOS puts the app menu first).
      await app.evaluate(({ Menu }) => {
        const file = Menu.getApplicationMenu()!.items.find(
          (item) => item.label === '文件' || item.label === 'File',
        );
        file!.submenu!.items[0]!.click();
      });
      await page.getByRole('button', { name: /^(导入|Import)$/ }).click();
      await expect.poll(() => page.locator('.ag-row').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.ag-cell', { hasText: 'EAST-001' }).count()).toBeGreaterThan(0);
    });
  });
}
