/**
 * The one workbench window and the guards on every web contents and session: navigation,
 * new windows, webviews and permission requests are all denied; requests leaving the app's
 * origin are cancelled; responses carry the CSP.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  droppedWorkbookPath,
  isAllowedRequest,
  lockedWebPreferences,
} from './security';
import { MIN_SIZE, type WindowState } from './window-state';

export interface WindowOptions {
  preloadPath: string;
  iconPath?: string;
  state: WindowState;
  title: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...options.state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    icon: options.iconPath,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: lockedWebPreferences(options.preloadPath),
  });
  if (options.state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/**
 * Every navigation is refused: the app is one page. A workbook dropped on the window shows up
 * here as a navigation to its file:// URL; it is handed to `onWorkbookDropped` instead.
 */
export function hardenWebContents(contents: WebContents, onWorkbookDropped: (path: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    const dropped = droppedWorkbookPath(url);
    if (dropped) onWorkbookDropped(dropped);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url) }),
  );
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );
}

/** The state to remember: the normal (not maximised) bounds, so un-maximising restores them. */
export function windowStateOf(win: BrowserWindow): WindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
}
