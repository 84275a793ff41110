import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkbench, type Served } from '../../e2e/server';
import { SAMPLES, tempDir } from '../../helpers/workbench';

let served: Served;
beforeAll(async () => {
  const staticDir = tempDir('qw-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  served = await serveWorkbench({ staticDir });
});
afterAll(() => served?.close());

async function call(channel: string, input: object): Promise<{ ok: boolean; value?: { outcome: string } }> {
  const res = await fetch(`http://127.0.0.1:${served.server.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${served.server.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: { outcome: string } };
}

describe('qms serve guards imports as the desktop app does', () => {
  it('copies the database before an import that writes, not before a dry run', async () => {
    const backups = path.join(served.wb.dir, 'backups');
    const listed = () => (fs.existsSync(backups) ? fs.readdirSync(backups) : []);
    const run = { path: path.join(SAMPLES, 'standards.xlsx'), mapping: [] };
    expect(await call('imports:run', { ...run, dryRun: true })).toMatchObject({
      ok: true,
      value: { outcome: 'checked' },
    });
    expect(listed()).toEqual([]);
    expect(await call('imports:run', run)).toMatchObject({ ok: true, value: { outcome: 'imported' } });
    expect(listed()).toEqual([expect.stringMatching(/^workbench-before-import-.+\.db$/)]);
  });
});
