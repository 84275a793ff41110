// Finds the Electron runtime the `electron` package would run, without letting the package
// start a download of its own on require (it does, and these machines cannot download it).
// Used by `npm start`, the packaging notes and the Electron smoke test alike.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ electronDir?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, download?: boolean }} [options]
 * @returns {{ available: true, executable: string, version: string } | { available: false, reason: string, version: string }}
 */
export function findElectronRuntime(options = {}) {
  const electronDir = options.electronDir ?? path.join(root, 'node_modules', 'electron');
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  let version = 'unknown';
  try {
    version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return { available: false, reason: 'the electron package is not installed (run npm ci)', version };
  }
  let executable = locate(electronDir, env);
  if (!executable && options.download) {
    // The package's own installer, as its postinstall would have run it; fails fast offline.
    spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
      stdio: 'ignore',
      timeout: 300_000,
      env,
    });
    executable = locate(electronDir, env);
  }
  if (!executable) {
    return {
      available: false,
      reason: `the Electron ${version} runtime is not installed here and could not be downloaded`,
      version,
    };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      available: false,
      reason: 'there is no display to open a window on (DISPLAY is not set)',
      version,
    };
  }
  return { available: true, executable, version };
}

function locate(electronDir, env) {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const executable = path.join(dist, relative || 'electron');
  return fs.existsSync(executable) ? executable : null;
}
