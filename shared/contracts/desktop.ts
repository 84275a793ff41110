/**
 * Calls only the desktop app can answer (issue 8): native file dialogs, workbooks dropped on
 * the window or chosen from the menu, a backup saved where the user chooses. They are ordinary contract calls, so the
 * preload stays one `invoke` over the contract's channels and every argument is validated
 * like any other; over `qms serve` they answer `unsupported` (a browser has its own pickers).
 */
import { z } from 'zod';
import { call } from './call';
import { check } from '../validation';

/** What a save dialog offers; the renderer names the purpose, main/ picks folder and filters. */
export const SAVE_FORMATS = ['xlsx', 'csv', 'pdf', 'db'] as const;
export const SAVE_PURPOSES = ['export', 'plan', 'review', 'backup', 'errors'] as const;

export const OpenWorkbooks = z
  .object({ multiple: z.boolean().default(true) })
  .strict()
  .default({ multiple: true });

export const ChooseSavePath = z
  .object({
    purpose: z.enum(SAVE_PURPOSES),
    /** A file name only: the folder is the last one the user chose (or Documents). */
    defaultName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((name) => !/[\\/]/.test(name), check('fileNameOnly')),
    formats: z.array(z.enum(SAVE_FORMATS)).min(1).max(SAVE_FORMATS.length),
  })
  .strict();

export const NoDesktopInput = z.object({}).strict().default({});

export const desktopContract = {
  /** The native open dialog for workbooks; an empty list when the user cancels. */
  'desktop:openWorkbooks': call<{ paths: string[] }>()(OpenWorkbooks),
  /** The native save dialog; `path` is null when the user cancels. */
  'desktop:chooseSavePath': call<{ path: string | null }>()(ChooseSavePath),
  /**
   * Workbooks offered for import outside the renderer's own controls since the last call:
   * dropped onto the window, or chosen from the File menu.
   */
  'desktop:takePendingWorkbooks': call<{ paths: string[] }>()(NoDesktopInput),
  /** Asks where, then writes a consistent copy of the database there. */
  'desktop:saveBackup': call<{ path: string | null; bytes: number }>()(NoDesktopInput),
} as const;

/**
 * The progress event's jobId when workbooks are waiting (see takePendingWorkbooks): the
 * renderer then takes them and opens its import view on them.
 */
export const PENDING_WORKBOOKS_JOB = 'desktop:pending-workbooks';
