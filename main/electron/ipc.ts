/**
 * One `ipcMain.handle` per contract call, each a thin pass to the same dispatchEnvelope the
 * HTTP server uses (zod validation, then the service). The sender frame is checked first:
 * only the app's own top-level page may call, whatever else ever gets loaded.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Handlers } from '../../shared/contract';
import type { Envelope, ProgressEvent } from '../../shared/transport';
import { IPC_PROGRESS_CHANNEL } from '../../shared/transport';
import { dispatchEnvelope } from '../services/handlers';
import { ipcChannelOf } from './channels';
import { isTrustedSender, type SenderLike } from './security';

/** The slice of Electron's ipcMain this module uses (so tests can pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function refusedSender(channel: string): Envelope<never> {
  const detail = `${channel} refused: the caller is not the workbench window`;
  return {
    ok: false,
    error: {
      kind: 'unsupported',
      key: 'invalidField',
      params: { field: 'sender', detail },
      field: 'sender',
      message: detail,
    },
  };
}

/** Registers the contract on `ipcMain`; returns the function that removes it again. */
export function registerContractIpc(ipcMain: IpcMainLike, handlers: Handlers): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannelOf(channel), async (event, input) => {
      if (!isTrustedSender(event as SenderLike)) return refusedSender(channel);
      return dispatchEnvelope(handlers, channel, input);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(ipcChannelOf(channel));
  };
}

/** Pushes a progress event to the window, if it is still there. */
export function sendProgress(
  target: { isDestroyed(): boolean; send(channel: string, event: ProgressEvent): void },
  event: ProgressEvent,
): void {
  if (!target.isDestroyed()) target.send(IPC_PROGRESS_CHANNEL, event);
}
