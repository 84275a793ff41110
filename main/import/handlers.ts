import type { HandlersOf } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import { inspectImport, runImport } from './run';

/** The importer's contract calls (shared/contracts/import.ts). */
export function importHandlers(ctx: ServiceContext): HandlersOf<'imports:inspect' | 'imports:run'> {
  return {
    'imports:inspect': (i) => inspectImport(ctx, i),
    'imports:run': (i) => ctx.jobs.run(i.jobId, (job) => runImport(ctx, i, job)),
  };
}
