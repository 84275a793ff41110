import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/workbench';

interface Runtime {
  available: boolean;
  executable?: string;
  reason?: string;
  version: string;
}
const { findElectronRuntime } = (await import(path.join(ROOT, 'scripts/electron-runtime.mjs'))) as {
  findElectronRuntime(options?: {
    electronDir?: string;
    env?: NodeJS.ProcessEnv;
    platform?: NodeJS.Platform;
  }): Runtime;
};

/** An installed `electron` package, with or without its downloaded runtime. */
function electronPackage(options: { pathTxt?: string; binary?: boolean }) {
  const dir = tempDir('qw-electron-');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  if (options.pathTxt !== undefined) fs.writeFileSync(path.join(dir, 'path.txt'), options.pathTxt);
  if (options.binary) {
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', options.pathTxt ?? 'electron'), '');
  }
  return dir;
}

const withDisplay = { DISPLAY: ':99' };

describe('finding the Electron runtime', () => {
  it('reports a package whose runtime was never downloaded, naming the version', () => {
    const found = findElectronRuntime({
      electronDir: electronPackage({}),
      env: withDisplay,
      platform: 'linux',
    });
    expect(found).toEqual({
      available: false,
      version: '45.4.1',
      reason: 'the Electron 45.4.1 runtime is not installed here and could not be downloaded',
    });
  });

  it('reports a runtime whose binary is gone', () => {
    const found = findElectronRuntime({
      electronDir: electronPackage({ pathTxt: 'electron' }),
      env: withDisplay,
      platform: 'linux',
    });
    expect(found.available).toBe(false);
  });

  it('finds an installed runtime, or one ELECTRON_OVERRIDE_DIST_PATH points at', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: true });
    expect(findElectronRuntime({ electronDir: dir, env: withDisplay, platform: 'linux' })).toEqual({
      available: true,
      executable: path.join(dir, 'dist', 'electron'),
      version: '45.4.1',
    });
    const elsewhere = tempDir();
    fs.writeFileSync(path.join(elsewhere, 'electron'), '');
    const overridden = findElectronRuntime({
      electronDir: electronPackage({}),
      env: { ...withDisplay, ELECTRON_OVERRIDE_DIST_PATH: elsewhere },
      platform: 'linux',
    });
    expect(overridden).toMatchObject({ available: true, executable: path.join(elsewhere, 'electron') });
  });

  it('says a Linux machine without a display cannot open the window', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: true });
    expect(findElectronRuntime({ electronDir: dir, env: {}, platform: 'linux' })).toMatchObject({
      available: false,
      reason: 'there is no display to open a window on (DISPLAY is not set)',
    });
    expect(findElectronRuntime({ electronDir: dir, env: {}, platform: 'win32' })).toMatchObject({
      available: true,
    });
  });

  it('on this machine: detects whether the smoke test (npm run test:electron) can run, and says why not', () => {
    const here = findElectronRuntime();
    if (here.available) {
      expect(fs.existsSync(here.executable!)).toBe(true);
      console.log(
        `Electron ${here.version} runtime found at ${here.executable}: npm run test:electron runs the smoke test`,
      );
    } else {
      expect(here.reason).toMatch(/runtime is not installed|no display|not installed/);
      console.log(`Electron smoke test cannot run on this machine: ${here.reason}`);
    }
  });
});
