/**
 * Small stand-ins for the parts of Electron's API the shell uses: the runtime cannot be had on
 * these machines, so tests replace it at the module boundary and drive our code through it.
 */
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcMainLike } from '../../main/electron/ipc';
import { APP_ENTRY_URL } from '../../main/electron/security';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

/** ipcMain: keeps what was registered, refuses a second handler for a channel as Electron does. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly registrations: string[] = [];

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.registrations.push(channel);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke would get back, sent from a frame at `url`. */
  invoke(
    channel: string,
    input: unknown,
    frame: { url: string; parent: unknown } | null = appFrame(),
  ): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frame } as unknown as IpcMainInvokeEvent, input);
  }
}

export const appFrame = (url = APP_ENTRY_URL) => ({ url, parent: null });

/** webContents: an event emitter plus the window-open handler it was given. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits an event the way Electron does and says whether a listener prevented its default. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}
