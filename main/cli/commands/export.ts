import type { Command } from 'commander';
import type { CliEnv } from '../env';
import { CliError, EXIT, refusedOption } from '../errors';
import { contract } from '../../../shared/contract';
import { EXPORT_KINDS } from '../../../shared/contracts/export';
import { isPeriod, rangeProblem } from '../../../shared/domain/period';

interface Options {
  out: string;
  scope?: string;
  period?: string;
  headers: string;
}

/** `--period P` or `--period P1..P2` (either end may be left open: `2026-01..`). */
export function periodFilter(text: string | undefined): {
  period?: string;
  periodFrom?: string;
  periodTo?: string;
} {
  if (!text) return {};
  const bad = () =>
    new CliError(EXIT.cannotRun, {
      en: `--period ${text} is not a period or range. Write YYYY-MM, YYYY-Qn or P1..P2`,
      zh: `--period ${text} 不是期间或期间范围。请写为 YYYY-MM、YYYY-Qn 或 P1..P2`,
    });
  if (!text.includes('..')) {
    if (!isPeriod(text)) throw bad();
    return { period: text };
  }
  const [from, to] = text.split('..');
  if ((from && !isPeriod(from)) || (to && !isPeriod(to)) || (!from && !to)) throw bad();
  // Refused by the contract too; here in words that name the option the user typed.
  const problem = rangeProblem(from, to);
  if (problem === 'mixed')
    throw new CliError(EXIT.cannotRun, {
      en: `--period ${text} mixes a month and a quarter. Write both ends as months or both as quarters`,
      zh: `--period ${text} 混用了月份和季度。请两端都写月份，或都写季度`,
    });
  if (problem === 'reversed')
    throw new CliError(EXIT.cannotRun, {
      en: `--period ${text} ends before it starts. Write the earlier period first`,
      zh: `--period ${text} 的结束早于开始。请先写较早的期间`,
    });
  return { periodFrom: from || undefined, periodTo: to || undefined };
}

/** Progress on stderr, only when a person is watching it. */
function progressTo(e: CliEnv): ((done: number, total: number | null) => void) | undefined {
  const stream = e.err as NodeJS.WriteStream;
  if (!stream.isTTY) return undefined;
  return (done, total) =>
    stream.write(
      `\r${done.toLocaleString('en')}${total ? ` / ${total.toLocaleString('en')}` : ''}${e.lang === 'zh' ? ' 行' : ' rows'}${done === total ? '\n' : ''}`,
    );
}

/** The options that fill export:run's fields, to name a refused value as the user typed it. */
const EXPORT_OPTIONS = { path: '--out', 'filters.scope': '--scope' };

export function registerExportCommands(program: Command, env: () => CliEnv): void {
  program
    .command('export')
    .description(`write a workbook or CSV: ${EXPORT_KINDS.join(' | ')}`)
    .argument('<kind>', 'what to export')
    .requiredOption('--out <file>', 'the file to write: .xlsx or .csv (exchange and templates: .xlsx)')
    .option('--scope <code>', 'a region or branch code (default: everything)')
    .option('--period <period>', 'one period (2026-10, 2026-Q3) or a range P1..P2')
    .option('--headers <headers>', 'labels (the language of --lang; .xlsx default) or keys', 'labels')
    .action(async (kind: string, opts: Options) => {
      const e = env();
      if (!(EXPORT_KINDS as readonly string[]).includes(kind)) {
        throw new CliError(EXIT.cannotRun, {
          en: `unknown export kind ${kind}. Use one of ${EXPORT_KINDS.join(', ')}`,
          zh: `未知的导出类型 ${kind}。请使用以下之一：${EXPORT_KINDS.join(', ')}`,
        });
      }
      if (!/\.(xlsx|csv)$/i.test(opts.out)) {
        throw new CliError(
          EXIT.cannotRun,
          {
            en: 'cannot write this kind of file. Give --out a name ending in .xlsx or .csv',
            zh: '无法写入此类文件。请给 --out 指定以 .xlsx 或 .csv 结尾的文件名',
          },
          opts.out,
        );
      }
      if (opts.headers !== 'labels' && opts.headers !== 'keys') {
        throw new CliError(EXIT.cannotRun, {
          en: `--headers ${opts.headers} is not labels or keys`,
          zh: `--headers ${opts.headers} 应为 labels 或 keys`,
        });
      }
      const parsed = contract['export:run'].input.safeParse(
        {
          kind,
          path: opts.out,
          headers: opts.headers,
          lang: e.lang,
          filters: { scope: opts.scope, ...periodFilter(opts.period) },
        },
        { reportInput: true },
      );
      if (!parsed.success) throw refusedOption(parsed.error, EXPORT_OPTIONS);
      const wb = e.workbench();
      const { runExport } = await import('../../export/run');
      // A place that cannot be written is refused by the export itself (platform/atomic-write.ts).
      const outcome = await runExport(wb.ctx, parsed.data, progressTo(e));
      // A template's rows are the ones filled in for the branches, often none: it is still made.
      const template = kind.startsWith('template-');
      const said = {
        zh: template ? `已生成填报模板，预填 ${outcome.rows} 行` : `已导出 ${outcome.rows} 行`,
        en: template ? `template made, ${outcome.rows} rows filled in` : `${outcome.rows} rows exported`,
      };
      e.out.write(`${outcome.path}\n${said[e.lang]}\n`);
    });
}
