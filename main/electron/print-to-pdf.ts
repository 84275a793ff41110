/**
 * The app's printToPDF: the same print HTML the CLI sends to headless Chromium
 * (main/print/pdf.ts), printed by a hidden Electron window instead, since users' machines
 * have no Chromium of their own. The page runs without JavaScript, in a throw-away session
 * that may load nothing but the page itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { PDF_PAGE, pdfMargins } from '../print/pdf-page';

const MM_PER_INCH = 25.4;

export async function printHtmlToPdf(html: string, file: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qms-print-'));
  const page = path.join(dir, 'print.html');
  fs.writeFileSync(page, html);
  const pageUrl = pathToFileURL(page).href;
  const printSession = session.fromPartition(`qms-print-${path.basename(dir)}`, { cache: false });
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !(details.url === pageUrl || details.url.startsWith('data:')) }),
  );
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  });
  try {
    await win.loadURL(pageUrl);
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      ...PDF_PAGE,
      margins: pdfMargins((mm) => mm / MM_PER_INCH),
    });
    fs.writeFileSync(file, pdf);
  } finally {
    win.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
