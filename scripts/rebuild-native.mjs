#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into dist/native/electron-<platform>-<arch>/,
// from a copy of the package, so node_modules keeps Node's build for tests and the CLI.
// Needs the network the first time (Electron's headers, or a prebuilt binary); a build
// that is already there for this Electron version is reused.
//   node scripts/rebuild-native.mjs [--arch x64|arm64|ia32]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

export function nativeTarget(arch = process.arch) {
  const dir = path.join(root, 'dist', 'native', `electron-${process.platform}-${arch}`);
  return { dir, file: path.join(dir, 'better_sqlite3.node'), stamp: path.join(dir, 'electron-version.txt') };
}

export async function rebuildNative({ arch = process.arch, log = console.log } = {}) {
  const electronVersion = require('electron/package.json').version;
  const target = nativeTarget(arch);
  if (fs.existsSync(target.file) && fs.readFileSync(target.stamp, 'utf8').trim() === electronVersion)
    return target.file;

  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = path.join(root, 'dist', 'native', `work-${arch}`);
  const copy = path.join(work, 'node_modules', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(source, copy, { recursive: true, filter: (src) => !src.startsWith(path.join(source, 'build')) });
  const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  fs.writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({ name: 'qms-native', private: true, dependencies: { 'better-sqlite3': version } }),
  );

  log(`building better-sqlite3 ${version} for Electron ${electronVersion} (${process.platform}-${arch})`);
  const { rebuild } = await import('@electron/rebuild');
  try {
    await rebuild({ buildPath: work, electronVersion, arch, onlyModules: ['better-sqlite3'], force: true });
    fs.mkdirSync(target.dir, { recursive: true });
    fs.copyFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), target.file);
    fs.writeFileSync(target.stamp, `${electronVersion}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return target.file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--arch');
  const file = await rebuildNative({ arch: i > 0 ? process.argv[i + 1] : process.arch });
  console.log(`Electron build of better-sqlite3: ${path.relative(root, file)}`);
}
