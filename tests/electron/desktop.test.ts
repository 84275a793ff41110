import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { PENDING_WORKBOOKS_JOB } from '../../shared/contracts/desktop';
import type { ProgressEvent } from '../../shared/transport';
import {
  desktopHandlers,
  PendingWorkbooks,
  type DesktopDeps,
  type DialogLike,
} from '../../main/electron/desktop-handlers';
import { ipcChannelOf } from '../../main/electron/channels';
import { registerContractIpc } from '../../main/electron/ipc';
import { menuLangOf, menuTemplate, type MenuActions } from '../../main/electron/menu';
import { SAMPLES, testWorkbench, type TestWorkbench } from '../helpers/workbench';
import { FakeIpcMain } from './fakes';

/** Native dialogs replaced by answers the test scripts, recording what was asked. */
function scriptedDialog(answer: { open?: string[]; save?: string | null }) {
  return {
    showOpenDialog: vi.fn(async () => ({ canceled: !answer.open?.length, filePaths: answer.open ?? [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: answer.save == null, filePath: answer.save ?? '' })),
  } satisfies DialogLike;
}

describe('desktop calls', () => {
  let wb: TestWorkbench;
  let ipc: FakeIpcMain;
  let events: ProgressEvent[];
  let deps: DesktopDeps;

  const setUp = (dialog: DialogLike, lang: 'zh' | 'en' = 'zh') => {
    events = [];
    deps = {
      dialog,
      window: () => ({}) as BrowserWindow,
      db: wb.db,
      lang: () => lang,
      folders: { last: null, documents: path.join(wb.dir, 'Documents') },
      pending: new PendingWorkbooks((e) => events.push(e)),
    };
    ipc = new FakeIpcMain();
    const handlers: Handlers = { ...wb.handlers, ...desktopHandlers(deps, wb.ctx.now) };
    registerContractIpc(ipc, handlers);
  };

  beforeEach(() => {
    wb = testWorkbench();
  });
  afterEach(() => wb.close());

  it('opens workbooks through the native dialog, filtered to workbooks, and remembers the folder', async () => {
    const sample = path.join(SAMPLES, 'east-2026-10-wide.xlsx');
    const dialog = scriptedDialog({ open: [sample] });
    setUp(dialog);
    expect(await ipc.invoke(ipcChannelOf('desktop:openWorkbooks'), {})).toEqual({
      ok: true,
      value: { paths: [sample] },
    });
    const [, options] = dialog.showOpenDialog.mock.calls[0] as unknown as [
      unknown,
      Electron.OpenDialogOptions,
    ];
    expect(options.properties).toContain('multiSelections');
    expect(options.filters?.[0]?.extensions).toEqual(['xlsx', 'xlsm', 'xls', 'csv']);
    expect(options.title).toBe('选择要导入的工作簿');
    expect(deps.folders.last).toBe(SAMPLES);
  });

  it('answers an empty list when the user cancels', async () => {
    setUp(scriptedDialog({}));
    expect(await ipc.invoke(ipcChannelOf('desktop:openWorkbooks'), { multiple: false })).toEqual({
      ok: true,
      value: { paths: [] },
    });
  });

  it('asks where to save with the formats offered, adding the extension a Linux dialog leaves off', async () => {
    const dialog = scriptedDialog({ save: path.join(wb.dir, 'out', '华东计划') });
    setUp(dialog, 'en');
    const reply = await ipc.invoke(ipcChannelOf('desktop:chooseSavePath'), {
      purpose: 'plan',
      defaultName: '华东 2026-10 计划.xlsx',
      formats: ['xlsx', 'pdf'],
    });
    expect(reply).toEqual({ ok: true, value: { path: path.join(wb.dir, 'out', '华东计划.xlsx') } });
    const [, options] = dialog.showSaveDialog.mock.calls[0] as unknown as [
      unknown,
      Electron.SaveDialogOptions,
    ];
    expect(options.defaultPath).toBe(path.join(wb.dir, 'Documents', '华东 2026-10 计划.xlsx'));
    expect(options.filters).toEqual([
      { name: 'Excel Workbook', extensions: ['xlsx'] },
      { name: 'PDF Document', extensions: ['pdf'] },
    ]);
  });

  it('rejects a malformed save request before any dialog opens', async () => {
    const dialog = scriptedDialog({ save: '/tmp/x.xlsx' });
    setUp(dialog);
    for (const bad of [
      { purpose: 'plan', defaultName: '../../etc/x.xlsx', formats: ['xlsx'] },
      { purpose: 'plan', defaultName: 'x.xlsx', formats: ['exe'] },
      { purpose: 'anything', defaultName: 'x.xlsx', formats: ['xlsx'] },
      { purpose: 'plan', defaultName: 'x.xlsx', formats: ['xlsx'], path: '/etc' },
    ]) {
      expect(await ipc.invoke(ipcChannelOf('desktop:chooseSavePath'), bad)).toMatchObject({
        ok: false,
        error: { kind: 'invalid' },
      });
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('saves a backup where the user chooses: a real, complete copy of the database', async () => {
    await wb.dispatch('regions:create', { code: 'EAST', name: '华东区' });
    const target = path.join(wb.dir, 'chosen.db');
    const dialog = scriptedDialog({ save: target });
    setUp(dialog);
    const reply = (await ipc.invoke(ipcChannelOf('desktop:saveBackup'), {})) as {
      ok: true;
      value: { path: string; bytes: number };
    };
    expect(reply.value.path).toBe(target);
    expect(reply.value.bytes).toBe(fs.statSync(target).size);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT code FROM regions').pluck().all()).toEqual(['EAST']);
    copy.close();
    const [, options] = dialog.showSaveDialog.mock.calls[0] as unknown as [
      unknown,
      Electron.SaveDialogOptions,
    ];
    expect(path.basename(options.defaultPath!)).toBe('质量工作台备份-2026-11-02.db');
  });

  it('queues workbooks offered outside the renderer, tells the renderer once, and hands them over once', async () => {
    setUp(scriptedDialog({}));
    deps.pending.add(['/data/a.xlsx', '/data/b.xlsx']);
    deps.pending.add(['/data/a.xlsx']);
    expect(events).toEqual([{ jobId: PENDING_WORKBOOKS_JOB, phase: 'pending', done: 0, total: 2 }]);
    expect(await ipc.invoke(ipcChannelOf('desktop:takePendingWorkbooks'), {})).toEqual({
      ok: true,
      value: { paths: ['/data/a.xlsx', '/data/b.xlsx'] },
    });
    expect(await ipc.invoke(ipcChannelOf('desktop:takePendingWorkbooks'), {})).toEqual({
      ok: true,
      value: { paths: [] },
    });
  });
});

describe('application menu', () => {
  const actions = () =>
    ({
      importWorkbooks: vi.fn(),
      saveBackup: vi.fn(),
      openDataFolder: vi.fn(),
      about: vi.fn(),
    }) satisfies MenuActions;
  const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);

  it('follows the language set in Settings, else the system locale', () => {
    expect(menuLangOf('en', 'zh-CN')).toBe('en');
    expect(menuLangOf(null, 'zh-CN')).toBe('zh');
    expect(menuLangOf(null, 'zh-TW')).toBe('zh');
    expect(menuLangOf(undefined, 'en-US')).toBe('en');
  });

  it('is in Chinese or English, with the desktop commands wired to their actions', () => {
    const a = actions();
    const zh = menuTemplate('zh', a, { mac: false, devTools: false });
    expect(labels(zh)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    const file = zh[0]!.submenu as MenuItemConstructorOptions[];
    expect(labels(file)).toEqual([
      '导入工作簿…',
      '备份数据库…',
      'separator',
      '打开数据文件夹',
      'separator',
      '退出',
    ]);
    for (const item of file) (item.click as (() => void) | undefined)?.();
    expect([a.importWorkbooks, a.saveBackup, a.openDataFolder].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1,
    ]);

    const en = menuTemplate('en', a, { mac: true, devTools: true });
    expect(labels(en)).toEqual(['appMenu', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(en[3]!.submenu as MenuItemConstructorOptions[])).toContain('Developer Tools');
    expect(labels(zh[2]!.submenu as MenuItemConstructorOptions[])).not.toContain('开发者工具');
  });
});
