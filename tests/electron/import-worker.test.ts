import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerEntry } from '../../main/import/worker-url';
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
});
