/** Writes a plan or a review to .xlsx or .pdf (the PDF from the same print view the app shows). */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/contract';
import type { ExportResult } from '../../shared/contracts/plans';
import type { ServiceContext } from '../services/context';
import { planHtml } from '../print/plan-html';
import { reviewHtml } from '../print/review-html';
import { htmlToPdf } from '../print/pdf';
import { writeReviewXlsx } from '../reviews/xlsx';
import { getReview } from '../reviews/service';
import { writePlanXlsx } from './xlsx';
import { getPlan } from './service';

type Request = ParsedInput<'plans:export'>;

async function write(
  file: string,
  xlsx: (f: string) => Promise<void>,
  html: () => string,
  format: Request['format'],
): Promise<ExportResult> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Written beside the target and renamed, so a failed export never leaves half a file.
  const temp = `${target}.partial-${process.pid}`;
  try {
    if (format === 'xlsx') await xlsx(temp);
    else await htmlToPdf(html(), temp);
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { path: target, bytes: fs.statSync(target).size };
}

export function exportPlan(ctx: ServiceContext, input: Request): Promise<ExportResult> {
  const plan = getPlan(ctx, input.id);
  return write(
    input.path,
    (f) => writePlanXlsx(plan, input.lang, f),
    () => planHtml(plan, input.lang),
    input.format,
  );
}

export function exportReview(
  ctx: ServiceContext,
  input: ParsedInput<'reviews:export'>,
): Promise<ExportResult> {
  const review = getReview(ctx, input.id);
  return write(
    input.path,
    (f) => writeReviewXlsx(review, input.lang, f),
    () => reviewHtml(review, input.lang),
    input.format,
  );
}
