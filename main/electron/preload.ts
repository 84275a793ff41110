/**
 * The whole of what the renderer gets from Electron: `window.qms`, the shared Bridge. One
 * `invoke` over the contract's channels (anything else is answered without touching IPC) and
 * a progress subscription. Runs sandboxed, so it is bundled (scripts/build-electron.mjs) and
 * its only runtime import is 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge, Envelope, ProgressEvent } from '../../shared/transport';
import { IPC_PROGRESS_CHANNEL } from '../../shared/transport';
import { IPC_CHANNELS, ipcChannelOf } from './channels';

type IpcRendererLike = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

const unknownCall = (channel: string): Envelope<never> => {
  const detail = `unknown call ${channel}`;
  return {
    ok: false,
    error: {
      kind: 'unsupported',
      key: 'invalidField',
      params: { field: 'channel', detail },
      field: 'channel',
      message: detail,
    },
  };
};

export function createBridge(ipc: IpcRendererLike): Bridge {
  const allowed = new Set(IPC_CHANNELS);
  return {
    invoke(channel, input) {
      const name = ipcChannelOf(String(channel));
      if (!allowed.has(name)) return Promise.resolve(unknownCall(String(channel)));
      return ipc.invoke(name, input) as Promise<Envelope<unknown>>;
    },
    onProgress(listener) {
      // The event object is not passed on: it would hand the page Electron's sender.
      const relay = (_event: IpcRendererEvent, progress: ProgressEvent) => listener(progress);
      ipc.on(IPC_PROGRESS_CHANNEL, relay);
      return () => {
        ipc.removeListener(IPC_PROGRESS_CHANNEL, relay);
      };
    },
  };
}

contextBridge.exposeInMainWorld('qms', createBridge(ipcRenderer));
