import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Handlers } from '../../shared/contract';
import type { Envelope } from '../../shared/transport';
import { IPC_CHANNELS, ipcChannelOf } from '../../main/electron/channels';
import { registerContractIpc } from '../../main/electron/ipc';
import { testWorkbench, type TestWorkbench } from '../helpers/workbench';
import { appFrame, FakeIpcMain } from './fakes';

const count = (wb: TestWorkbench, table: string) =>
  (wb.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('contract over IPC', () => {
  let wb: TestWorkbench;
  let ipc: FakeIpcMain;
  let regionsCreate: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    wb = testWorkbench();
    ipc = new FakeIpcMain();
    regionsCreate = vi.fn(wb.handlers['regions:create']);
    const handlers: Handlers = {
      ...wb.handlers,
      'regions:create': regionsCreate as Handlers['regions:create'],
    };
    registerContractIpc(ipc, handlers);
  });
  afterEach(() => wb.close());

  it('registers exactly one handler per contract call and nothing else', () => {
    expect(CHANNELS.length).toBeGreaterThan(40);
    expect(new Set(ipc.registrations).size).toBe(ipc.registrations.length);
    expect([...ipc.registrations].sort()).toEqual(CHANNELS.map((c) => `qms:${c}`).sort());
    expect([...ipc.registrations].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers a well-formed call from the app window through the services', async () => {
    const reply = (await ipc.invoke(ipcChannelOf('regions:create'), {
      code: 'EAST',
      name: '华东区',
    })) as Envelope<{
      code: string;
    }>;
    expect(reply).toMatchObject({ ok: true, value: { code: 'EAST', name: '华东区' } });
    expect(count(wb, 'regions')).toBe(1);
    expect(regionsCreate).toHaveBeenCalledTimes(1);
  });

  it('rejects a malformed argument naming the field, without calling the service or writing', async () => {
    const before = { regions: count(wb, 'regions'), audit: count(wb, 'audit_log') };
    for (const bad of [{ code: 12, name: '华东区' }, { name: '华东区' }, 'EAST', [1, 2]]) {
      const reply = (await ipc.invoke(ipcChannelOf('regions:create'), bad)) as Envelope<unknown>;
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.kind).toBe('invalid');
    }
    const reply = (await ipc.invoke(ipcChannelOf('regions:create'), {
      code: 12,
      name: 'x',
    })) as Envelope<unknown>;
    expect(!reply.ok && reply.error.field).toBe('code');
    expect(regionsCreate).not.toHaveBeenCalled();
    expect({ regions: count(wb, 'regions'), audit: count(wb, 'audit_log') }).toEqual(before);
  });

  it('refuses calls from any frame but the app page: other origins, file://, subframes, none', async () => {
    const foreign = [
      { url: 'https://example.com/', parent: null },
      { url: `file://${path.resolve('dist/renderer/index.html')}`, parent: null },
      { url: 'app://elsewhere/index.html', parent: null },
      { url: 'app://workbench/index.html', parent: { url: 'app://workbench/index.html' } },
      null,
    ];
    for (const frame of foreign) {
      const reply = (await ipc.invoke(
        ipcChannelOf('regions:create'),
        { code: 'EAST', name: '华东区' },
        frame,
      )) as Envelope<unknown>;
      expect(reply).toMatchObject({ ok: false, error: { kind: 'unsupported', field: 'sender' } });
    }
    expect(regionsCreate).not.toHaveBeenCalled();
    expect(count(wb, 'regions')).toBe(0);
    // The same call from the app itself goes through.
    expect(
      await ipc.invoke(ipcChannelOf('regions:create'), { code: 'EAST', name: '华东区' }, appFrame()),
    ).toMatchObject({ ok: true });
  });

  it('unregisters every channel on shutdown', () => {
    const other = new FakeIpcMain();
    const stop = registerContractIpc(other, wb.handlers);
    stop();
    expect(other.handlers.size).toBe(0);
  });
});

describe('desktop calls outside the desktop app', () => {
  it('answer unsupported over the plain workbench (qms serve, the CLI)', async () => {
    const wb = testWorkbench();
    try {
      await expect(wb.dispatch('desktop:openWorkbooks', {})).rejects.toMatchObject({ kind: 'unsupported' });
      await expect(wb.dispatch('desktop:saveBackup', {})).rejects.toMatchObject({ kind: 'unsupported' });
    } finally {
      wb.close();
    }
  });
});
