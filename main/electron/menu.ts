/**
 * The application menu in the user's language (Settings, else the system locale): the
 * standard edit and window roles, so copy/paste and zoom behave as in any program, plus the
 * few commands that belong to the desktop: import, backup, the data folder.
 */
import type { MenuItemConstructorOptions } from 'electron';

export type MenuLang = 'zh' | 'en';

export interface MenuActions {
  importWorkbooks(): void;
  saveBackup(): void;
  openDataFolder(): void;
  about(): void;
}

const LABELS = {
  file: { zh: '文件', en: 'File' },
  importWorkbooks: { zh: '导入工作簿…', en: 'Import Workbooks…' },
  saveBackup: { zh: '备份数据库…', en: 'Back Up Database…' },
  openDataFolder: { zh: '打开数据文件夹', en: 'Open Data Folder' },
  quit: { zh: '退出', en: 'Quit' },
  edit: { zh: '编辑', en: 'Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select All' },
  view: { zh: '视图', en: 'View' },
  reload: { zh: '重新加载', en: 'Reload' },
  resetZoom: { zh: '实际大小', en: 'Actual Size' },
  zoomIn: { zh: '放大', en: 'Zoom In' },
  zoomOut: { zh: '缩小', en: 'Zoom Out' },
  fullScreen: { zh: '全屏', en: 'Toggle Full Screen' },
  devTools: { zh: '开发者工具', en: 'Developer Tools' },
  window: { zh: '窗口', en: 'Window' },
  minimize: { zh: '最小化', en: 'Minimize' },
  close: { zh: '关闭窗口', en: 'Close Window' },
  help: { zh: '帮助', en: 'Help' },
  about: { zh: '关于质量工作台', en: 'About Quality Workbench' },
} as const;

export function menuLangOf(setting: string | null | undefined, systemLocale: string): MenuLang {
  if (setting === 'zh' || setting === 'en') return setting;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function menuTemplate(
  lang: MenuLang,
  actions: MenuActions,
  options: { mac: boolean; devTools: boolean },
): MenuItemConstructorOptions[] {
  const t = (key: keyof typeof LABELS) => LABELS[key][lang];
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t('reload') },
    { type: 'separator' },
    { role: 'resetZoom', label: t('resetZoom') },
    { role: 'zoomIn', label: t('zoomIn') },
    { role: 'zoomOut', label: t('zoomOut') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t('fullScreen') },
  ];
  if (options.devTools) view.push({ role: 'toggleDevTools', label: t('devTools') });
  return [
    ...(options.mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('file'),
      submenu: [
        { label: t('importWorkbooks'), accelerator: 'CmdOrCtrl+O', click: () => actions.importWorkbooks() },
        { label: t('saveBackup'), click: () => actions.saveBackup() },
        { type: 'separator' },
        { label: t('openDataFolder'), click: () => actions.openDataFolder() },
        { type: 'separator' },
        options.mac ? { role: 'close', label: t('close') } : { role: 'quit', label: t('quit') },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { role: 'undo', label: t('undo') },
        { role: 'redo', label: t('redo') },
        { type: 'separator' },
        { role: 'cut', label: t('cut') },
        { role: 'copy', label: t('copy') },
        { role: 'paste', label: t('paste') },
        { role: 'selectAll', label: t('selectAll') },
      ],
    },
    { label: t('view'), submenu: view },
    {
      label: t('window'),
      submenu: [
        { role: 'minimize', label: t('minimize') },
        { role: 'close', label: t('close') },
      ],
    },
    { role: 'help', label: t('help'), submenu: [{ label: t('about'), click: () => actions.about() }] },
  ];
}
