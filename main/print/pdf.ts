/**
 * HTML to PDF with headless Chromium (the CLI's path; the app prints the same HTML with
 * Electron's printToPDF). Chromium embeds the subset of each font it uses, so Chinese text
 * comes out in Noto Sans CJK rather than empty boxes.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../../shared/errors';
import { PDF_PAGE, pdfMargins } from './pdf-page';

export const CHROMIUM = process.env.QMS_CHROMIUM ?? '/usr/bin/chromium';

export async function htmlToPdf(html: string, file: string): Promise<void> {
  // A machine without it cannot make PDFs: the user's to install (or to export .xlsx instead).
  if (!fs.existsSync(CHROMIUM)) throw new AppError('unsupported', 'pdfNoChromium', { path: CHROMIUM });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: file, format: 'A4', ...PDF_PAGE, margin: pdfMargins((mm) => `${mm}mm`) });
  } finally {
    await browser.close();
  }
}
