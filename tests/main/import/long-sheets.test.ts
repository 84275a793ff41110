import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measurementsWorkbook } from '../../../bench/generate';
import { sheetReadersFor, startEarly } from '../../../main/import/long-sheets';
import type { SheetReaders } from '../../../main/import/xlsx/parallel';
import { sample } from './helpers';
import { tempDir } from '../../helpers/temp';

/*
 * `qms import` of a long workbook starts the sheet's reader before the rest of qms loads
 * (main/cli/index.ts); the import then takes that reader instead of starting its own.
 */
describe('the sheet reader started before the import', () => {
  const open: SheetReaders[] = [];
  afterEach(() => open.splice(0).forEach((r) => r.close()));
  const readersFor = (file: string) => {
    const r = sheetReadersFor(file);
    open.push(r);
    return r;
  };

  it('is started for the first long file after `import` and taken by the import of that file', async () => {
    const file = await measurementsWorkbook(100_000);
    const relative = path.relative(process.cwd(), file);
    const early = startEarly(['--db', 'x.db', 'import', '--period', '2026-10', relative]);
    expect(early).not.toBeNull();
    expect(readersFor(file).next()).toBe(early);
    // Taken once: the next import of the file starts its own.
    const again = readersFor(file).next();
    expect(again).toBeDefined();
    expect(again).not.toBe(early);
  }, 120_000);

  it('is not started for another command, a short workbook or a missing file', async () => {
    const file = await measurementsWorkbook(100_000);
    expect(startEarly(['--db', 'x.db', 'export', file])).toBeNull();
    expect(startEarly(['import', sample('north-2026-q3-long.xlsx')])).toBeNull();
    expect(startEarly(['import', path.join(os.tmpdir(), 'no-such-workbook.xlsx')])).toBeNull();
    expect(readersFor(sample('north-2026-q3-long.xlsx')).next()).toBeUndefined();
  }, 120_000);

  it("hashes the file on its own thread, as the import's thread would, and says null without a reader", async () => {
    const file = await measurementsWorkbook(100_000);
    const expected = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const readers = readersFor(file);
    expect(await readers.hash()).toBe(expected);
    expect(await readersFor(sample('north-2026-q3-long.xlsx')).hash()).toBeNull();
    // A reader closed before it hashed says null, and the import hashes the file itself.
    const closed = readersFor(file);
    closed.close();
    expect(await closed.hash()).toBeNull();
  }, 120_000);

  it('waits for its own file when another one is imported first', async () => {
    const file = await measurementsWorkbook(100_000);
    const other = path.join(tempDir('qw-early-'), 'other.xlsx');
    fs.copyFileSync(file, other);
    const early = startEarly(['import', other, file]);
    expect(readersFor(file).next()).not.toBe(early);
    expect(readersFor(other).next()).toBe(early);
  }, 120_000);
});
