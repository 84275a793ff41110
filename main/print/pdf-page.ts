/**
 * The PDF page of the print views, for both printers: the CLI's headless Chromium (pdf.ts) and
 * the app's Electron printToPDF (main/electron/print-to-pdf.ts) must print the same page, so
 * they take it from here (each names the A4 size in its own option).
 */
export const PDF_PAGE = {
  landscape: true,
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate:
    '<div style="font-size:7pt;color:#888;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
} as const;

const MARGINS_MM = { top: 12, bottom: 14, left: 10, right: 10 };

/** The page margins in the unit a printer takes (Chromium: CSS lengths; Electron: inches). */
export function pdfMargins<T>(fromMm: (mm: number) => T): Record<keyof typeof MARGINS_MM, T> {
  return {
    top: fromMm(MARGINS_MM.top),
    bottom: fromMm(MARGINS_MM.bottom),
    left: fromMm(MARGINS_MM.left),
    right: fromMm(MARGINS_MM.right),
  };
}
