import type { MessagePort } from 'node:worker_threads';
import type { ParsedInput } from '../../shared/contract';
import { AppError, toThreadError, type ThreadError } from '../../shared/errors';
import { openDatabase } from '../db/open';
import { Jobs, type Job } from '../services/jobs';
import type { ServiceContext } from '../services/context';
import { runImport } from './run';

/** What the app's main thread hands the import worker (in-worker.ts). */
export interface ImportWorkerData {
  dbPath: string;
  user: string;
  /** The call's clock, fixed at its start (a function cannot cross threads). */
  now: string;
  jobId: string;
  input: ParsedInput<'imports:run'>;
}

/** Messages back: progress while it runs, then the report or the error. */
export type ImportWorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number | null; message?: string }
  | { type: 'done'; report: Awaited<ReturnType<typeof runImport>> }
  | { type: 'error'; error: ThreadError };

/**
 * The import off the app's main thread: its own connection to the same database file (WAL
 * lets the window keep reading), progress posted back, `cancel` honoured between rows, the
 * transaction rolled back on cancel so nothing is written.
 */
export async function runImportJob(port: MessagePort, data: ImportWorkerData): Promise<void> {
  const controller = new AbortController();
  port.on('message', (m) => {
    if (m === 'cancel') controller.abort();
  });
  const post = (m: ImportWorkerMessage) => port.postMessage(m);
  const job: Job = {
    id: data.jobId,
    signal: controller.signal,
    progress: (phase, done, total, message) => post({ type: 'progress', phase, done, total, message }),
    throwIfCancelled: () => {
      if (controller.signal.aborted) throw new AppError('cancelled', 'cancelled', { jobId: data.jobId });
    },
  };
  const db = openDatabase(data.dbPath);
  const ctx: ServiceContext = {
    db,
    user: data.user,
    now: () => new Date(data.now),
    dbPath: data.dbPath,
    jobs: new Jobs(),
  };
  try {
    post({ type: 'done', report: await runImport(ctx, data.input, job) });
  } catch (e) {
    post({
      type: 'error',
      error: toThreadError(e),
    });
  } finally {
    db.close();
  }
}
