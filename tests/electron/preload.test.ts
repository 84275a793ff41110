import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { IPC_PROGRESS_CHANNEL, type Bridge, type ProgressEvent } from '../../shared/transport';
import { ROOT } from '../helpers/workbench';

/** An ipcRenderer that records what the page sends and lets the test push events. */
function fakeIpcRenderer() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
    push(channel: string, payload: unknown) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'electron internals' }, payload);
    },
  };
}

/** Drives a Bridge exactly as the renderer would, checking what crosses to main. */
async function checkBridge(exposed: Map<string, unknown>, ipc: ReturnType<typeof fakeIpcRenderer>) {
  expect([...exposed.keys()]).toEqual(['qms']);
  const bridge = exposed.get('qms') as Bridge;
  expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onProgress']);

  for (const channel of CHANNELS) await bridge.invoke(channel, { probe: channel });
  expect(ipc.invoke.mock.calls.map(([c]) => c)).toEqual(CHANNELS.map((c) => `qms:${c}`));

  ipc.invoke.mockClear();
  for (const foreign of ['fs:readFile', 'qms-progress', 'system:info:x', '__proto__', 'constructor']) {
    const reply = await bridge.invoke(foreign, {});
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unsupported', field: 'channel' } });
  }
  expect(ipc.invoke).not.toHaveBeenCalled();

  const seen: unknown[][] = [];
  const stop = bridge.onProgress((...args) => seen.push(args));
  const event: ProgressEvent = { jobId: 'j1', phase: 'rows', done: 3, total: 10 };
  ipc.push(IPC_PROGRESS_CHANNEL, event);
  stop();
  ipc.push(IPC_PROGRESS_CHANNEL, { ...event, done: 4 });
  // The listener gets the event alone: never Electron's event object with its sender.
  expect(seen).toEqual([[event]]);
}

describe('preload (source, under vitest)', () => {
  it('exposes only window.qms = { invoke, onProgress } over exactly the contract channels', async () => {
    const exposed = new Map<string, unknown>();
    const ipc = fakeIpcRenderer();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: ipc,
    }));
    await import('../../main/electron/preload');
    await checkBridge(exposed, ipc);
    vi.doUnmock('electron');
  });
});

describe('preload (the bundle the app ships)', () => {
  let code: string;
  beforeAll(async () => {
    const { buildElectron } = (await import(path.join(ROOT, 'scripts/build-electron.mjs'))) as {
      buildElectron(): Promise<string>;
    };
    code = fs.readFileSync(path.join(await buildElectron(), 'preload.cjs'), 'utf8');
  });

  it('requires nothing but electron, so it runs in a sandboxed renderer', () => {
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('behaves as the source does: the same allow-list, the same bridge', async () => {
    const exposed = new Map<string, unknown>();
    const ipc = fakeIpcRenderer();
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, api: unknown) => exposed.set(k, api) },
      ipcRenderer: ipc,
    };
    const module = { exports: {} };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    vm.runInNewContext(code, {
      module,
      exports: module.exports,
      require: sandboxRequire,
      Promise,
      Set,
      JSON,
    });
    await checkBridge(exposed, ipc);
  });
});
