// The `qms` command compiled from this checkout's sources, rebuilt whenever they change.
//
// Why not tsx alone: through tsx's loader every start of `qms` spent about 0.7 s resolving
// and transforming ~160 modules before the command ran, which is most of the time of a small
// import or a plan. One esbuild bundle (split, so rarely used paths such as the web server
// still load on first use) starts in about a third of that. The bundle is keyed by the
// sources' paths, sizes and modification times (and by this script and the bundled packages'
// manifests), so an edit is picked up on the next run: there is still no build step between
// an edit and `npx qms`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['main', 'shared'];

// Pure-JavaScript packages every command loads. Bundled they are part of a few files, not a
// module graph (zod alone is some 90 modules) that node resolves and compiles file by file:
// 40-80 ms less on every start of `qms`. Every other package stays external: better-sqlite3
// is native; exceljs, opencc-js, playwright and echarts are loaded on first use (from lazy
// chunks); electron and tsx are not ours to bundle.
const BUNDLED = new Set(['zod', 'commander']);

const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path: spec, kind }) => {
      // Entry points are named relative to the checkout without `./`.
      if (kind === 'entry-point' || spec.startsWith('node:')) return undefined;
      const name = spec.startsWith('@') ? spec.split('/', 2).join('/') : spec.split('/')[0];
      return BUNDLED.has(name) ? undefined : { external: true };
    });
  },
};

// zod's `z.locales` namespace holds the messages of some fifty languages, 350 KB of the bundle
// that every start of `qms` compiled (20 ms). Nothing here uses them: zod's own English
// default is imported on its own (classic/schemas.js), and our messages are in shared/.
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(importer)
        ? { path: 'zod-locales', namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

function sourceKey(root) {
  const hash = crypto.createHash('sha256');
  // A bundle is also made of this script (how it is built) and the bundled packages.
  hash.update(fs.readFileSync(fileURLToPath(import.meta.url)));
  for (const name of BUNDLED) {
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    hash.update(fs.existsSync(manifest) ? fs.readFileSync(manifest) : `no ${name}`);
  }
  // Every start of `qms` runs this: paths relative to the checkout are built as it descends,
  // and one string is hashed. With path.join and path.relative per file it took 14 ms, now 9.
  let stats = '';
  const walk = (relative) => {
    for (const entry of fs
      .readdirSync(`${root}/${relative}`, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else {
        const s = fs.statSync(`${root}/${file}`);
        stats += `${file}\0${s.size}\0${s.mtimeMs}\n`;
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  hash.update(stats);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds into a private directory and renames it into place, so processes starting together
 * (the tests run many) never load a half-written bundle; whoever renames second drops theirs.
 */
async function build(root, cache, dir) {
  const { build: esbuild } = await import('esbuild');
  const temp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: root,
    // worker-entry.mjs lands beside the chunks, where main/import/in-worker.ts looks for it.
    entryPoints: { index: 'main/cli/index.ts', 'worker-entry': 'main/import/worker.ts' },
    outdir: temp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalPackages, withoutZodLocales],
    // Bundled CommonJS (commander) requires node's built-ins; an ES module has no `require`.
    banner: {
      js: "import { createRequire as __qmsRequire } from 'node:module';\nconst require = __qmsRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    // Node parses every chunk a command loads, over 800 KB of them for an import (zod alone is
    // 350 KB): without comments and spaces that is a quarter less text and 20 ms less of every
    // start of `qms import` (average of 5 profiles each). Names stay, so a QMS_DEBUG stack or a
    // profile still says which function it is; the linked map gives the source lines.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'silent',
  });
  try {
    fs.renameSync(temp, dir);
  } catch {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  // Older builds go once nothing can still be running from them (a long `qms serve` loads
  // chunks on first use).
  const stale = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(cache)) {
    const other = path.join(cache, name);
    if (other !== dir && fs.statSync(other).mtimeMs < stale)
      fs.rmSync(other, { recursive: true, force: true });
  }
}

/**
 * The compiled entry's URL, or null when it cannot be built (tsx then runs the sources).
 * `root`: the checkout (another one in this script's test).
 */
export async function compiledCli(root = ROOT) {
  try {
    const cache = path.join(root, 'node_modules', '.cache', 'qms-cli');
    const dir = path.join(cache, sourceKey(root));
    const entry = path.join(dir, 'index.mjs');
    if (!fs.existsSync(entry)) {
      fs.mkdirSync(cache, { recursive: true });
      await build(root, cache, dir);
    }
    return pathToFileURL(entry).href;
  } catch {
    return null;
  }
}
