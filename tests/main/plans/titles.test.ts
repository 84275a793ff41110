/**
 * A plan's or a review's title made up by the workbench is in the user's language: generated
 * from the English page it was stored in Chinese, and the English page listed it so.
 */
import { describe, expect, it } from 'vitest';
import type { Plan, Review } from '../../../shared/contracts/plans';
import { qms, testWorkbench } from '../../helpers/workbench';
import { EAST_2026_10 } from './east-2026-10';
import { loadEastSample } from './samples';

describe('generated titles', () => {
  it('are in the language asked for, Chinese by default', async () => {
    const wb = testWorkbench();
    await loadEastSample(wb);
    const en = (await wb.dispatch('plans:generate', { ...EAST_2026_10, lang: 'en' })) as Plan;
    expect(en.title).toMatch(/ 2026-10 PDCA improvement plan$/);
    const zh = (await wb.dispatch('plans:generate', EAST_2026_10)) as Plan;
    expect(zh.title).toMatch(/ 2026-10 PDCA 改进计划$/);
    const review = (await wb.dispatch('reviews:create', { ...EAST_2026_10, lang: 'en' })) as Review;
    expect(review.title).toMatch(/ 2026-10 management review$/);
    wb.close();
  });

  it('follow --lang on the command line', async () => {
    const wb = testWorkbench();
    await loadEastSample(wb);
    wb.close();
    const run = qms(['--db', wb.dbPath, '--lang', 'en', 'plan', '--scope', 'EAST', '--period', '2026-10']);
    expect(run.status).toBe(0);
    const again = testWorkbench({ dir: wb.dir });
    const [plan] = (await again.dispatch('plans:list', {})) as Plan[];
    expect(plan!.title).toMatch(/PDCA improvement plan$/);
    again.close();
  });
});
