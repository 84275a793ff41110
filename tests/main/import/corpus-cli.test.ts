import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/contracts/import';
import { CORPUS, ROOT, tempDir } from '../../helpers/workbench';

/**
 * Every real-world workbook of the corpus through `qms import --dry-run`: a report or a clean
 * refusal (one line naming the file, no stack), never a crash or a hang. The CLI is spawned
 * once per group of files (each process costs seconds on a shared machine); the timeout is
 * per file in the group, and each file's outcome is checked on its own.
 */
const FILES = fs
  .readdirSync(CORPUS)
  .filter((f) => /\.xls[xm]$/i.test(f))
  .sort();
const GROUP = 12;
const SECONDS_PER_FILE = 30;
const groups = Array.from({ length: Math.ceil(FILES.length / GROUP) }, (_, i) =>
  FILES.slice(i * GROUP, (i + 1) * GROUP),
);

function run(
  args: string[],
  timeoutMs: number,
): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/qms.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, QMS_DEBUG: '' },
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

describe('qms import --dry-run over the corpus', () => {
  it.each(groups.map((g, i) => [`${i * GROUP + 1}-${i * GROUP + g.length}`, g] as const))(
    'files %s: a report or a one-line refusal each',
    async (_, files) => {
      const db = path.join(tempDir(), 'corpus.db');
      const r = await run(
        ['--db', db, 'import', '--dry-run', '--json', ...files.map((f) => path.join(CORPUS, f))],
        files.length * SECONDS_PER_FILE * 1000,
      );
      expect(r.signal, 'no hang, no crash').toBeNull();
      expect([0, 1, 2], r.stderr).toContain(r.status);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      type Entry = ImportReport | { file: string; error: { kind: string; message: string } };
      const parsed = JSON.parse(r.stdout) as Entry | Entry[];
      const entries = Array.isArray(parsed) ? parsed : [parsed];
      // Every file has its entry in the JSON: a report, or what went wrong.
      expect(entries.length).toBe(files.length);
      const reports = entries.filter((x): x is ImportReport => 'fileName' in x);
      const failed = entries.flatMap((x) => ('error' in x ? [x] : []));
      const refusals = r.stderr.split('\n').filter((l) => l !== '');
      expect(failed.length).toBe(refusals.length);
      failed.forEach((f, i) => expect(refusals[i]).toContain(`qms: ${f.file}: ${f.error.message}`));
      for (const file of files) {
        const reported = reports.filter((rep) => rep.fileName === file);
        const refused = refusals.filter((l) => l.startsWith(`qms: ${path.join(CORPUS, file)}: `));
        expect(reported.length + refused.length, file).toBe(1);
        if (reported[0]) {
          expect(reported[0].outcome, file).toMatch(/^(checked|nothing)$/);
          expect(reported[0].sheets.length, `${file}: every sheet is listed`).toBeGreaterThan(0);
        }
      }
      expect(refusals.length, 'nothing on stderr but refusals').toBe(files.length - reports.length);
      if (refusals.length > 0) expect(r.status).toBe(2);
      // A dry run writes nothing.
      const { default: Database } = await import('better-sqlite3');
      const check = new Database(db, { readonly: true });
      expect(check.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
      check.close();
    },
    FILES.length * SECONDS_PER_FILE * 1000,
  );

  it('refuses an encrypted workbook alone with exit 2 and one line saying what to do', async () => {
    const file = path.join(CORPUS, 'calamine__pass_protected.xlsx');
    const r = await run(['--db', path.join(tempDir(), 'x.db'), 'import', file], 120_000);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/password/);
    expect(r.stdout).toBe('');
  }, 120_000);
});
