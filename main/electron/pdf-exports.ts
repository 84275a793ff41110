/**
 * Plans and reviews as PDF in the desktop app: users' machines have no Chromium for
 * main/print/pdf.ts, so the app prints the same print view (`plans:printView`,
 * `reviews:printView`) with Electron's own printToPDF (print-to-pdf.ts). Written to a temp
 * file and renamed, like every export; .xlsx exports pass through unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers, ParsedInput } from '../../shared/contract';
import type { ExportResult } from '../../shared/contracts/plans';
import { writeAtomically } from '../platform/atomic-write';

export type PrintHtmlToPdf = (html: string, file: string) => Promise<void>;

export function pdfExportsViaElectron(
  handlers: Handlers,
  print: PrintHtmlToPdf,
): Pick<Handlers, 'plans:export' | 'reviews:export'> {
  const printed = async (
    input: ParsedInput<'plans:export'>,
    view: (i: { id: string; lang: 'zh' | 'en' }) => Promise<{ html: string }> | { html: string },
  ): Promise<ExportResult> => {
    const target = path.resolve(input.path);
    const { html } = await view({ id: input.id, lang: input.lang });
    await writeAtomically(target, (temp) => print(html, temp));
    return { path: target, bytes: fs.statSync(target).size };
  };
  return {
    'plans:export': (i) =>
      i.format === 'pdf' ? printed(i, handlers['plans:printView']) : handlers['plans:export'](i),
    'reviews:export': (i) =>
      i.format === 'pdf' ? printed(i, handlers['reviews:printView']) : handlers['reviews:export'](i),
  };
}
