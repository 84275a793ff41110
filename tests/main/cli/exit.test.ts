import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/contracts/import';
import { ROOT, SAMPLES, tempDir } from '../../helpers/workbench';

/**
 * `qms` exits outright once its output is out (main/cli/index.ts), not by the end of the
 * event loop. Whatever it wrote must still reach a reader that takes it slowly: here a pipe
 * not read at all for a while, with more output than the pipe holds. (On Linux a pipe to
 * stdout blocks the writer, so this guards the macOS and Windows case, where it does not.)
 */
describe('qms leaving', () => {
  it('hands all its output to a slow reader before it exits', async () => {
    const db = path.join(tempDir(), 'exit.db');
    const samples = ['standards.xlsx', 'branches.xlsx', 'east-2026-10-wide.xlsx', 'north-2026-q3-long.xlsx'];
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'bin/qms.mjs'),
        '--db',
        db,
        'import',
        '--dry-run',
        '--json',
        ...samples.map((f) => path.join(SAMPLES, f)),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.stdout.resume();
    const status = await closed;
    const out = Buffer.concat(chunks).toString('utf8');
    // 1: a dry run writes no branches, so rows naming the sample's new branches are rejected.
    expect(status).toBe(1);
    expect(out.length).toBeGreaterThan(64 * 1024);
    const reports = JSON.parse(out) as ImportReport[];
    expect(reports.map((r) => r.fileName)).toEqual(samples);
  }, 60_000);
});
