/**
 * electron-builder as far as it goes offline: its schema check of electron-builder.yml, then
 * a real --dir pack of the app against a stand-in Electron distribution (the real one cannot
 * be downloaded here), so the app.asar it writes can be read back and checked file by file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/workbench';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(file: string, options?: object): string[] };

function fakeElectronDist(): string {
  const dir = tempDir('qw-electron-dist-');
  fs.mkdirSync(path.join(dir, 'resources'));
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), '');
  fs.writeFileSync(path.join(dir, 'version'), '45.4.1');
  return dir;
}

function electronBuilder(...args: string[]) {
  // electron-builder stays silent under VITEST (builder-util/out/log.js); its log is what we check.
  const { VITEST: _vitest, ...env } = process.env;
  return spawnSync(process.execPath, [path.join(ROOT, 'node_modules/electron-builder/cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...env, CI: 'true' },
  });
}

describe('electron-builder', () => {
  let out: string;
  let run: ReturnType<typeof spawnSync>;

  beforeAll(async () => {
    const { buildElectron } = (await import(path.join(ROOT, 'scripts/build-electron.mjs'))) as {
      buildElectron(): Promise<string>;
    };
    await buildElectron();
    out = tempDir('qw-release-');
    run = electronBuilder(
      '--dir',
      '--linux',
      `-c.electronDist=${fakeElectronDist()}`,
      `-c.directories.output=${out}`,
    );
  });

  it('accepts the configuration and packs the app', () => {
    expect(`${run.stdout}`).toContain('loaded configuration');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(
      /Invalid configuration|configuration has an unknown property/,
    );
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(out, 'linux-unpacked', 'quality-workbench'))).toBe(true);
  });

  it('puts only what the app runs into app.asar', () => {
    const files = asar
      .listPackage(path.join(out, 'linux-unpacked', 'resources', 'app.asar'))
      .map((f) => f.replace(/\\/g, '/').slice(1));
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/electron/import-worker.cjs',
        'assets/icons/512x512.png',
        'node_modules/better-sqlite3/lib/index.js',
      ]),
    );
    const allowed =
      /^(package\.json|dist(\/electron(\/(main|preload|import-worker)\.cjs)?|\/renderer(\/.*)?)?|assets(\/icons(\/512x512\.png)?)?|node_modules(\/(better-sqlite3|bindings|file-uri-to-path|playwright-core)(\/.*)?)?)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    // Not the Node build of the native module, no source maps, no sources.
    expect(files.filter((f) => /better-sqlite3\/(build|src|deps)|\.map$|\.ts$/.test(f))).toEqual([]);
  });

  it('uses the icons made for every target', () => {
    const config = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    for (const icon of ['assets/icon.ico', 'assets/icon.icns', 'assets/icons']) {
      expect(config).toContain(`icon: ${icon}`);
      expect(fs.existsSync(path.join(ROOT, icon))).toBe(true);
    }
    for (const target of ['nsis', 'portable', 'AppImage', 'deb', 'dmg'])
      expect(config).toContain(`target: ${target}`);
  });
});
