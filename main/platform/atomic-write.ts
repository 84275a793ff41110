import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { MessageKey } from '../../shared/messages';

/**
 * Writes a file atomically: `write` fills a temp file in the same folder (same file system,
 * so the rename is atomic), which then replaces the target. A crash or an error never
 * leaves half a workbook under the user's file name; the temp file is removed on failure.
 *
 * A missing folder is created. A place that cannot be written (no permission, a read-only
 * disk, a folder named as the file, a path through a file) is found before any work, when the
 * temp file is created, and reported as `AppError('unsupported')` naming the target and what
 * to do: it is the user's choice of place, not a fault of the program.
 */
export async function writeAtomically<T>(
  target: string,
  write: (tempPath: string) => Promise<T>,
): Promise<T> {
  const { file, temp } = tempBeside(target);
  try {
    return moveIntoPlace(temp, file, await write(temp));
  } catch (e) {
    return abandon(temp, file, e);
  }
}

/** The same for a synchronous writer (a database backup by VACUUM INTO). */
export function writeAtomicallySync<T>(target: string, write: (tempPath: string) => T): T {
  const { file, temp } = tempBeside(target);
  try {
    return moveIntoPlace(temp, file, write(temp));
  } catch (e) {
    return abandon(temp, file, e);
  }
}

/** The written temp file takes the target's name; `result` is the writer's. */
function moveIntoPlace<T>(temp: string, file: string, result: T): T {
  fs.renameSync(temp, file);
  return result;
}

/** The temp file goes, and the error is passed on (as the user's, if about the place). */
function abandon(temp: string, file: string, e: unknown): never {
  fs.rmSync(temp, { force: true });
  throw asWriteError(e, file);
}

/**
 * Refuses, as writeAtomically would, a place that cannot be written, for a file written only
 * at the end of long work (an import's error workbook): the user learns it before the work.
 */
export function ensureWritable(target: string): void {
  fs.rmSync(tempBeside(target).temp);
}

/**
 * The place for a file about to be written (an export, a new database): its folder made if
 * need be, a folder standing in its place refused, each as the user's error. The resolved path.
 */
export function preparePlace(target: string): string {
  const file = path.resolve(target);
  try {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
    makeFolder(path.dirname(file));
    return file;
  } catch (e) {
    throw asWriteError(e, file);
  }
}

/**
 * `mkdir -p`, one folder at a time. Node's own recursive mkdir (sync and async) never returns
 * when the file system refuses a folder with ENOENT although its parent is there, as Linux's
 * /proc does: `qms serve`, asked to export to /proc/nope/x.xlsx, spun at full CPU and answered
 * nothing more until killed. Here that is an ENOENT like any other.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !fs.existsSync(at); at = path.dirname(at)) {
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Prepares the place, and makes an empty temp file beside the target (writers overwrite it). */
function tempBeside(target: string): { file: string; temp: string } {
  const file = preparePlace(target);
  try {
    const temp = path.join(
      path.dirname(file),
      `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
    );
    fs.closeSync(fs.openSync(temp, 'wx'));
    return { file, temp };
  } catch (e) {
    throw asWriteError(e, file);
  }
}

/**
 * Why a file could not be written, by the system's error code (SQLite's primary code for a
 * backup). On Windows a file open in Excel or WPS cannot be replaced (EBUSY, EPERM): the
 * message for those says so.
 */
const WRITE_ERRORS: Record<string, MessageKey> = {
  EACCES: 'fileWriteDenied',
  EPERM: 'fileWriteDenied',
  EROFS: 'fileWriteDenied',
  EBUSY: 'fileWriteDenied',
  ETXTBSY: 'fileWriteDenied',
  SQLITE_READONLY: 'fileWriteDenied',
  ENOSPC: 'fileWriteNoSpace',
  EDQUOT: 'fileWriteNoSpace',
  EFBIG: 'fileWriteNoSpace',
  SQLITE_FULL: 'fileWriteNoSpace',
  EISDIR: 'fileWriteIsFolder',
  ENOENT: 'fileWriteFailed',
  ENOTDIR: 'fileWriteFailed',
  EEXIST: 'fileWriteFailed',
  ENAMETOOLONG: 'fileWriteFailed',
  EINVAL: 'fileWriteFailed',
  SQLITE_CANTOPEN: 'fileWriteFailed',
  SQLITE_IOERR: 'fileWriteFailed',
};

/**
 * A file-system error met writing `file` as the user's error; anything else unchanged, such as
 * a missing file the writer reads (a font, a module), which names another path.
 */
export function asWriteError(e: unknown, file: string): unknown {
  const { code, path: about } = (e ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string') return e;
  if (typeof about === 'string' && !concernsTarget(path.resolve(about), file)) return e;
  // SQLite's extended codes (SQLITE_IOERR_WRITE) by their primary code.
  const key = WRITE_ERRORS[code.startsWith('SQLITE_') ? code.split('_', 2).join('_') : code];
  return key ? new AppError('unsupported', key, { target: file, detail: code }) : e;
}

/** The target itself, a file beside it (the temp), or a folder on its way. */
function concernsTarget(about: string, file: string): boolean {
  return about === file || path.dirname(about) === path.dirname(file) || file.startsWith(about + path.sep);
}
