/**
 * Files the workbench writes for a browser to download (qms serve). A page cannot name a place
 * on disk the way the desktop app's save dialog does, so it asks for a private one first, has a
 * contract call write there (an import's failed rows), then downloads it. Only files in those
 * places are served, found by a random id, never by a path the request names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { HTTP_DOWNLOAD_PREFIX } from '../../shared/transport';

/** A name a client gave, as a file name: no folders, nothing a file system may refuse. */
export function safeFileName(name: string | null, fallback: string): string {
  const safe = path.basename(name ?? '').replace(/[^\p{L}\p{N}._ -]/gu, '_');
  // "." and ".." name the folder itself, or the one above.
  return /^\.*$/.test(safe) ? fallback : safe;
}

export interface SaveTarget {
  path: string;
  url: string;
}

export function downloadsIn(dir: string) {
  const places = new Map<string, string>();
  return {
    /** A new private place for a file named `name`, and the address it downloads from. */
    target(name: string): SaveTarget {
      const id = randomUUID();
      const file = path.join(dir, id, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      places.set(id, file);
      return { path: file, url: `${HTTP_DOWNLOAD_PREFIX}${id}` };
    },
    /** The file written at an address's place; null when none is (not written, or no such address). */
    file(urlPath: string): { path: string; name: string } | null {
      const file = places.get(urlPath.slice(HTTP_DOWNLOAD_PREFIX.length));
      return file && fs.existsSync(file) ? { path: file, name: path.basename(file) } : null;
    },
  };
}

/** Content-Disposition for a download keeping a Chinese name (RFC 6266), with an ASCII fallback. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
