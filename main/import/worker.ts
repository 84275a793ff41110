import { parentPort, workerData } from 'node:worker_threads';
import type { ImportWorkerData } from './import-job';
import type { SheetTask } from './xlsx/parallel';

/**
 * The one worker entry that the CLI bundle, the desktop bundle and the sources share
 * (worker-url.ts), for two tasks: a whole import off the app's main thread (import-job.ts),
 * or one long sheet read beside the import that consumes it (xlsx/serve-sheet.ts). Each task
 * loads only its own modules: the sheet reader needs neither the database nor the pipeline.
 */
const data = workerData as ImportWorkerData | SheetTask;
// Not a top-level await: the desktop bundle is CommonJS.
void (async () => {
  if ('task' in data && data.task === 'sheet')
    await (await import('./xlsx/serve-sheet')).serveSheet(parentPort!, data);
  else await (await import('./import-job')).runImportJob(parentPort!, data as ImportWorkerData);
})();
