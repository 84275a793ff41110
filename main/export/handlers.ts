import type { HandlersOf } from '../../shared/contract';
import type { exportContract } from '../../shared/contracts/export';
import type { ServiceContext } from '../services/context';
import { runExport } from './run';
import { importExchange } from './exchange-merge';

/** The contract calls of exports and exchange workbooks, bound to one service context. */
export function exportHandlers(ctx: ServiceContext): HandlersOf<keyof typeof exportContract> {
  return {
    'export:run': (i) =>
      ctx.jobs.run(i.jobId, (job) =>
        runExport(ctx, i, (done, total) => {
          job.progress('write', done, total);
          // The last report comes after the rename: too late to take the file back.
          if (done !== total) job.throwIfCancelled();
        }),
      ),
    'exchange:import': (i) => importExchange(ctx, i.path),
  };
}
