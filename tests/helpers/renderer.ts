/**
 * The built renderer for whatever serves it to a real browser: the e2e tests and the UI
 * bench. Built once per source change, by whichever process gets there first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, tempDir } from './workbench';

export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
const LOCK = path.join(ROOT, 'dist', '.renderer-build.lock');
const SOURCES = ['renderer', 'shared', 'vite.config.ts'];

function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const s of SOURCES) walk(path.join(ROOT, s));
  return newest;
}

function isFresh(): boolean {
  const index = path.join(RENDERER_DIR, 'index.html');
  return fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource();
}

/**
 * Builds dist/renderer unless it is newer than every source (one builder at a time), and
 * answers a private copy of it: another test run rebuilding dist/ (new chunk names) must not
 * pull files from under a page this run is showing.
 */
export async function ensureRenderer(): Promise<string> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
    } catch {
      // Another test file is building (or a crashed one left the lock: stale after 5 min).
      if (Date.now() - fs.statSync(LOCK).mtimeMs > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    try {
      if (isFresh()) return snapshot();
      const run = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          // vitest sets NODE_ENV=test, which would make a development build of React.
          env: { ...process.env, NODE_ENV: 'production' },
          timeout: 600_000,
        },
      );
      if (run.status !== 0) throw new Error(`renderer build failed:\n${run.stdout}\n${run.stderr}`);
      return snapshot();
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

function snapshot(): string {
  const dir = path.join(tempDir('qw-renderer-'), 'renderer');
  fs.cpSync(RENDERER_DIR, dir, { recursive: true });
  return dir;
}
