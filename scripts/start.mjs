#!/usr/bin/env node
// `npm start`: builds the renderer and the Electron bundles, then launches the desktop app.
// Where Electron cannot run (no runtime and no way to download it, no display), it says so in
// one line and serves the same workbench on 127.0.0.1 instead, printing the URL.
//   npm start [-- --no-build] [-- --port N]
import path from 'node:path';
import fs from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime } from './electron-runtime.mjs';
import { buildElectron } from './build-electron.mjs';
import { rebuildNative } from './rebuild-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : undefined;

/** Runs the UI's renderer build quietly; its output is shown only if it fails. */
function buildRenderer() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!pkg.scripts?.['build:renderer']) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', '--silent', 'build:renderer'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    throw new Error('the renderer build failed (npm run build:renderer)');
  }
}

async function launchElectron(executable) {
  await buildElectron();
  const child = spawn(executable, [root], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function serveInstead(reason) {
  console.log(`Electron cannot run here: ${reason}; serving the workbench on loopback instead.`);
  const { register } = await import('tsx/esm/api');
  register();
  const { defaultDbPath } = await import('../main/platform/paths.ts');
  const { startServer } = await import('../main/server/index.ts');
  const server = await startServer({
    dbPath: defaultDbPath(),
    port,
    staticDir: path.join(root, 'dist', 'renderer'),
    log: (line) => console.error(line),
  });
  console.log(server.url.includes('token=') ? server.url : `${server.url}?token=${server.token}`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  if (build) buildRenderer();
  const runtime = findElectronRuntime({ download: true });
  if (!runtime.available) await serveInstead(runtime.reason);
  else {
    let nativeReady = true;
    try {
      await rebuildNative({ log: (line) => console.error(line) });
    } catch {
      nativeReady = false;
    }
    if (nativeReady) await launchElectron(runtime.executable);
    else
      await serveInstead(
        'the Electron build of better-sqlite3 could not be made (it needs the network once)',
      );
  }
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
