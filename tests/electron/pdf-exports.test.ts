/**
 * Plans and reviews as PDF in the desktop app go through Electron's printToPDF (replaced here
 * by a fake printer: the runtime is absent) with the same print view the app previews; the
 * file appears whole under its name or not at all; .xlsx exports pass through unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { pdfExportsViaElectron } from '../../main/electron/pdf-exports';
import { sampleWorkbench } from '../main/export/read';

let wb: Awaited<ReturnType<typeof sampleWorkbench>>;
let planId: string;
let reviewId: string;

beforeAll(async () => {
  wb = await sampleWorkbench();
  const scope = { type: 'region', code: 'EAST' };
  planId = ((await wb.dispatch('plans:generate', { scope, period: '2026-10' })) as Output<'plans:generate'>)
    .id;
  reviewId = ((await wb.dispatch('reviews:create', { scope, period: '2026-10' })) as Output<'reviews:create'>)
    .id;
});
afterAll(() => wb.close());

describe('PDF exports in the desktop app', () => {
  it('prints the print view of the plan and of the review with the given printer', async () => {
    const printed: { html: string; file: string }[] = [];
    const handlers = pdfExportsViaElectron(wb.handlers, async (html, file) => {
      printed.push({ html, file });
      fs.writeFileSync(file, `%PDF-1.7 fake ${html.length}`);
    });
    const plan = await handlers['plans:export']({
      id: planId,
      format: 'pdf',
      path: wb.out('out/plan.pdf'),
      lang: 'zh',
    });
    const review = await handlers['reviews:export']({
      id: reviewId,
      format: 'pdf',
      path: wb.out('review.pdf'),
      lang: 'en',
    });
    const planView = (await wb.handlers['plans:printView']({ id: planId, lang: 'zh' })).html;
    const reviewView = (await wb.handlers['reviews:printView']({ id: reviewId, lang: 'en' })).html;
    expect(printed.map((p) => p.html)).toEqual([planView, reviewView]);
    // Printed to a temp file beside the target, then renamed.
    expect(path.dirname(printed[0]!.file)).toBe(wb.out('out'));
    expect(printed[0]!.file).not.toBe(wb.out('out/plan.pdf'));
    expect(plan).toEqual({ path: wb.out('out/plan.pdf'), bytes: fs.statSync(wb.out('out/plan.pdf')).size });
    expect(fs.readFileSync(review.path, 'utf8')).toMatch(/^%PDF-1\.7 fake \d+$/);
    expect(fs.readdirSync(wb.out('out'))).toEqual(['plan.pdf']);
  });

  it('leaves nothing under the name when printing fails', async () => {
    const handlers = pdfExportsViaElectron(wb.handlers, async (_html, file) => {
      fs.writeFileSync(file, '%PDF-1.7 half');
      throw new Error('printToPDF failed');
    });
    await expect(
      handlers['plans:export']({ id: planId, format: 'pdf', path: wb.out('failed/plan.pdf'), lang: 'zh' }),
    ).rejects.toThrow('printToPDF failed');
    expect(fs.readdirSync(wb.out('failed'))).toEqual([]);
  });

  it('passes .xlsx exports to the ordinary handler', async () => {
    const handlers = pdfExportsViaElectron(wb.handlers, async () => {
      throw new Error('must not print');
    });
    const result = await handlers['plans:export']({
      id: planId,
      format: 'xlsx',
      path: wb.out('plan.xlsx'),
      lang: 'zh',
    });
    expect(result.bytes).toBeGreaterThan(1000);
    expect(fs.readFileSync(result.path).subarray(0, 2).toString()).toBe('PK');
  });
});
