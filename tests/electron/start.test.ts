/**
 * `npm start` where Electron cannot run (this machine: no runtime, no download, no display):
 * one line says why, the next is a loopback URL, and the workbench behind it answers calls.
 * Where a runtime and a display exist, npm start opens the app instead and this is skipped.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/workbench';

const { findElectronRuntime } = (await import(path.join(ROOT, 'scripts/electron-runtime.mjs'))) as {
  findElectronRuntime(): { available: boolean };
};

describe.skipIf(findElectronRuntime().available)('npm start without an Electron runtime', () => {
  it('prints the one-line reason and a working loopback URL', async () => {
    const dbPath = path.join(tempDir(), 'start.db');
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--no-build'], {
      cwd: ROOT,
      env: { ...process.env, QMS_DB: dbPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines: string[] = [];
      for await (const line of createInterface({ input: child.stdout! })) {
        lines.push(line);
        if (lines.length === 2) break;
      }
      expect(lines[0]).toMatch(/^Electron cannot run here: .+; serving the workbench on loopback instead\.$/);
      const url = new URL(lines[1]!);
      expect(url.hostname).toBe('127.0.0.1');
      const token = url.searchParams.get('token')!;
      expect(token.length).toBeGreaterThan(20);
      const call = (auth: string | null) =>
        fetch(`${url.origin}/api/system:info`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          },
          body: '{}',
        });
      const answer = (await (await call(token)).json()) as { ok: boolean; value: { dbPath: string } };
      expect(answer).toMatchObject({ ok: true, value: { dbPath } });
      expect((await call(null)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  }, 300_000);
});
