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

function httpBridge(): Bridge {
  const listeners = new Set<(event: ProgressEvent) => void>();
  let source: EventSource | null = null;
  return {
    async invoke(channel, input) {
      try {
        const res = await fetch(`${HTTP_API_PREFIX}${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        if (!res.ok) return transportError(`HTTP ${res.status}`);
        return (await res.json()) as Envelope<unknown>;
      } catch (e) {
        return transportError(e instanceof Error ? e.message : String(e));
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
