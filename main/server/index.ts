/**
 * `qms serve`: the built workbench and the contract over HTTP, on loopback only. Every request
 * needs the per-run token and a loopback Host (auth.ts); calls go through the same
 * `dispatchEnvelope` as Electron's IPC, so validation and errors are identical.
 *   POST /api/<channel>   JSON argument -> Envelope
 *   GET  /api-events      Server-Sent Events: ProgressEvents of running jobs
 *   POST /api-upload      a workbook's bytes -> { path } of a private temporary copy, since a
 *                         browser cannot hand over file paths the way Electron's dialogs do
 *   POST /api-save-target a private place for a file a call is to write -> { path, url }, and
 *   GET  /api-download/…  that file, once written, as a download (downloads.ts)
 *   GET  anything else    the built renderer (static.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { openWorkbench, type Workbench } from '../workbench';
import { dispatchEnvelope } from '../services/handlers';
import { withBackupBeforeImport } from '../services/backups';
import {
  HTTP_API_PREFIX,
  HTTP_DOWNLOAD_PREFIX,
  HTTP_EVENTS_PATH,
  HTTP_SAVE_TARGET_PATH,
  type ProgressEvent,
} from '../../shared/transport';
import { CONTENT_SECURITY_POLICY } from '../electron/security';
import { hostAllowed, isPageLoad, newToken, requestToken, sameSecret, tokenCookie } from './auth';
import { readStatic } from '../platform/static-files';
import { readBody, TooLarge } from './body';
import { attachment, downloadsIn, safeFileName } from './downloads';

export const HTTP_UPLOAD_PATH = '/api-upload';
/** What a download is, by the extension of the file a call wrote (an export, failed rows). */
const DOWNLOAD_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
};
/** A contract call's argument is small; workbooks come through the upload route. */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface ServerOptions {
  dbPath: string;
  /** 0 or absent: any free port. */
  port?: number;
  staticDir: string;
  log?: (line: string) => void;
  /** Loopback only: '127.0.0.1' (default) or 'localhost'. */
  host?: '127.0.0.1' | 'localhost';
  /** Tests pass a fixed clock or user; absent: the real ones. */
  workbench?: Workbench;
}

export interface RunningServer {
  /** The page to open, token included. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`qms serve listens on loopback only, not ${host}`);
  const log = options.log ?? (() => {});
  const workbench = options.workbench ?? openWorkbench({ dbPath: path.resolve(options.dbPath) });
  // As in the desktop app: an import that writes is preceded by a copy of the database.
  const handlers = { ...workbench.handlers, ...withBackupBeforeImport(workbench.handlers, workbench.ctx) };
  const token = newToken();
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qms-serve-'));
  const downloads = downloadsIn(path.join(uploadDir, 'downloads'));
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = workbench.onProgress((event: ProgressEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      // The token in the query is only for loading the page: trade it for the cookie and
      // reload without it, so it stays out of the history and every later request.
      if (!isPageLoad(req.method, url.pathname) || !sameSecret(queryToken, token))
        return send(res, 401, 'unauthorized');
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'set-cookie': tokenCookie(token),
        location: url.pathname + url.search,
      });
      return void res.end();
    }
    if (!sameSecret(requestToken(req), token)) return send(res, 401, 'unauthorized');

    if (url.pathname.startsWith(HTTP_API_PREFIX))
      return api(req, res, url.pathname.slice(HTTP_API_PREFIX.length));
    if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') return events(req, res);
    if (url.pathname === HTTP_UPLOAD_PATH && req.method === 'POST') return upload(req, res, url);
    if (url.pathname === HTTP_SAVE_TARGET_PATH && req.method === 'POST')
      return sendJson(
        res,
        200,
        downloads.target(safeFileName(url.searchParams.get('name'), 'download.xlsx')),
      );
    if (url.pathname.startsWith(HTTP_DOWNLOAD_PREFIX) && req.method === 'GET') return download(res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const file = await readStatic(options.staticDir, url.pathname);
    if (!file) return send(res, 404, 'not found');
    return send(res, 200, file.body, file.type);
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'method not allowed');
    // JSON only: a cross-site form cannot send it without a preflight this server never grants.
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      return send(res, 415, 'application/json only');
    let input: unknown;
    try {
      const body = await readBody(req, MAX_JSON_BYTES);
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (e) {
      return e instanceof TooLarge ? send(res, 413, 'request too large') : send(res, 400, 'malformed JSON');
    }
    sendJson(res, 200, await dispatchEnvelope(handlers, decodeURIComponent(channel), input));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = safeFileName(url.searchParams.get('name'), 'upload.xlsx');
    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPLOAD_BYTES);
    } catch (e) {
      return e instanceof TooLarge ? send(res, 413, 'file too large') : send(res, 400, 'upload failed');
    }
    // Each upload in its own folder keeps the user's file name (reports show it).
    const dir = path.join(uploadDir, randomUUID());
    fs.mkdirSync(dir);
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    sendJson(res, 200, { path: file, bytes: body.length });
  }

  function download(res: ServerResponse, url: URL): void {
    const file = downloads.file(url.pathname);
    if (!file) return send(res, 404, 'not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': DOWNLOAD_TYPES[path.extname(file.name).toLowerCase()] ?? 'application/octet-stream',
      'content-disposition': attachment(file.name),
    });
    fs.createReadStream(file.path).pipe(res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`qms serve: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    });
  });
  server.requestTimeout = 0; // long imports answer when done; loopback only

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host === 'localhost' ? '127.0.0.1' : host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}/?token=${token}`;

  return {
    url,
    token,
    port,
    close: async () => {
      unsubscribe();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.workbench) workbench.close();
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
