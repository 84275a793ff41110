import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openWorkbench, type Workbench } from '../../main/workbench';
import { tempDir } from './temp';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLES = path.resolve(ROOT, '../shared/samples');
export const CORPUS = path.resolve(ROOT, '../shared/corpus/xlsx');

/** Re-exported: most tests take it from here. */
export { tempDir };

export interface TestWorkbench extends Workbench {
  dir: string;
  dbPath: string;
  /** Moves the fixed clock, e.g. to check audit times or overdue actions. */
  setNow(iso: string): void;
}

/** A workbench on a new database file with a fixed clock and a named user. */
export function testWorkbench(options: { now?: string; user?: string; dir?: string } = {}): TestWorkbench {
  const dir = options.dir ?? tempDir();
  const dbPath = path.join(dir, 'test.db');
  let now = new Date(options.now ?? '2026-11-02T08:00:00.000Z');
  const wb = openWorkbench({ dbPath, user: options.user ?? 'tester', now: () => now });
  return { ...wb, dir, dbPath, setNow: (iso) => (now = new Date(iso)) };
}

/** A small organisation and the built-in library, for tests that need something to act on. */
export async function withOrganisation(wb: Workbench): Promise<void> {
  await wb.dispatch('standards:seed', {});
  await wb.dispatch('regions:create', { code: 'EAST', name: '华东区' });
  await wb.dispatch('branches:create', { code: 'EAST-001', name: '上海浦东营业厅', regionCode: 'EAST' });
  await wb.dispatch('branches:create', { code: 'EAST-002', name: '上海徐汇营业厅', regionCode: 'EAST' });
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `qms` command as a user would, in its own process. */
export function qms(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 120_000): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/qms.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, QMS_DEBUG: '', ...env },
    encoding: 'utf8',
    timeout,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function count(wb: Workbench, table: string): number {
  return (wb.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
