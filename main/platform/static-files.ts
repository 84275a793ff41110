/**
 * The built renderer, read from its folder and nothing else: a path that resolves outside it
 * (`..`, encoded slashes, NUL) is refused, so a crafted URL cannot read the disk. Used by
 * `qms serve` over HTTP and by the desktop app's app:// protocol alike.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** The file a URL path names inside `rootDir`, or null; extensionless paths get index.html. */
export function resolveStatic(rootDir: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  if (relative === '/' || path.posix.extname(relative) === '') relative = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${path.posix.normalize(relative)}`);
  return file.startsWith(root + path.sep) ? file : null;
}

export async function readStatic(
  rootDir: string,
  pathname: string,
): Promise<{ body: Buffer<ArrayBuffer>; type: string; file: string } | null> {
  const file = resolveStatic(rootDir, pathname);
  if (!file) return null;
  try {
    const body = await fs.readFile(file);
    return { body, file, type: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
