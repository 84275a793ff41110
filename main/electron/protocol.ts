/**
 * The renderer is served over app://workbench/ from the built folder and nothing else: a
 * request that resolves outside it is refused, so a crafted URL cannot read the disk. A
 * standard, secure scheme gives the page a real origin (unlike file://) for the CSP's 'self'.
 */
import { readStatic, resolveStatic } from '../platform/static-files';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

export const SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * The file a URL names inside `rootDir`, or null. A path without an extension is a client
 * route of the single-page app and gets index.html.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  return resolveStatic(rootDir, u.pathname);
}

/** Answers one app:// request: the file with its type and the CSP, or 404. */
export async function serveAppRequest(rootDir: string, url: string): Promise<Response> {
  const file = resolveAppFile(rootDir, url);
  const found = file && (await readStatic(rootDir, new URL(url).pathname));
  if (found) {
    return new Response(found.body, {
      headers: {
        'content-type': found.type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  }
  return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}
