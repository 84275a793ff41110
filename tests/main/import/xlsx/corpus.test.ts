import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurementsWorkbook } from '../../../../bench/generate';
import { openWorkbook, type OpenedWorkbook } from '../../../../main/import/xlsx';
import { AppError } from '../../../../shared/errors';
import type { MessageKey } from '../../../../shared/messages';
import { CORPUS } from '../../../helpers/workbench';

/**
 * Every real-world file in the corpus either opens and streams every sheet, or is refused
 * with AppError('unsupported') naming what it is. What each readable file holds is checked
 * against the facts MANIFEST.tsv records about it (sheets, merges, hidden sheets, last row).
 */

const REFUSED: Record<string, MessageKey> = {
  'calamine__pass_protected.xlsx': 'xlsxEncrypted',
  'python-calamine__password.xlsx': 'xlsxEncrypted',
  'exceldatareader__standard_AES128_SHA1_ECB_pwd_password.xlsx': 'xlsxEncrypted',
  'libreoffice-testfiles__simple-encryption-2010.xlsx': 'xlsxEncrypted',
  'python-calamine__empty_file.xlsx': 'xlsxEmptyFile',
  'exceldatareader__EmptyZipFile.xlsx': 'xlsxNoWorkbook',
  'miniexcel__TestIssue272.xlsx': 'xlsxLegacyXls',
  'roo__type_openoffice.xlsx': 'xlsxOds',
  'apache-poi__truncated-zip-fuzz-5636439151607808.xlsx': 'xlsxTruncated',
  'closedxml__owner-lock-file_LoadPivotTables.xlsx': 'xlsxNotZip',
};

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Readable files whose sheets hold no cell values at all. */
const EMPTY = new Set(['calamine__empty_sheet.xlsx', 'calamine__vba.xlsm']);

/** Known first cells of some files: content, not just "it did not throw". */
const FIRST_CELLS: Record<string, unknown[]> = {
  'miniexcel__TestIssue153.xlsx': ['序号', '代号', '新代号', '名称'],
  'sheetjs__sushi.xlsx': ['🍣'],
  'sheetjs__phonetic_text.xlsx': ['漢字'],
  'calamine__has_x000D_.xlsx': ['ABC\r\r\nDEF'],
  'tealeg-xlsx__namespaced.xlsx': ['w', 'w', 'w', 'w'],
  'phpspreadsheet__without_cell_reference.xlsx': [1, 2, 3, 4],
  'roo__implicit_coordinates.xlsx': ['Test'],
  'exceldatareader__Test_git_issue_385_backslash.xlsx': ['col1', null, 'col3'],
  // B1 holds 2 under the built-in 0% format: the cell shows 200%.
  'sheetjs__wtf_path.xlsx': [1, '200%', 3, { kind: 'formula', formula: 'SUM(A1:C1*A1:C1)' }],
  'exceldatareader__Test_FullWidthSpace.xlsx': ['\u3000\u3000text\u3000\u3000'],
  'apache-poi__right-to-left.xlsx': ['text'],
  'tealeg-xlsx__macNumbersTest.xlsx': ['编号'],
};

interface ManifestRow {
  file: string;
  notes: string;
}

function manifest(): ManifestRow[] {
  const lines = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const cols = line.split('\t');
    return { file: cols[0]!, notes: cols[5] ?? '' };
  });
}

function fact(notes: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(notes);
  return m ? Number(m[1]) : undefined;
}

interface Streamed {
  rows: number;
  merges: number;
  maxRow: number;
  first: unknown[] | undefined;
}

async function streamAll(wb: OpenedWorkbook): Promise<Streamed> {
  const seen: Streamed = { rows: 0, merges: 0, maxRow: 0, first: undefined };
  for (const sheet of wb.sheets) {
    const rows = wb.rows(sheet);
    let previous = 0;
    for await (const r of rows) {
      expect(r.row).toBeGreaterThan(previous); // in order, each row once
      previous = r.row;
      seen.first ??= r.cells;
      seen.rows++;
      seen.maxRow = Math.max(seen.maxRow, r.row);
    }
    expect(rows.end().rows).toBeLessThanOrEqual(seen.rows);
    seen.merges += rows.end().merges.length;
  }
  return seen;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const entries = manifest();

describe('the real-world corpus', () => {
  it('has a manifest row for every file and a file for every row', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f !== 'MANIFEST.tsv');
    expect(entries.map((e) => e.file).sort()).toEqual(files.sort());
    expect(entries.length).toBeGreaterThan(100);
  });

  for (const { file, notes } of entries) {
    const refusal = REFUSED[file];
    if (refusal) {
      it(`refuses ${file} as ${refusal}`, async () => {
        const error = await withTimeout(
          openWorkbook(path.join(CORPUS, file)).then(
            () => null,
            (e: unknown) => e,
          ),
          20_000,
          file,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).kind).toBe('unsupported');
        expect((error as AppError).key).toBe(refusal);
        expect((error as AppError).message).toContain(file);
        expect((error as AppError).localized('zh')).toContain(file);
      });
      continue;
    }
    it(`reads ${file}`, async () => {
      const wb = await openWorkbook(path.join(CORPUS, file));
      try {
        const seen = await withTimeout(streamAll(wb), 20_000, file);
        expect(seen.rows > 0).toBe(!EMPTY.has(file));
        const sheets = fact(notes, /sheets=(\d+)/);
        if (sheets !== undefined) expect(wb.sheets).toHaveLength(sheets);
        const merged = fact(notes, /merged=(\d+)/);
        if (merged !== undefined) expect(seen.merges).toBe(merged);
        const hidden = fact(notes, /hidden sheets=(\d+)/) ?? 0;
        expect(wb.sheets.filter((s) => s.hidden)).toHaveLength(hidden);
        const maxRow = fact(notes, /max row (\d+)/);
        if (maxRow !== undefined && maxRow < 1_048_576) expect(seen.maxRow).toBe(maxRow);
        if (/1904 dates/.test(notes) && !/1900 date system twin/.test(notes)) expect(wb.date1904).toBe(true);
        if (FIRST_CELLS[file])
          expect(seen.first?.slice(0, FIRST_CELLS[file].length)).toEqual(FIRST_CELLS[file]);
        expect(wb.sha256).toBe(sha256Of(path.join(CORPUS, file)));
        expect(wb.bytes).toBe(fs.statSync(path.join(CORPUS, file)).size);
      } finally {
        await wb.close();
      }
    });
  }
});

describe('the file hash', () => {
  it('is the SHA-256 of every byte of a file read in several chunks, and left out when not asked for', async () => {
    const file = await measurementsWorkbook(30_000);
    expect(fs.statSync(file).size).toBeGreaterThan(1024 * 1024);
    const wb = await openWorkbook(file);
    const quick = await openWorkbook(file, { hash: false });
    try {
      expect(wb.sha256).toBe(sha256Of(file));
      expect(quick.sha256).toBe('');
      expect(quick.sheets).toEqual(wb.sheets);
    } finally {
      await wb.close();
      await quick.close();
    }
  }, 120_000);
});
