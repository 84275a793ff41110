/**
 * The typed client for every page: Electron's preload bridge (`window.qms`) when present,
 * else HTTP to `qms serve` (the token travels in its HttpOnly cookie, set when the page loaded).
 */
import {
  createClient,
  HTTP_API_PREFIX,
  HTTP_EVENTS_PATH,
  type Bridge,
  type Client,
  type Envelope,
  type ProgressEvent,
} from '../shared/transport';

declare global {
  interface Window {
    qms?: Bridge;
  }
}

/** Where `qms serve` takes a workbook's bytes and answers with a path the contract accepts. */
export const HTTP_UPLOAD_PATH = '/api-upload';

function transportError(detail: string): Envelope<never> {
  return {
    ok: false,
    error: {
      kind: 'internal',
      key: 'invalidField',
      params: { field: 'http', detail },
      field: 'http',
      message: detail,
    },
  };
}

/**
 * Bodies up to this many bytes, together, are sent with `keepalive`. A call made as the page
 * goes (the plan page saves the drafts still waiting when it is hidden: a reload, a closed
 * tab) is a fetch Chromium may cancel with the page, unless kept alive; but a browser keeps
 * alive at most 64 KB of request bodies in flight at once and fails any fetch past that.
 */
export const KEEPALIVE_BYTES = 60_000;

export function httpBridge(): Bridge {
  const listeners = new Set<(event: ProgressEvent) => void>();
  let source: EventSource | null = null;
  let keptAlive = 0;
  return {
    async invoke(channel, input) {
      const body = JSON.stringify(input ?? {});
      // Measured only when it may fit: a body's UTF-8 bytes are at least its length.
      const bytes = body.length <= KEEPALIVE_BYTES ? new TextEncoder().encode(body).byteLength : Infinity;
      const keepalive = keptAlive + bytes <= KEEPALIVE_BYTES;
      if (keepalive) keptAlive += bytes;
      try {
        const res = await fetch(`${HTTP_API_PREFIX}${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          credentials: 'same-origin',
          keepalive,
        });
        if (!res.ok) return transportError(`HTTP ${res.status}`);
        return (await res.json()) as Envelope<unknown>;
      } catch (e) {
        return transportError(e instanceof Error ? e.message : String(e));
      } finally {
        if (keepalive) keptAlive -= bytes;
      }
    },
    onProgress(listener) {
      listeners.add(listener);
      // One stream for the page, opened on first interest.
      source ??= new EventSource(HTTP_EVENTS_PATH);
      source.onmessage = (message) => {
        const event = JSON.parse(message.data as string) as ProgressEvent;
        for (const l of listeners) l(event);
      };
      return () => listeners.delete(listener);
    },
  };
}

export const isDesktop = typeof window !== 'undefined' && !!window.qms;
export const client: Client = createClient(window.qms ?? httpBridge());

/** Serve mode: hands a picked or dropped file to the server, which keeps a private copy. */
export async function uploadWorkbook(file: File): Promise<string> {
  const res = await fetch(`${HTTP_UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
    credentials: 'same-origin',
  });
  if (!res.ok) throw new Error(`upload failed: HTTP ${res.status}`);
  return ((await res.json()) as { path: string }).path;
}
