import type { Handlers } from '../shared/contract';
import { openDatabase, type DB, type OpenOptions } from './db/open';
import { createHandlers, dispatch } from './services/handlers';
import type { ServiceContext } from './services/context';
import { defaultUser } from './services/system';
import { Jobs } from './services/jobs';
import type { ProgressEvent } from '../shared/transport';

export interface Workbench {
  db: DB;
  ctx: ServiceContext;
  handlers: Handlers;
  /** Validate and run one contract call: what IPC, HTTP and the CLI all go through. */
  dispatch(channel: string, input: unknown): Promise<unknown>;
  /** Progress of long calls, for whichever transport carries it to the user. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  close(): void;
}

export interface WorkbenchOptions extends OpenOptions {
  dbPath: string;
  user?: string;
}

/** Opens the database (migrating it, with a backup first) and binds every service to it. */
export function openWorkbench(options: WorkbenchOptions): Workbench {
  const db = openDatabase(options.dbPath, options);
  const ctx: ServiceContext = {
    db,
    user: options.user ?? defaultUser(db),
    now: options.now ?? (() => new Date()),
    dbPath: options.dbPath,
    jobs: new Jobs(),
  };
  const handlers = createHandlers(ctx);
  return {
    db,
    ctx,
    handlers,
    dispatch: (channel, input) => dispatch(handlers, channel, input),
    onProgress: (listener) => ctx.jobs.onProgress(listener),
    close: () => {
      if (db.open) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}
