/**
 * The plan and the review most plan tests look at: region EAST in 2026-10, the month of the
 * sample workbook. Made through the dispatcher, as the app makes them, or by the CLI, as a
 * user types it; the CLI must succeed with nothing on stderr.
 */
import { expect } from 'vitest';
import type { Plan, Review } from '../../../shared/contracts/plans';
import type { Workbench } from '../../../main/workbench';
import { qms, type TestWorkbench } from '../../helpers/workbench';

export const EAST_2026_10 = { scope: { type: 'region', code: 'EAST' }, period: '2026-10' } as const;

export const generatePlan = async (wb: Workbench): Promise<Plan> =>
  (await wb.dispatch('plans:generate', EAST_2026_10)) as Plan;

export const createReview = async (wb: Workbench): Promise<Review> =>
  (await wb.dispatch('reviews:create', EAST_2026_10)) as Review;

/** `qms --lang zh <command> --scope EAST --period 2026-10 --out <out> [...more]`. */
export function qmsEast(wb: TestWorkbench, command: 'plan' | 'review', out: string, ...more: string[]): void {
  const run = qms([
    '--db',
    wb.dbPath,
    '--lang',
    'zh',
    command,
    '--scope',
    EAST_2026_10.scope.code,
    '--period',
    EAST_2026_10.period,
    '--out',
    out,
    ...more,
  ]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}
