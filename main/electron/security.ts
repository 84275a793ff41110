/**
 * The window's lockdown, in one place so a test can read it whole: what the renderer may run,
 * load and ask for. Modelled on Actual Budget's security.ts, with the sandbox on.
 */
import type { WebPreferences } from 'electron';

/** The renderer is served from this origin only (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Scripts only from the app itself; styles may be inline because antd and ag-grid inject
 * theirs at run time; no network, no frames, no plugins, no forms posting anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function lockedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped outside the renderer's drop zones becomes a navigation to its file://
    // URL, which window.ts cancels and turns into an import offer (never a page load).
    navigateOnDragDrop: true,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** True for a URL of the app's own origin; everything else is foreign. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The part of an IPC event the sender check needs (Electron's IpcMainInvokeEvent has it). */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** A contract call is answered only for the app's own top-level page, never a subframe. */
export function isTrustedSender(event: SenderLike): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** URLs the session may fetch: the app's own files, and in-memory data the app created. */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || /^(data|blob|devtools|chrome-extension):/.test(url);
}

/** A dropped file arrives as a navigation to its file:// URL; these are the ones we take. */
export const WORKBOOK_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'csv'];

export function droppedWorkbookPath(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'file:') return null;
  const ext = u.pathname.split('.').pop()?.toLowerCase() ?? '';
  if (!WORKBOOK_EXTENSIONS.includes(ext)) return null;
  return fileUrlToPath(u);
}

function fileUrlToPath(u: URL): string {
  const pathname = decodeURIComponent(u.pathname);
  // file:///C:/x.xlsx on Windows; file://server/share/x.xlsx for a UNC path.
  if (/^\/[A-Za-z]:\//.test(pathname)) return pathname.slice(1).replace(/\//g, '\\');
  if (u.host) return `\\\\${u.host}${pathname.replace(/\//g, '\\')}`;
  return pathname;
}
