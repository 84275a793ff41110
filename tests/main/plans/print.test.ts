import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planHtml } from '../../../main/print/plan-html';
import { reviewHtml } from '../../../main/print/review-html';
import { CHROMIUM } from '../../../main/print/pdf';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { createReview, generatePlan, qmsEast } from './east-2026-10';
import { loadEastSample } from './samples';

let wb: TestWorkbench;
beforeAll(async () => {
  wb = testWorkbench();
  await loadEastSample(wb);
});
afterAll(() => wb.close());

const fonts = (pdf: string) =>
  execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    // Columns: name, type..., encoding, emb, sub, uni, object, generation; read from the end.
    .map((l) => l.trim().split(/\s+/).slice(-5, -2));

describe('the plan and review PDFs', () => {
  it('embeds every font, keeps the Chinese text, and renders to a picture', () => {
    const pdf = path.join(wb.dir, 'plan.pdf');
    qmsEast(wb, 'plan', pdf);
    const list = fonts(pdf);
    expect(list.length).toBeGreaterThan(0);
    // [emb, sub, uni]: embedded, with a ToUnicode map so the text can be searched and copied.
    expect(list.filter(([emb, , uni]) => emb !== 'yes' || uni !== 'yes')).toEqual([]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const words of [
      '华东区 2026-10 PDCA 改进计划',
      '帕累托分析',
      '计划：差距排序',
      '执行：纠正措施',
      '检查：前后对比',
      '处理：标准化与遗留',
      '上海浦东营业厅',
      '掉话率',
    ]) {
      expect(text).toContain(words);
    }
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(
      /Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/,
    );
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', pdf, path.join(wb.dir, 'page')]);
    const png = fs.readdirSync(wb.dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    expect(fs.readFileSync(path.join(wb.dir, png)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes the review pack with its decisions', () => {
    const pdf = path.join(wb.dir, 'review.pdf');
    qmsEast(wb, 'review', pdf, '--decisions', '掉话率列为下月重点\n计费差错专项核查');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('华东区 2026-10 管理评审');
    expect(text).toContain('计费差错专项核查');
    expect(fonts(pdf).filter(([emb]) => emb !== 'yes')).toEqual([]);
  });

  it('lays out in the printable width of A4 landscape with a Chinese font, no cell overflowing', async () => {
    const plan = await generatePlan(wb);
    const review = await createReview(wb);
    // The app previews and prints (printToPDF) the very page the CLI's PDF comes from.
    expect(await wb.dispatch('plans:printView', { id: plan.id, lang: 'zh' })).toEqual({
      html: planHtml(plan, 'zh'),
    });
    expect(await wb.dispatch('reviews:printView', { id: review.id })).toEqual({
      html: reviewHtml(review, 'zh'),
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      // 297 mm less 2 x 10 mm margins, at 96 px per inch.
      const page = await browser.newPage({ viewport: { width: Math.floor((277 / 25.4) * 96), height: 800 } });
      await page.emulateMedia({ media: 'print' });
      for (const html of [planHtml(plan, 'zh'), reviewHtml(review, 'zh'), planHtml(plan, 'en')]) {
        await page.setContent(html);
        const layout = await page.evaluate(async () => {
          await document.fonts.ready;
          const overflowing = [...document.querySelectorAll('td, th')]
            .filter((c) => c.scrollWidth > c.clientWidth + 1)
            .map((c) => c.textContent);
          // The Pareto's legend overlaps no other text of the chart: 累计占比 sat on the 97.8% label.
          const texts = [...document.querySelectorAll('svg text')].map((e) => ({
            text: e.textContent ?? '',
            box: e.getBoundingClientRect(),
          }));
          const legend = texts.filter((e) => /累计占比|加权差距（|Cumulative|Weighted gap \(/.test(e.text));
          const overlapping = legend.flatMap((l) =>
            texts
              .filter(
                (o) =>
                  o !== l &&
                  o.box.left < l.box.right &&
                  l.box.left < o.box.right &&
                  o.box.top < l.box.bottom &&
                  l.box.top < o.box.bottom,
              )
              .map((o) => `${l.text} / ${o.text}`),
          );
          return {
            legend: legend.length,
            overlapping,
            cjkFont: document.fonts.check('12px "Noto Sans CJK SC"', '华东区掉话率'),
            pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            overflowing,
            tables: document.querySelectorAll('table').length,
          };
        });
        expect(layout).toEqual({
          // The plans have the Pareto's two series, the review none.
          legend: html.includes('帕累托') || html.includes('Pareto') ? 2 : 0,
          overlapping: [],
          cjkFont: true,
          pageOverflow: 0,
          overflowing: [],
          tables: layout.tables,
        });
        expect(layout.tables).toBeGreaterThan(2);
      }
    } finally {
      await browser.close();
    }
  });
});
