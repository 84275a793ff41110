import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file atomically: `write` fills a temp file in the same folder (same file system,
 * so the rename is atomic), which then replaces the target. A crash or an error never
 * leaves half a workbook under the user's file name; the temp file is removed on failure.
 */
export async function writeAtomically<T>(
  target: string,
  write: (tempPath: string) => Promise<T>,
): Promise<T> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const result = await write(temp);
    fs.renameSync(temp, target);
    return result;
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
