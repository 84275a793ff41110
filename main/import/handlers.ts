import type { HandlersOf } from '../../shared/contract';
import type { ServiceContext } from '../services/context';

/**
 * The importer's contract calls (shared/contracts/import.ts); a run goes to a worker thread.
 * The pipeline (and OpenCC's dictionaries) loads on the first import, not with every start.
 */
export function importHandlers(ctx: ServiceContext): HandlersOf<'imports:inspect' | 'imports:run'> {
  return {
    'imports:inspect': async (i) => (await import('./run')).inspectImport(ctx, i),
    'imports:run': (i) =>
      ctx.jobs.run(i.jobId, async (job) => (await import('./in-worker')).runImportInWorker(ctx, i, job)),
  };
}
