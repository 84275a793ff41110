/**
 * Writes a plan or a review to .xlsx or .pdf (the PDF from the same print view the app shows).
 * The renderers load on first use: echarts, Chromium's driver and exceljs together would add
 * two seconds to every start of the CLI and the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/contract';
import type { ExportResult } from '../../shared/contracts/plans';
import { writeAtomically } from '../platform/atomic-write';
import type { ServiceContext } from '../services/context';
import { getReview } from '../reviews/service';
import { getPlan } from './service';

type Request = ParsedInput<'plans:export'>;

async function write(
  input: Request,
  xlsx: (file: string) => Promise<void>,
  html: () => Promise<string>,
): Promise<ExportResult> {
  const target = path.resolve(input.path);
  await writeAtomically(target, async (temp) => {
    if (input.format === 'xlsx') await xlsx(temp);
    else await (await import('../print/pdf')).htmlToPdf(await html(), temp);
  });
  return { path: target, bytes: fs.statSync(target).size };
}

export function exportPlan(ctx: ServiceContext, input: Request): Promise<ExportResult> {
  const plan = getPlan(ctx, input.id);
  return write(
    input,
    async (f) => (await import('./xlsx')).writePlanXlsx(plan, input.lang, f),
    async () => (await import('../print/plan-html')).planHtml(plan, input.lang),
  );
}

export function exportReview(
  ctx: ServiceContext,
  input: ParsedInput<'reviews:export'>,
): Promise<ExportResult> {
  const review = getReview(ctx, input.id);
  return write(
    input,
    async (f) => (await import('../reviews/xlsx')).writeReviewXlsx(review, input.lang, f),
    async () => (await import('../print/review-html')).reviewHtml(review, input.lang),
  );
}

export async function planPrintView(
  ctx: ServiceContext,
  input: ParsedInput<'plans:printView'>,
): Promise<{ html: string }> {
  const plan = getPlan(ctx, input.id);
  return { html: (await import('../print/plan-html')).planHtml(plan, input.lang) };
}

export async function reviewPrintView(
  ctx: ServiceContext,
  input: ParsedInput<'reviews:printView'>,
): Promise<{ html: string }> {
  const review = getReview(ctx, input.id);
  return { html: (await import('../print/review-html')).reviewHtml(review, input.lang) };
}
