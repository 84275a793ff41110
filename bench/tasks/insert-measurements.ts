// One side of the foundation suite: write N measurements either through the contract
// (validation, verdicts, audit trail: what the UI does row by row) or as raw prepared
// inserts (the SQLite floor), so the table shows what the service layer costs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkbench } from '../../main/workbench';
import { benchInserts, benchRows } from '../generate';

const [mode, countArg] = process.argv.slice(2);
const count = Number(countArg);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-bench-insert-'));
const wb = openWorkbench({ dbPath: path.join(dir, 'bench.db'), user: 'bench' });
await wb.dispatch('standards:seed', {});

const regions = new Set<string>();
const branches = new Set<string>();
const inspections = new Map<string, string>();
const rows = [...benchRows(count)];

if (mode === 'service') {
  for (const r of rows) {
    if (!regions.has(r.regionCode)) {
      await wb.dispatch('regions:create', { code: r.regionCode, name: r.regionName });
      regions.add(r.regionCode);
    }
    if (!branches.has(r.branchCode)) {
      await wb.dispatch('branches:create', {
        code: r.branchCode,
        name: r.branchName,
        regionCode: r.regionCode,
      });
      branches.add(r.branchCode);
    }
    const key = `${r.branchCode}/${r.period}`;
    let inspectionId = inspections.get(key);
    if (!inspectionId) {
      inspectionId = (
        (await wb.dispatch('inspections:create', { branchCode: r.branchCode, period: r.period })) as {
          id: string;
        }
      ).id;
      inspections.set(key, inspectionId);
    }
    await wb.dispatch('measurements:upsert', { inspectionId, standardCode: r.standardCode, value: r.value });
  }
} else {
  const db = wb.db;
  const standardIds = new Map(
    (db.prepare('SELECT code, id FROM standards').all() as { code: string; id: string }[]).map((s) => [
      s.code,
      s.id,
    ]),
  );
  const now = new Date().toISOString();
  const insert = benchInserts(db);
  const regionIds = new Map<string, string>();
  const branchIds = new Map<string, string>();
  db.transaction(() => {
    for (const r of rows) {
      if (!regionIds.has(r.regionCode)) {
        regionIds.set(r.regionCode, crypto.randomUUID());
        insert.region.run(regionIds.get(r.regionCode), r.regionCode, r.regionName, now, now);
      }
      if (!branchIds.has(r.branchCode)) {
        branchIds.set(r.branchCode, crypto.randomUUID());
        insert.branch.run(
          branchIds.get(r.branchCode),
          regionIds.get(r.regionCode),
          r.branchCode,
          r.branchName,
          now,
          now,
        );
      }
      const key = `${r.branchCode}/${r.period}`;
      if (!inspections.has(key)) {
        inspections.set(key, crypto.randomUUID());
        insert.inspection.run(
          inspections.get(key),
          branchIds.get(r.branchCode),
          r.period,
          null,
          null,
          now,
          now,
        );
      }
      // Not judged: the SQLite floor under the service's validation and verdicts.
      insert.measurement.run(
        crypto.randomUUID(),
        inspections.get(key),
        standardIds.get(r.standardCode),
        r.standardCode,
        r.value,
        'pass',
        0,
        1,
        now,
        now,
      );
    }
  })();
}
const n = (wb.db.prepare('SELECT count(*) AS n FROM measurements').get() as { n: number }).n;
wb.close();
fs.rmSync(dir, { recursive: true, force: true });
if (n !== count) throw new Error(`wrote ${n} measurements, expected ${count}`);
