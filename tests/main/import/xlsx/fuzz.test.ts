import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../../main/import/xlsx';
import { AppError } from '../../../../shared/errors';
import { SAMPLES, tempDir } from '../../../helpers/workbench';

/**
 * Damaged copies of a real workbook (bytes flipped, ranges zeroed, cut short), made from a
 * fixed seed: each must read or be refused with an AppError, never crash or hang.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function damage(original: Buffer, random: () => number): Buffer {
  const bytes = Buffer.from(original);
  const at = (): number => Math.floor(random() * bytes.length);
  const kind = Math.floor(random() * 3);
  if (kind === 0) {
    for (let i = 0, n = 1 + Math.floor(random() * 8); i < n; i++) bytes[at()] = Math.floor(random() * 256);
    return bytes;
  }
  if (kind === 1) {
    const from = at();
    bytes.fill(0, from, Math.min(bytes.length, from + 1 + Math.floor(random() * 64)));
    return bytes;
  }
  return bytes.subarray(0, at());
}

async function readEverything(file: string): Promise<'read' | 'refused'> {
  try {
    const wb = await openWorkbook(file);
    try {
      for (const sheet of wb.sheets) for await (const _ of wb.rows(sheet)) void _;
    } finally {
      await wb.close();
    }
    return 'read';
  } catch (e) {
    if (e instanceof AppError && (e.kind === 'unsupported' || e.kind === 'cancelled')) return 'refused';
    throw e;
  }
}

describe('damaged workbooks', () => {
  it('300 damaged copies of a sample each read or are refused cleanly', async () => {
    const original = fs.readFileSync(path.join(SAMPLES, 'east-2026-10-wide.xlsx'));
    const dir = tempDir('qw-fuzz-');
    const random = rng(20261125);
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 300; i++) {
      const file = path.join(dir, `damaged-${i}.xlsx`);
      fs.writeFileSync(file, damage(original, random));
      outcomes[await readEverything(file)]++;
    }
    // Most damage is caught (checksums, structure); the test's point is that nothing else escapes.
    expect(outcomes.refused).toBeGreaterThan(150);
    expect(outcomes.read + outcomes.refused).toBe(300);
  });
});
