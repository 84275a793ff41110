/**
 * `qms export` as cli.md describes it, run as its own process: kinds, --scope, --period
 * ranges, --headers keys, and the one-line refusals with exit code 2 that write nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qms, tempDir } from '../../helpers/workbench';
import { readCsv, readWorkbook, sampleWorkbench, sheetValues } from './read';

let dir: string;
let db: string;

beforeAll(async () => {
  const wb = await sampleWorkbench();
  dir = wb.dir;
  db = wb.dbPath;
  wb.close();
});

describe('qms export', () => {
  it('writes a scope and a period range as .csv with canonical keys and says how many rows', () => {
    const out = path.join(dir, 'north-q3.csv');
    const run = qms([
      '--db',
      db,
      '--lang',
      'en',
      'export',
      'measurements',
      '--scope',
      'NORTH',
      '--period',
      '2026-07..2026-09',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [header, ...rows] = readCsv(out);
    expect(run.stdout).toBe(`${out}\n${rows.length} rows exported\n`);
    expect(rows.length).toBeGreaterThan(0);
    const at = (k: string) => header!.indexOf(k);
    expect(new Set(rows.map((r) => r[at('region_code')]))).toEqual(new Set(['NORTH']));
    expect(new Set(rows.map((r) => r[at('period')]))).toEqual(new Set(['2026-07', '2026-08', '2026-09']));
  });

  it('writes canonical keys in an .xlsx with --headers keys, and a template in Chinese', async () => {
    const keys = path.join(dir, 'standards.xlsx');
    expect(qms(['--db', db, 'export', 'standards', '--headers', 'keys', '--out', keys]).status).toBe(0);
    expect(sheetValues((await readWorkbook(keys)).worksheets[0]!)[0]!.slice(0, 3)).toEqual([
      'code',
      'name_zh',
      'name_en',
    ]);
    const template = path.join(dir, 'template.xlsx');
    const run = qms([
      '--db',
      db,
      '--lang',
      'zh',
      'export',
      'template-actions',
      '--scope',
      'SOUTH',
      '--out',
      template,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${template}\n已生成填报模板，预填 0 行\n`);
    expect((await readWorkbook(template)).worksheets.map((w) => w.name)).toEqual([
      '整改措施',
      '说明',
      '_lists',
    ]);
  });

  it('an exchange workbook from qms export merges with qms import into another database', () => {
    const out = path.join(dir, 'exchange.xlsx');
    expect(qms(['--db', db, 'export', 'exchange', '--scope', 'SOUTH', '--out', out]).status).toBe(0);
    const other = path.join(tempDir(), 'region.db');
    const run = qms(['--db', other, 'import', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { exchange: { inserted: number; rejected: unknown[] } };
    expect(report.exchange.inserted).toBeGreaterThan(0);
    expect(report.exchange.rejected).toEqual([]);
  });

  it('a row of an exchange workbook that cannot be merged is listed, and nothing is written unless asked', async () => {
    const out = path.join(dir, 'exchange-text.xlsx');
    expect(qms(['--db', db, 'export', 'exchange', '--out', out]).status).toBe(0);
    const book = await readWorkbook(out);
    const sheet = book.getWorksheet('measurements')!;
    const header = sheet.getRow(1).values as unknown[];
    sheet.getRow(2).getCell(header.indexOf('value')).value = '98,5';
    await book.xlsx.writeFile(out);
    const other = path.join(tempDir(), 'region.db');
    const run = qms(['--db', other, '--lang', 'zh', 'import', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '1 行无法合并：未写入任何数据。请修正工作簿，或使用 --skip-invalid 合并其余行',
    );
    // Why, in Chinese too: SQLite's own words are English only.
    expect(run.stdout).toMatch(/无法合并：测量值 \S+：value 列应填数字，不能填文本\n/);
    const kept = qms(['--db', other, 'import', out, '--skip-invalid', '--json']);
    expect(kept.status).toBe(1);
    const report = JSON.parse(kept.stdout) as {
      outcome: string;
      written: number;
      exchange: { rejected: unknown[] };
    };
    expect(report.outcome).toBe('imported');
    expect(report.written).toBeGreaterThan(100);
    // In --json both languages, as an import's row errors carry theirs.
    expect(report.exchange.rejected).toEqual([
      expect.objectContaining({
        table: 'measurements',
        reason: { en: 'the value column takes a number, not text', zh: 'value 列应填数字，不能填文本' },
      }),
    ]);
  });

  it.each([
    [['export', 'inspections', '--out', 'x.xlsx'], /unknown export kind inspections/],
    [['export', 'measurements', '--out', 'x.pdf'], /Give --out a name ending in \.xlsx or \.csv/],
    [
      ['export', 'measurements', '--period', '2026-13', '--out', 'x.csv'],
      /--period 2026-13 is not a period or range/,
    ],
    [
      ['export', 'measurements', '--period', '2026-10..2026-07', '--out', 'x.csv'],
      /--period 2026-10\.\.2026-07 ends before it starts\. Write the earlier period first/,
    ],
    [
      ['export', 'measurements', '--period', '2026-Q3..2026-09', '--out', 'x.csv'],
      /--period 2026-Q3\.\.2026-09 mixes a month and a quarter\. Write both ends as months or both as quarters/,
    ],
    // Named by the option as typed, not by the contract's field (filters.scope), and exit 2 (was 1).
    [
      ['export', 'measurements', '--scope', 'bad code!', '--out', 'x.csv'],
      /: --scope bad code!: letters, digits, "-", "_" or "\." only\.\n$/,
    ],
    [
      ['export', 'measurements', '--headers', 'titles', '--out', 'x.csv'],
      /--headers titles is not labels or keys/,
    ],
    [
      ['export', 'measurements', '--out', 'x.csv/inside.csv'],
      /^qms: \/.*x\.csv\/inside\.csv: cannot write .*x\.csv\/inside\.csv \(ENOTDIR\)\. Check that the folder/,
    ],
  ])('refuses %j with exit 2 and one line', (args, message) => {
    const cwd = tempDir();
    // A file where the path needs a folder.
    fs.writeFileSync(path.join(cwd, 'x.csv'), 'not a folder');
    const run = qms([
      '--db',
      db,
      '--lang',
      'en',
      ...args.map((a) => (a.startsWith('x.') ? path.join(cwd, a) : a)),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^qms: /);
    expect(fs.readdirSync(cwd)).toEqual(['x.csv']);
    expect(fs.readFileSync(path.join(cwd, 'x.csv'), 'utf8')).toBe('not a folder');
  });

  it('says a usage mistake in Chinese under --lang zh, one line, exit 2', () => {
    const cwd = tempDir();
    const cases: [string[], string][] = [
      [
        ['export', 'measurements', '--period', '2026-10..2026-07', '--out', path.join(cwd, 'x.csv')],
        '--period 2026-10..2026-07 的结束早于开始。请先写较早的期间。',
      ],
      [
        ['export', 'measurements', '--headers', 'titles', '--out', path.join(cwd, 'x.csv')],
        '--headers titles 应为 labels 或 keys。',
      ],
      [
        ['plan', '--period', '2026-10', '--out', path.join(cwd, 'p.txt')],
        '无法写入 .txt 文件。请给 --out 指定以 .xlsx 或 .pdf 结尾的文件名。',
      ],
    ];
    for (const [args, text] of cases) {
      const run = qms(['--db', db, '--lang', 'zh', ...args]);
      expect({ args, status: run.status, lines: run.stderr.trim().split('\n').length }).toEqual({
        args,
        status: 2,
        lines: 1,
      });
      expect(run.stderr.startsWith('qms: ')).toBe(true);
      expect(run.stderr.endsWith(`: ${text}\n`)).toBe(true);
    }
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});
