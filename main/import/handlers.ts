import type { HandlersOf } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import { inspectImport } from './run';
import { runImportInWorker } from './in-worker';

/** The importer's contract calls (shared/contracts/import.ts); a run goes to a worker thread. */
export function importHandlers(ctx: ServiceContext): HandlersOf<'imports:inspect' | 'imports:run'> {
  return {
    'imports:inspect': (i) => inspectImport(ctx, i),
    'imports:run': (i) => ctx.jobs.run(i.jobId, (job) => runImportInWorker(ctx, i, job)),
  };
}
