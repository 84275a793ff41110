/**
 * The Electron main process: one window over the same services the CLI and `qms serve` use.
 * Thin by design: it opens the database in the user-data folder with Electron's build of
 * better-sqlite3, registers the contract on IPC, and owns only what needs the desktop
 * (window, menu, dialogs, dropped files, daily backups, a clean shutdown).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { DB_FILE_NAME } from '../platform/paths';
import { getSettings } from '../services/system';
import { APP_VERSION } from '../version';
import { openWorkbench, type Workbench } from '../workbench';
import { withBackupBeforeImport } from '../services/backups';
import { BACKUP_DIR_NAME, dailyBackup } from './backups';
import { pdfExportsViaElectron } from './pdf-exports';
import { printHtmlToPdf } from './print-to-pdf';
import {
  askForWorkbooks,
  desktopHandlers,
  PendingWorkbooks,
  saveBackupInteractively,
  type DesktopDeps,
} from './desktop-handlers';
import { registerContractIpc, sendProgress } from './ipc';
import { menuLangOf, menuTemplate, type MenuLang } from './menu';
import { devNativeBinding, packagedNativeBinding } from './native-binding';
import { SCHEME_PRIVILEGES, serveAppRequest } from './protocol';
import { APP_SCHEME, WORKBOOK_EXTENSIONS } from './security';
import { createMainWindow, hardenSession, hardenWebContents, windowStateOf } from './window';
import { fitToDisplays, readWindowState, writeWindowState } from './window-state';

const HOUR = 60 * 60 * 1000;
/** Bundled beside main.cjs by scripts/build-electron.mjs; unpacked from app.asar (electron-builder.yml). */
const IMPORT_WORKER_FILE = 'import-worker.cjs';
/** dist/electron/ in a checkout and inside app.asar alike. */
const appRoot = path.join(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');

// Must precede `ready`: gives app:// a real, secure origin.
protocol.registerSchemesAsPrivileged([SCHEME_PRIVILEGES]);
// Lets the end-to-end test (and a user who wants a second data set) run on its own folder.
if (process.env.QMS_USER_DATA) app.setPath('userData', path.resolve(process.env.QMS_USER_DATA));

if (!app.requestSingleInstanceLock()) app.quit();
else run();

function run(): void {
  let win: BrowserWindow | null = null;
  let workbench: Workbench | null = null;
  let stopIpc: (() => void) | null = null;
  let backupTimer: NodeJS.Timeout | null = null;
  let lang: MenuLang = 'en';
  const pending = new PendingWorkbooks((event) => win && sendProgress(win.webContents, event));

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (file) => pending.add([file])),
  );
  // A second launch (e.g. "Open with" on a workbook) focuses this window and offers its files.
  app.on('second-instance', (_event, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    pending.add(workbooksIn(argv));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    if (win && !win.isDestroyed()) writeWindowState(app.getPath('userData'), windowStateOf(win));
  });
  app.on('will-quit', () => {
    if (backupTimer) clearInterval(backupTimer);
    stopIpc?.();
    workbench?.close();
    workbench = null;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));

      const userData = app.getPath('userData');
      const nativeBinding = app.isPackaged
        ? packagedNativeBinding(process.resourcesPath)
        : devNativeBinding(appRoot);
      // The import worker (main/import/in-worker.ts) opens its own connection: it finds the
      // Electron build of better-sqlite3 and its bundled entry through the environment it inherits.
      process.env.QMS_SQLITE_BINDING = nativeBinding;
      process.env.QMS_IMPORT_WORKER = path
        .join(__dirname, IMPORT_WORKER_FILE)
        .replace('app.asar', 'app.asar.unpacked');
      workbench = openWorkbench({ dbPath: path.join(userData, DB_FILE_NAME), nativeBinding });
      const wb = workbench;
      lang = menuLangOf(getSettings(wb.ctx).language, app.getLocale());

      const backupNow = () => dailyBackup(wb.db, path.join(userData, BACKUP_DIR_NAME), new Date());
      backupNow();
      backupTimer = setInterval(backupNow, HOUR);

      const deps: DesktopDeps = {
        dialog,
        window: () => (win && !win.isDestroyed() ? win : null),
        db: wb.db,
        lang: () => lang,
        folders: { last: null, documents: app.getPath('documents') },
        pending,
      };
      const setMenu = () =>
        Menu.setApplicationMenu(
          Menu.buildFromTemplate(
            menuTemplate(
              lang,
              {
                importWorkbooks: () => void askForWorkbooks(deps, true).then((paths) => pending.add(paths)),
                saveBackup: () => void saveBackupInteractively(deps, new Date()),
                openDataFolder: () => void shell.openPath(userData),
                about: () => void showAbout(deps, wb.ctx.dbPath),
              },
              { mac: process.platform === 'darwin', devTools: !app.isPackaged },
            ),
          ),
        );
      const handlers: Handlers = {
        ...wb.handlers,
        ...desktopHandlers(deps, wb.ctx.now),
        ...withBackupBeforeImport(wb.handlers, wb.ctx),
        ...pdfExportsViaElectron(wb.handlers, printHtmlToPdf),
        // The menu follows the language chosen in Settings.
        'settings:set': async (input) => {
          const settings = await wb.handlers['settings:set'](input);
          lang = menuLangOf(settings.language, app.getLocale());
          setMenu();
          return settings;
        },
      };
      stopIpc = registerContractIpc(ipcMain, handlers);
      setMenu();

      const saved = readWindowState(userData);
      win = createMainWindow({
        preloadPath: path.join(__dirname, 'preload.cjs'),
        iconPath: path.join(appRoot, 'assets', 'icons', '512x512.png'),
        state: fitToDisplays(
          saved,
          screen.getAllDisplays().map((d) => d.workArea),
        ),
        title: lang === 'zh' ? '质量工作台' : 'Quality Workbench',
      });
      pending.add(workbooksIn(process.argv));
    })
    .catch((error: unknown) => {
      const message =
        error instanceof AppError ? error.localized(lang) : String((error as Error)?.stack ?? error);
      dialog.showErrorBox(lang === 'zh' ? '质量工作台无法启动' : 'Quality Workbench cannot start', message);
      app.exit(2);
    });
}

/** Workbook paths among command-line arguments (a file opened with the app). */
function workbooksIn(argv: string[]): string[] {
  return argv
    .slice(1)
    .filter((arg) => WORKBOOK_EXTENSIONS.includes(path.extname(arg).slice(1).toLowerCase()))
    .map((arg) => path.resolve(arg))
    .filter((file) => fs.existsSync(file));
}

async function showAbout(deps: DesktopDeps, dbPath: string): Promise<void> {
  const win = deps.window();
  if (!win) return;
  const zh = deps.lang() === 'zh';
  await dialog.showMessageBox(win, {
    type: 'info',
    title: zh ? '关于' : 'About',
    message: `${zh ? '质量工作台' : 'Quality Workbench'} ${APP_VERSION}`,
    detail: `${zh ? '数据库' : 'Database'}: ${dbPath}`,
  });
}
