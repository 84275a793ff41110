/**
 * The desktop-only contract calls, for real: native dialogs, workbooks waiting to be imported
 * (dropped on the window or picked from the menu), a backup where the user chooses. Electron
 * comes in as arguments, so tests drive these with fakes and a real database.
 */
import path from 'node:path';
import type {
  BrowserWindow,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { HandlersOf } from '../../shared/contract';
import {
  PENDING_WORKBOOKS_JOB,
  type desktopContract,
  type SAVE_FORMATS,
} from '../../shared/contracts/desktop';
import type { ProgressEvent } from '../../shared/transport';
import { backupDatabase } from '../db/backup';
import type { DB } from '../db/open';
import { localDay } from './backups';
import type { MenuLang } from './menu';
import { WORKBOOK_EXTENSIONS } from './security';

export interface DialogLike {
  showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export interface DesktopDeps {
  dialog: DialogLike;
  window(): BrowserWindow | null;
  db: DB;
  lang(): MenuLang;
  /** Where dialogs open first: the last folder used, else Documents. */
  folders: { last: string | null; documents: string };
  pending: PendingWorkbooks;
}

/** Workbooks waiting for the renderer to take them; adding some tells the renderer. */
export class PendingWorkbooks {
  private paths: string[] = [];
  constructor(private readonly notify: (event: ProgressEvent) => void) {}

  add(paths: string[]): void {
    const fresh = paths.filter((p) => !this.paths.includes(p));
    if (fresh.length === 0) return;
    this.paths.push(...fresh);
    this.notify({ jobId: PENDING_WORKBOOKS_JOB, phase: 'pending', done: 0, total: this.paths.length });
  }

  take(): string[] {
    const taken = this.paths;
    this.paths = [];
    return taken;
  }
}

const FILTER_NAMES: Record<(typeof SAVE_FORMATS)[number], Record<MenuLang, string>> = {
  xlsx: { zh: 'Excel 工作簿', en: 'Excel Workbook' },
  csv: { zh: 'CSV（UTF-8）', en: 'CSV (UTF-8)' },
  pdf: { zh: 'PDF 文档', en: 'PDF Document' },
  db: { zh: '质量工作台数据库', en: 'Quality Workbench Database' },
};

export async function askForWorkbooks(deps: DesktopDeps, multiple: boolean): Promise<string[]> {
  const win = deps.window();
  if (!win) return [];
  const zh = deps.lang() === 'zh';
  const result = await deps.dialog.showOpenDialog(win, {
    title: zh ? '选择要导入的工作簿' : 'Choose workbooks to import',
    defaultPath: deps.folders.last ?? deps.folders.documents,
    properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: [{ name: zh ? '工作簿' : 'Workbooks', extensions: WORKBOOK_EXTENSIONS }],
  });
  if (result.canceled || result.filePaths.length === 0) return [];
  deps.folders.last = path.dirname(result.filePaths[0]!);
  return result.filePaths;
}

async function askForSavePath(
  deps: DesktopDeps,
  defaultName: string,
  formats: readonly (typeof SAVE_FORMATS)[number][],
): Promise<string | null> {
  const win = deps.window();
  if (!win) return null;
  const result = await deps.dialog.showSaveDialog(win, {
    defaultPath: path.join(deps.folders.last ?? deps.folders.documents, defaultName),
    filters: formats.map((f) => ({ name: FILTER_NAMES[f][deps.lang()], extensions: [f] })),
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (result.canceled || !result.filePath) return null;
  deps.folders.last = path.dirname(result.filePath);
  return withExtension(result.filePath, formats);
}

/** Linux's dialog returns what was typed: add the chosen format's extension if it is missing. */
function withExtension(file: string, formats: readonly string[]): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  return formats.includes(ext) ? file : `${file}.${formats[0]}`;
}

export async function saveBackupInteractively(
  deps: DesktopDeps,
  now: Date,
): Promise<{ path: string | null; bytes: number }> {
  const name = `${deps.lang() === 'zh' ? '质量工作台备份' : 'quality-workbench-backup'}-${localDay(now)}.db`;
  const target = await askForSavePath(deps, name, ['db']);
  if (!target) return { path: null, bytes: 0 };
  return backupDatabase(deps.db, target);
}

export function desktopHandlers(
  deps: DesktopDeps,
  now: () => Date,
): HandlersOf<keyof typeof desktopContract> {
  return {
    'desktop:openWorkbooks': async (i) => ({ paths: await askForWorkbooks(deps, i.multiple) }),
    'desktop:chooseSavePath': async (i) => ({ path: await askForSavePath(deps, i.defaultName, i.formats) }),
    'desktop:takePendingWorkbooks': () => ({ paths: deps.pending.take() }),
    'desktop:saveBackup': () => saveBackupInteractively(deps, now()),
  };
}
