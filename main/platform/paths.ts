import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCT_NAME } from '../version';

/**
 * The desktop app's data folder, computed the way Electron's app.getPath('userData') does
 * for our product name, so the CLI and the app open the same database by default.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export const DB_FILE_NAME = 'workbench.db';

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.QMS_DB || path.join(userDataDir(env), DB_FILE_NAME);
}

/**
 * The checkout (or unpacked app) this code runs from: the nearest folder above `moduleUrl`
 * holding package.json. Found by walking up, because the same module runs from main/ under
 * tsx and from the compiled CLI's folder (bin/compiled-cli.mjs) at a different depth.
 */
export function appRoot(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${moduleUrl}`);
    dir = up;
  }
  return dir;
}
