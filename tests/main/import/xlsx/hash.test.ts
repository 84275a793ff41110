import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../../main/import/xlsx';
import { bookParts, writeZip } from './build';

/**
 * `imports:inspect` opens a workbook on the app's main thread (the desktop app's main process,
 * `qms serve`): hashing a large file there must not hold that thread from start to end.
 */
describe("hashing a workbook's bytes", () => {
  it('lets the event loop turn between reads, and hashes every byte', async () => {
    const parts: Zippable = {
      ...bookParts({ sheets: [{ name: 'S', data: '' }] }),
      // Stored, not deflated: 24 MiB of the file to hash, written in no time.
      'xl/media/large.bin': [randomBytes(24 * 2 ** 20), { level: 0 }],
    };
    const file = writeZip(parts);
    let turns = 0;
    let opening = true;
    const turn = () => {
      if (!opening) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    const wb = await openWorkbook(file);
    opening = false;
    await wb.close();
    // At least a turn per MiB read; opening the parts alone takes a handful.
    expect(turns).toBeGreaterThanOrEqual(24);
    expect(wb.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  });
});
