import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testWorkbench } from '../../helpers/workbench';
import { qmsEast } from './east-2026-10';
import { loadEastSample, type ExpectedRow, type SampleStandard } from './samples';

/**
 * The ranking rule of domain.md computed here on its own, from expected.json and the
 * thresholds in standards.xlsx, without the workbench's arithmetic.
 */
function expectedRanking(rows: readonly ExpectedRow[], standards: readonly SampleStandard[]) {
  const byCode = new Map(standards.map((s) => [s.code, s]));
  return rows
    .flatMap(([branch, , code, value]) => {
      const s = byCode.get(code)!;
      const higher = s.direction === 'higher';
      const passes = higher ? value >= s.target : value <= s.target;
      if (passes) return [];
      const fails = higher ? value < s.warning : value > s.warning;
      const gap = higher ? s.target - value : value - s.target;
      const normalised = gap / Math.abs(s.target);
      return [{ branch, code, fails, normalised, score: s.weight * normalised }];
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.fails) - Number(a.fails) ||
        b.normalised - a.normalised ||
        a.branch.localeCompare(b.branch) ||
        a.code.localeCompare(b.code),
    );
}

describe('qms plan on the EAST sample', () => {
  it('puts every failed or warned branch-standard pair on its own row, ranked by weight x normalised gap, with the four stages', async () => {
    const wb = testWorkbench();
    const { standards, rows } = await loadEastSample(wb);
    wb.close();
    const expected = expectedRanking(rows, standards);
    expect(expected.length).toBeGreaterThan(20);

    const out = path.join(wb.dir, 'plan.xlsx');
    qmsEast(wb, 'plan', out);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['摘要', '计划 P', '执行 D', '检查 C', '处理 A']);

    const plan = book.getWorksheet('计划 P')!;
    expect(plan.getRow(1).getCell(2).value).toBe('网点编码');
    expect(plan.getRow(1).getCell(4).value).toBe('指标编码');
    const listed: { rank: unknown; branch: unknown; code: unknown; verdict: unknown }[] = [];
    plan.eachRow((row, n) => {
      if (n > 1)
        listed.push({
          rank: row.getCell(1).value,
          branch: row.getCell(2).value,
          code: row.getCell(4).value,
          verdict: row.getCell(12).value,
        });
    });
    expect(listed.map((r) => `${r.branch}/${r.code}`)).toEqual(expected.map((e) => `${e.branch}/${e.code}`));
    expect(listed.map((r) => r.rank)).toEqual(expected.map((_, i) => i + 1));
    expect(listed.map((r) => r.verdict)).toEqual(expected.map((e) => (e.fails ? '不达标' : '预警')));

    // Do, Check and Act each carry every gap too (proposed actions; the check measure; open gaps).
    const gapRows = (name: string, header: number) => book.getWorksheet(name)!.actualRowCount - header;
    expect(gapRows('执行 D', 1)).toBe(expected.length);
    expect(gapRows('检查 C', 2)).toBe(expected.length);
  });
});
