/**
 * `export:run` as a job: with a `jobId` the caller follows its progress (rows written of the
 * total) and can cancel it; a cancelled export leaves nothing on disk, not even a temp file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/transport';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { exportRun } from './read';

const BRANCHES = 240;
let wb: TestWorkbench;

/** 240 branches x the 26 library standards, one period: 6,240 measurements, by plain SQL. */
beforeAll(async () => {
  wb = testWorkbench();
  await wb.dispatch('standards:seed', {});
  await wb.dispatch('regions:create', { code: 'EAST', name: '华东区' });
  const region = wb.db.prepare("SELECT id FROM regions WHERE code = 'EAST'").pluck().get();
  const standards = wb.db.prepare('SELECT id, code FROM standards').all() as { id: string; code: string }[];
  const now = '2026-11-02T08:00:00.000Z';
  wb.db.transaction(() => {
    for (let b = 1; b <= BRANCHES; b++) {
      const branch = randomUUID();
      const inspection = randomUUID();
      wb.db
        .prepare(
          'INSERT INTO branches (id, region_id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(branch, region, `EAST-${String(b).padStart(3, '0')}`, `华东第${b}营业厅`, now, now);
      wb.db
        .prepare(
          "INSERT INTO inspections (id, branch_id, period, kind, created_at, updated_at) VALUES (?, ?, '2026-10', 'self_assessment', ?, ?)",
        )
        .run(inspection, branch, now, now);
      for (const s of standards) {
        wb.db
          .prepare(
            `INSERT INTO measurements (id, inspection_id, standard_id, standard_code, value, verdict, gap, attainment,
               created_at, updated_at) VALUES (?, ?, ?, ?, 1, 'pass', 0, 1, ?, ?)`,
          )
          .run(randomUUID(), inspection, s.id, s.code, now, now);
      }
    }
  })();
});
afterAll(() => wb.close());

describe('export:run as a job', () => {
  it('reports progress of rows written against the total', async () => {
    const events: ProgressEvent[] = [];
    const off = wb.onProgress((e) => events.push(e));
    const jobId = randomUUID();
    const outcome = await exportRun(wb, { kind: 'measurements', path: path.join(wb.dir, 'all.xlsx'), jobId });
    off();
    const total = BRANCHES * 26;
    expect(outcome.rows).toBe(total);
    expect(events.map((e) => [e.jobId, e.phase, e.done, e.total])).toEqual([
      [jobId, 'write', 5000, total],
      [jobId, 'write', total, total],
    ]);
  });

  it('stops when cancelled and leaves no file and no temp file behind', async () => {
    const dir = path.join(wb.dir, 'cancelled');
    fs.mkdirSync(dir);
    const jobId = randomUUID();
    const off = wb.onProgress((e) => {
      if (e.jobId === jobId) void wb.dispatch('jobs:cancel', { jobId });
    });
    const result = exportRun(wb, { kind: 'measurements', path: path.join(dir, 'all.csv'), jobId });
    await expect(result).rejects.toMatchObject({ kind: 'cancelled' });
    off();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
