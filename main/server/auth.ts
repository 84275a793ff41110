/**
 * Who may talk to `qms serve`: a page on this machine that knows the per-run token. The Host
 * check defeats DNS rebinding (a foreign site resolving its name to 127.0.0.1 sends its own
 * Host); the token defeats other local users and pages on other ports. The token may sit in
 * the query only when the page itself loads: it is swapped for an HttpOnly cookie at once, so
 * it never lingers in URLs the app requests or in the history.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'qms_token';

export const newToken = (): string => randomBytes(24).toString('base64url');

export function sameSecret(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only the loopback names with our own port: anything else is a rebinding attempt. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The token from the Authorization header or the cookie (never from the query). */
export function requestToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return cookieValue(req, TOKEN_COOKIE);
}

/** The page loads: the app's entry document, where `?token=` is accepted once. */
export function isPageLoad(method: string | undefined, pathname: string): boolean {
  return method === 'GET' && (pathname === '/' || pathname === '/index.html');
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
