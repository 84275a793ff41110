import path from 'node:path';
import type { Lang } from '../../shared/messages';
import { openWorkbench, type Workbench } from '../workbench';
import { defaultDbPath } from '../platform/paths';

/** What every command gets from the global options. */
export interface CliEnv {
  dbPath: string;
  lang: Lang;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Opens (creating and migrating) the database once, on first use. */
  workbench(): Workbench;
  /** Called once when the command ends, whatever happened. */
  close(): void;
}

export function langFrom(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (option === 'zh' || option === 'en') return option;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

export function createEnv(options: { db?: string; lang?: string }, io: Pick<CliEnv, 'out' | 'err'>): CliEnv {
  const dbPath = path.resolve(options.db ?? defaultDbPath());
  let opened: Workbench | null = null;
  return {
    dbPath,
    lang: langFrom(options.lang, process.env),
    ...io,
    workbench() {
      opened ??= openWorkbench({ dbPath });
      return opened;
    },
    close() {
      opened?.close();
      opened = null;
    },
  };
}
