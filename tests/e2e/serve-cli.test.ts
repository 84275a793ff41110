/** `qms serve` as a user runs it: prints the URL with its token, answers, stops on Ctrl+C. */
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, qms, tempDir } from '../helpers/workbench';
import { ensureRenderer } from '../helpers/renderer';

describe('qms serve', () => {
  it('rejects a port that is not one (exit 2, one line)', () => {
    const r = qms(['--db', path.join(tempDir(), 'x.db'), 'serve', '--port', 'eighty']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--port eighty is not a port/);
  });

  it('says a port another program holds is taken (exit 2, one line, in the user language)', async () => {
    await ensureRenderer();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      for (const [lang, text] of [
        ['en', `port ${port} is in use by another program. Give another --port, or none to take a free one.`],
        ['zh', `端口 ${port} 已被其他程序占用。请用 --port 指定其他端口，或不指定以自动选用空闲端口。`],
      ] as const) {
        const r = qms([
          '--db',
          path.join(tempDir(), 'x.db'),
          '--lang',
          lang,
          'serve',
          '--port',
          String(port),
        ]);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`^qms: .*: ${text.replace(/[.()]/g, '\\$&')}\n$`));
      }
    } finally {
      holder.close();
    }
  });

  it('prints a loopback URL with the token, serves the workbench and the contract, stops on SIGTERM', async () => {
    await ensureRenderer();
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/qms.mjs'), '--db', path.join(tempDir(), 'w.db'), 'serve'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const line = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
          if (line) resolve(line[0]);
        });
        child.on('exit', (code) => reject(new Error(`qms serve exited ${code}`)));
      });
      const { origin, searchParams } = new URL(url);
      const token = searchParams.get('token')!;
      expect((await fetch(`${origin}/`)).status).toBe(401);
      const page = await fetch(`${origin}/`, { headers: { authorization: `Bearer ${token}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const info = await fetch(`${origin}/api/system:info`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await info.json()).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 600_000);
});
