/**
 * The wire shape every transport carries (Electron IPC and loopback HTTP alike), so the
 * renderer's client is one piece of code over either. Errors travel as data: a class does
 * not survive structured clone or JSON.
 */
import type { Channel, Input, Output } from './contract';
import { AppError, type ErrorPayload } from './errors';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Events main/ pushes while long work runs (imports, exports, plans). */
export interface ProgressEvent {
  /** Identifies the job the caller started (returned by the starting call). */
  jobId: string;
  phase: string;
  done: number;
  total: number | null;
  message?: string;
}

/** What the Electron preload exposes as `window.qms`, and the HTTP client implements too. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}

export const IPC_INVOKE_PREFIX = 'qms:';
export const IPC_PROGRESS_CHANNEL = 'qms-progress';
/** HTTP: POST `${HTTP_API_PREFIX}${channel}` with the JSON argument; GET `${HTTP_EVENTS_PATH}` is SSE. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api-events';
/**
 * HTTP (qms serve) only: POST `${HTTP_SAVE_TARGET_PATH}?name=NAME` answers a private place for a
 * file a contract call is to write ({ path, url }), and GET the url downloads it once written:
 * the browser's stand-in for the desktop app's save dialog.
 */
export const HTTP_SAVE_TARGET_PATH = '/api-save-target';
export const HTTP_DOWNLOAD_PREFIX = '/api-download/';

export interface Client {
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}

/** The typed client over any bridge: unwraps envelopes, rethrows errors as AppError. */
export function createClient(bridge: Bridge): Client {
  return {
    async call(channel, input) {
      const envelope = await bridge.invoke(channel, input);
      if (!envelope.ok) throw AppError.fromPayload(envelope.error);
      return envelope.value as never;
    },
    onProgress: (listener) => bridge.onProgress(listener),
  };
}
