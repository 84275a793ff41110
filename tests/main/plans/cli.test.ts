import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { count, qms, tempDir, testWorkbench } from '../../helpers/workbench';
import { loadEastSample } from './samples';

describe('qms plan and qms review on bad input', () => {
  it('refuses an unknown scope (exit 1), a file type or period it cannot use (exit 2), one line each, no file left', async () => {
    const wb = testWorkbench();
    await loadEastSample(wb);
    wb.close();
    const out = (name: string) => path.join(wb.dir, name);
    const elsewhere = { file: path.join(tempDir(), 'notes.txt'), folder: path.join(tempDir(), 'r.pdf') };
    fs.writeFileSync(elsewhere.file, 'a file, not a folder');
    fs.mkdirSync(elsewhere.folder);
    const cases: [string[], number, RegExp][] = [
      [
        ['plan', '--scope', 'NOPE', '--period', '2026-10', '--out', out('a.xlsx')],
        1,
        /^qms: .*no region or branch with code NOPE/,
      ],
      [
        ['--lang', 'zh', 'review', '--scope', 'NOPE', '--period', '2026-10', '--out', out('r2.xlsx')],
        1,
        /^qms: .*不存在编码为 NOPE 的区域或网点。\n$/,
      ],
      [
        ['plan', '--scope', 'EAST', '--period', '2026-10', '--out', out('a.csv')],
        2,
        /^qms: .*a\.csv: cannot write \.csv\. Give --out a name ending in \.xlsx or \.pdf/,
      ],
      [
        ['review', '--scope', 'EAST', '--period', '2026-13', '--out', out('r.xlsx')],
        2,
        /^qms: --period 2026-13 is not a period\. Write YYYY-MM or YYYY-Qn/,
      ],
      [['review', '--period', '2026-10'], 2, /^qms: .*--out/],
      // No values in the period: an empty plan would read as every standard met.
      [
        ['--lang', 'zh', 'plan', '--scope', 'EAST', '--period', '2031-01'],
        1,
        /^qms: .*: 华东区在 2031-01 没有检查数据：改进计划依据该期间的数值生成。请先导入数据，或选择其他期间。\n$/,
      ],
      // Places that cannot be written: the user's choice to correct, not an internal error.
      [
        ['plan', '--scope', 'EAST', '--period', '2026-10', '--out', path.join(elsewhere.file, 'p.xlsx')],
        2,
        /^qms: \/.*notes\.txt\/p\.xlsx: cannot write \/.*notes\.txt\/p\.xlsx \(ENOTDIR\)\. Check that the folder/,
      ],
      [
        ['--lang', 'zh', 'review', '--scope', 'EAST', '--period', '2026-10', '--out', elsewhere.folder],
        2,
        /^qms: \/.*r\.pdf: 无法写入 \/.*r\.pdf：这是一个文件夹。请指定要写入的文件名。\n$/,
      ],
    ];
    for (const [args, status, message] of cases) {
      const r = qms(['--db', wb.dbPath, ...args]);
      expect({ args, status: r.status, lines: r.stderr.trim().split('\n').length }).toEqual({
        args,
        status,
        lines: 1,
      });
      expect(r.stderr).toMatch(message);
    }
    // A machine without Chromium cannot make a PDF: said as such, not as an internal error.
    const noChromium = qms(
      [
        '--db',
        wb.dbPath,
        '--lang',
        'en',
        'plan',
        '--scope',
        'EAST',
        '--period',
        '2026-10',
        '--out',
        out('p.pdf'),
      ],
      { QMS_CHROMIUM: '/nonexistent/chromium' },
    );
    expect(noChromium.status).toBe(2);
    expect(noChromium.stderr).toMatch(
      /^qms: .*: making a PDF needs Chromium, which is not at \/nonexistent\/chromium\. Install it .* or export \.xlsx instead\.\n$/,
    );
    expect(fs.readdirSync(wb.dir).filter((f) => !f.startsWith('test.db'))).toEqual([]);
    expect(fs.readdirSync(path.dirname(elsewhere.file))).toEqual(['notes.txt']);
    expect(fs.readdirSync(elsewhere.folder)).toEqual([]);
    // Without --out, qms plan generates and stores the plan and writes no file.
    const stored = qms(['--db', wb.dbPath, '--lang', 'en', 'plan', '--scope', 'EAST', '--period', '2026-10']);
    expect(stored.status).toBe(0);
    expect(stored.stdout).toMatch(
      /^plan [0-9a-f-]{36} \(Plan stage\): \d+ gaps \(\d+ failed, \d+ warned\)\n$/,
    );
    // The same plan again, said in Chinese: its stage by the name the pages give it.
    const again = qms(['--db', wb.dbPath, '--lang', 'zh', 'plan', '--scope', 'EAST', '--period', '2026-10']);
    expect(again.stdout).toMatch(/^计划 [0-9a-f-]{36}（计划阶段）：\d+ 项差距（不达标 \d+，预警 \d+）\n$/);
    const reopened = testWorkbench({ dir: wb.dir });
    expect(count(reopened, 'plans')).toBe(1);
    reopened.close();
    expect(fs.readdirSync(wb.dir).filter((f) => !f.startsWith('test.db'))).toEqual([]);
    const help = qms(['plan', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--scope <code>');
  });
});
