/**
 * `qms serve` refuses everyone but a page on this machine holding the run's token: no token
 * -> 401 on every route (static files and the event stream too); a foreign Host -> 403 even
 * with the token; the token in the query only on the page load (then a cookie).
 */
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkbench, type Served } from './server';
import { tempDir } from '../helpers/workbench';
import { MAX_JSON_BYTES } from '../../main/server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        // The event stream never ends: the status line is all we need from it.
        if (res.headers['content-type'] === 'text/event-stream') {
          res.destroy();
          return resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
        }
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };
let served: Served;
let port: number;
let token: string;

beforeAll(async () => {
  // A stand-in for the built renderer: the security rules are the same for any file.
  const staticDir = tempDir('qw-static-');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  served = await serveWorkbench({ staticDir });
  port = served.server.port;
  token = served.server.token;
});
afterAll(() => served?.close());

const ROUTES: { method: string; path: string; body?: string; headers?: Record<string, string> }[] = [
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/index.html' },
  { method: 'GET', path: '/assets/app.js' },
  { method: 'GET', path: '/some/client/route' },
  { method: 'POST', path: '/api/system:info', body: '{}', headers: json },
  { method: 'POST', path: '/api/regions:create', body: '{"code":"X","name":"X"}', headers: json },
  { method: 'GET', path: '/api-events' },
  { method: 'POST', path: '/api-upload?name=a.xlsx', body: 'PK' },
  { method: 'POST', path: '/api-save-target?name=a.xlsx' },
  { method: 'GET', path: '/api-download/00000000-0000-4000-8000-000000000000' },
];

describe('qms serve security', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(served.server.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it.each(ROUTES)('refuses $method $path without the token (401)', async (route) => {
    const reply = await request(port, route.path, route);
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('<title>app</title>');
  });

  /** The token with its last character changed (appending 'x' was the token itself when it ended in x). */
  const wrongToken = (t: string) => t.slice(0, -1) + (t.endsWith('x') ? 'y' : 'x');

  it.each(ROUTES)('refuses $method $path with a wrong token (401)', async (route) => {
    const reply = await request(port, route.path, {
      ...route,
      headers: { ...route.headers, authorization: `Bearer ${wrongToken(token)}` },
    });
    expect(reply.status).toBe(401);
  });

  it.each(ROUTES)('refuses $method $path from a foreign Host even with the token (403)', async (route) => {
    for (const host of [
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      'localhost',
      `127.0.0.1.nip.io:${port}`,
    ]) {
      const reply = await request(port, route.path, {
        ...route,
        headers: { ...route.headers, host, authorization: `Bearer ${token}` },
      });
      expect(reply.status, host).toBe(403);
    }
  });

  it('takes the token in the query only on the page load, trading it for an HttpOnly cookie', async () => {
    const load = await request(port, `/?token=${token}`);
    expect(load.status).toBe(303);
    expect(load.headers.location).toBe('/');
    const cookie = String(load.headers['set-cookie']);
    expect(cookie).toContain(`qms_token=${token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    // The page itself is '/' (or /index.html); nothing else takes the token from the query.
    for (const route of ROUTES.filter((r) => r.path !== '/' && r.path !== '/index.html')) {
      const sep = route.path.includes('?') ? '&' : '?';
      const reply = await request(port, `${route.path}${sep}token=${token}`, route);
      expect(reply.status, route.path).toBe(401);
    }

    const withCookie = await request(port, '/', { headers: { cookie: `qms_token=${token}` } });
    expect(withCookie.status).toBe(200);
    expect(withCookie.body).toContain('<title>app</title>');
    const events = await request(port, '/api-events', { headers: { cookie: `qms_token=${token}` } });
    expect(events.status).toBe(200);
  });

  it('answers contract calls with the token, as envelopes, and the localhost Host too', async () => {
    const reply = await request(port, '/api/system:info', {
      method: 'POST',
      body: '{}',
      headers: { ...json, authorization: `Bearer ${token}`, host: `localhost:${port}` },
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { user: '测试员' } });

    const invalid = await request(port, '/api/regions:create', {
      method: 'POST',
      body: '{"code":"","name":"x"}',
      headers: { ...json, authorization: `Bearer ${token}` },
    });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { kind: 'invalid', field: 'code' } });
  });

  it('refuses non-JSON calls, oversized bodies and paths outside the renderer folder', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const form = await request(port, '/api/system:info', {
      method: 'POST',
      body: 'a=1',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const big = await request(port, '/api/system:info', {
      method: 'POST',
      body: Buffer.alloc(MAX_JSON_BYTES + 10, 32),
      headers: { ...auth, ...json },
    });
    expect(big.status).toBe(413);
    for (const p of [
      '/..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/hosts.txt',
      '/assets/%00.js',
    ]) {
      const reply = await request(port, p, { headers: auth });
      expect(reply.body, p).not.toMatch(/root:|"name"|localhost/);
      expect([200, 404], p).toContain(reply.status);
      if (reply.status === 200) expect(reply.body).toContain('<title>app</title>');
    }
  });

  it('keeps an upload as a private copy and answers its path for the import calls', async () => {
    const reply = await request(port, '/api-upload?name=' + encodeURIComponent('../华东 2026-10.xlsx'), {
      method: 'POST',
      body: 'PK\u0003\u0004',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    });
    expect(reply.status).toBe(200);
    const { path: saved } = JSON.parse(reply.body) as { path: string };
    expect(path.basename(saved)).toBe('华东 2026-10.xlsx');
    expect(fs.readFileSync(saved, 'latin1')).toBe('PK\u0003\u0004');
  });

  it('downloads only a file written at a place it gave, under the name given, by its address', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const reply = await request(port, '/api-save-target?name=' + encodeURIComponent('../华东 错误行.xlsx'), {
      method: 'POST',
      headers: auth,
    });
    const target = JSON.parse(reply.body) as { path: string; url: string };
    expect(path.basename(target.path)).toBe('华东 错误行.xlsx');
    expect(target.url).toMatch(/^\/api-download\/[0-9a-f-]{36}$/);
    // Nothing written there yet: nothing to download.
    expect((await request(port, target.url, { headers: auth })).status).toBe(404);
    fs.writeFileSync(target.path, 'PK\u0003\u0004');
    const got = await request(port, target.url, { headers: auth });
    expect(got.status).toBe(200);
    expect(got.body).toBe('PK\u0003\u0004');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="__ ___.xlsx"; filename*=UTF-8''${encodeURIComponent('华东 错误行.xlsx')}`,
    );
    // Another address, or a path in place of one, finds nothing.
    for (const p of [
      '/api-download/00000000-0000-4000-8000-000000000000',
      '/api-download/..%2f..%2fetc%2fpasswd',
    ])
      expect((await request(port, p, { headers: auth })).status, p).toBe(404);
  });
});
