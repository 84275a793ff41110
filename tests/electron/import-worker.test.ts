import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurementsWorkbook } from '../../bench/generate';
import { workerEntry } from '../../main/import/worker-url';
import { inThread, viaWorker } from '../helpers/sheet-worker';
import { SAMPLES, count, testWorkbench } from '../helpers/workbench';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The desktop app runs imports in the worker esbuild bundles beside main.cjs (no tsx there):
 * the bundle, named as main/electron/main.ts names it, must import a real workbook.
 */
describe('the bundled import worker', () => {
  let bundled: string;
  beforeAll(async () => {
    const { buildElectron } = (await import(path.join(ROOT, 'scripts/build-electron.mjs'))) as {
      buildElectron(): Promise<string>;
    };
    bundled = path.join(await buildElectron(), 'import-worker.cjs');
    process.env.QMS_IMPORT_WORKER = bundled;
  }, 120_000);
  afterAll(() => {
    delete process.env.QMS_IMPORT_WORKER;
  });

  it('is the entry the import uses, and imports the EAST sample through it', async () => {
    expect(workerEntry()?.pathname).toBe(bundled);
    const wb = testWorkbench();
    try {
      for (const file of ['standards.xlsx', 'east-2026-10-wide.xlsx']) {
        const report = (await wb.dispatch('imports:run', { path: path.join(SAMPLES, file) })) as {
          outcome: string;
        };
        expect(report.outcome).toBe('imported');
      }
      expect(count(wb, 'measurements')).toBe(95);
    } finally {
      wb.close();
    }
  }, 120_000);

  it('reads a long sheet on a worker started from the same bundle, which takes over part-way', async () => {
    const file = await measurementsWorkbook(100_000);
    const expected = await inThread(file);
    const got = await viaWorker(file, pathToFileURL(bundled), 20);
    expect(got.given).toBeLessThan(expected.rows.length);
    expect(got.rows).toEqual(expected.rows);
  }, 300_000);
});
