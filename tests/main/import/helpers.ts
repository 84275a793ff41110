import path from 'node:path';
import { contract, type Input } from '../../../shared/contract';
import { runImport } from '../../../main/import/run';
import type { ImportReport } from '../../../shared/contracts/import';
import { SAMPLES, type TestWorkbench } from '../../helpers/workbench';

export const sample = (name: string): string => path.join(SAMPLES, name);

/**
 * Runs `imports:run` as its handler does, validated by the contract's schema, but on this
 * thread (the worker's start-up costs seconds per call; worker.test.ts covers that path).
 */
export async function importFile(
  wb: TestWorkbench,
  file: string,
  options: Omit<Input<'imports:run'>, 'path'> = {},
): Promise<ImportReport> {
  return runImport(wb.ctx, contract['imports:run'].input.parse({ path: file, ...options }), null);
}

/** Standards and branches first: the measurement samples refer to them. */
export async function withSampleLibrary(wb: TestWorkbench): Promise<void> {
  for (const f of ['standards.xlsx', 'branches.xlsx']) {
    const r = await importFile(wb, sample(f));
    if (r.outcome !== 'imported') throw new Error(`${f}: ${r.outcome}`);
  }
}

export type MeasurementTuple = [string, string, string, number];

/** Every measurement as expected.json writes it: [branch, period, standard, value], sorted. */
export function measurementTuples(wb: TestWorkbench, batchId?: string): MeasurementTuple[] {
  const rows = wb.db
    .prepare(
      `SELECT b.code AS branch, i.period, m.standard_code AS code, m.value FROM measurements m
         JOIN inspections i ON i.id = m.inspection_id JOIN branches b ON b.id = i.branch_id
        ${batchId ? 'WHERE m.batch_id = ?' : ''} ORDER BY 1, 2, 3`,
    )
    .all(...(batchId ? [batchId] : [])) as { branch: string; period: string; code: string; value: number }[];
  return rows.map((r) => [r.branch, r.period, r.code, r.value]);
}

export const sortTuples = (t: MeasurementTuple[]): MeasurementTuple[] =>
  [...t].sort((a, b) => (a.slice(0, 3).join('|') < b.slice(0, 3).join('|') ? -1 : 1));
