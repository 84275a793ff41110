#!/usr/bin/env node
// Bundles the Electron main process and the preload into dist/electron/ with esbuild.
// The preload must be one file: a sandboxed preload can require nothing but 'electron'.
// The main bundle carries every dependency except Electron, the native better-sqlite3 (its JS
// from node_modules, its .node the Electron build, see native-binding.ts) and playwright-core
// (the CLI's PDF path, which main/print/pdf.ts imports; it does not bundle cleanly), which
// electron-builder.yml ships as node_modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');
// Electron 45 ships Node 22 and Chromium 140.
const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

/**
 * The preload gets main/electron/channels.ts as data: the same list, computed here from the
 * contract, so the page's bundle carries channel names rather than every zod schema.
 */
async function channelsAsData() {
  const channels = await tsImport('../main/electron/channels.ts', import.meta.url);
  const contents = `export const IPC_CHANNELS = ${JSON.stringify(channels.IPC_CHANNELS)};
export const ipcChannelOf = (channel) => ${JSON.stringify(channels.ipcChannelOf(''))} + channel;`;
  return {
    name: 'channels-as-data',
    setup(b) {
      b.onResolve({ filter: /\/channels$/ }, (args) =>
        args.importer.endsWith(path.join('main', 'electron', 'preload.ts'))
          ? { path: 'channels', namespace: 'qms-channels' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'qms-channels' }, () => ({ contents, loader: 'js' }));
    },
  };
}

export async function buildElectron() {
  await Promise.all([
    build({
      ...common,
      // The import runs in a worker thread off the main process (main/import/in-worker.ts).
      entryPoints: { main: 'main/electron/main.ts', 'import-worker': 'main/import/worker.ts' },
      outdir,
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      target: 'node22',
      external: ['electron', 'better-sqlite3', 'playwright-core'],
    }),
    build({
      ...common,
      entryPoints: { preload: 'main/electron/preload.ts' },
      outdir,
      outExtension: { '.js': '.cjs' },
      platform: 'browser',
      target: 'chrome140',
      plugins: [await channelsAsData()],
      external: ['electron'],
    }),
  ]);
  return outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildElectron();
  console.log(`electron bundles written to ${path.relative(root, out)}/`);
}
