import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The entry of our worker threads (worker.ts: an import off the main thread, or a long
 * sheet's reader): the bundled one the desktop app names in QMS_IMPORT_WORKER (esbuild's
 * CommonJS bundle has no import.meta.url), else worker-entry.mjs beside this module (tsx,
 * then worker.ts), as `qms serve` and the tests run from the sources. null where there is
 * neither: the work then runs on this thread.
 */
export function workerEntry(): URL | null {
  const bundled = process.env.QMS_IMPORT_WORKER;
  if (bundled) return fs.existsSync(bundled) ? pathToFileURL(bundled) : null;
  let url: URL;
  try {
    url = new URL('./worker-entry.mjs', import.meta.url);
  } catch {
    return null;
  }
  return url.protocol === 'file:' && fs.existsSync(fileURLToPath(url)) ? url : null;
}
