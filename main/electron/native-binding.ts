/**
 * Where the Electron build of better-sqlite3 lives. node_modules keeps Node's build (tests,
 * the CLI, `qms serve`); the app loads its own, built for Electron's ABI by
 * scripts/rebuild-native.mjs, so neither runtime ever overwrites the other's.
 */
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

/** In a checkout: dist/native/electron-<platform>-<arch>/ (made by npm start or packaging). */
export function devNativeBinding(repoRoot: string, platform = process.platform, arch = process.arch): string {
  return path.join(repoRoot, 'dist', 'native', `electron-${platform}-${arch}`, NATIVE_FILE);
}

/** In an installed app: electron-builder copies it to resources/native/ (extraResources). */
export function packagedNativeBinding(resourcesPath: string): string {
  return path.join(resourcesPath, 'native', NATIVE_FILE);
}
