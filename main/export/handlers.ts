import type { HandlersOf } from '../../shared/contract';
import type { exportContract } from '../../shared/contracts/export';
import type { ServiceContext } from '../services/context';

/**
 * The contract calls of exports and exchange workbooks, bound to one service context. The
 * writers load on first use, so exceljs is not paid for by every start of the CLI and the app.
 */
export function exportHandlers(ctx: ServiceContext): HandlersOf<keyof typeof exportContract> {
  return {
    'export:run': (i) =>
      ctx.jobs.run(i.jobId, async (job) =>
        (await import('./run')).runExport(ctx, i, (done, total) => {
          job.progress('write', done, total);
          // The last report comes after the rename: too late to take the file back.
          if (done !== total) job.throwIfCancelled();
        }),
      ),
    'exchange:import': async (i) =>
      (await import('./exchange-merge')).importExchange(ctx, i.path, { keepGood: i.skipInvalid }),
  };
}
