import { Worker } from 'node:worker_threads';
import type { ParsedInput } from '../../shared/contract';
import type { ImportReport } from '../../shared/contracts/import';
import { fromThreadError } from '../../shared/errors';
import type { ServiceContext } from '../services/context';
import type { Job } from '../services/jobs';
import { runImport } from './run';
import type { ImportWorkerData, ImportWorkerMessage } from './import-job';
import { workerEntry } from './worker-url';

/**
 * Runs `imports:run` in a worker thread so the app's main process stays responsive through
 * a million rows: progress events relayed to the job, a cancel passed on.
 */
export function runImportInWorker(
  ctx: ServiceContext,
  input: ParsedInput<'imports:run'>,
  job: Job,
): Promise<ImportReport> {
  const entry = workerEntry();
  if (!entry) return runImport(ctx, input, job);
  const data: ImportWorkerData = {
    dbPath: ctx.dbPath,
    user: ctx.user,
    now: ctx.now().toISOString(),
    jobId: job.id,
    input,
  };
  const worker = new Worker(entry, { workerData: data });
  const cancel = () => worker.postMessage('cancel');
  job.signal.addEventListener('abort', cancel);
  return new Promise<ImportReport>((resolve, reject) => {
    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'progress') job.progress(m.phase, m.done, m.total, m.message);
      else if (m.type === 'done') resolve(m.report);
      else reject(fromThreadError(m.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      job.signal.removeEventListener('abort', cancel);
      reject(new Error(`the import worker stopped (exit ${code})`));
    });
  });
}
