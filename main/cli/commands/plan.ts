import path from 'node:path';
import type { Command } from 'commander';
import type { CliEnv } from '../env';
import { CliError, EXIT } from '../errors';
import type { Output } from '../../../shared/contract';
import { labelOf } from '../../../shared/domain/enums';
import { isPeriod } from '../../../shared/domain/period';
import { scopeFromCode } from '../../plans/scope';

interface Options {
  scope?: string;
  period: string;
  out?: string;
}

/** .xlsx or .pdf from the file name; anything else is bad usage (exit 2). */
function formatOf(file: string): 'xlsx' | 'pdf' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.pdf') return ext.slice(1) as 'xlsx' | 'pdf';
  throw new CliError(
    EXIT.cannotRun,
    {
      en: `cannot write ${ext || 'a file without extension'}. Give --out a name ending in .xlsx or .pdf`,
      zh: `无法写入${ext ? ` ${ext} ` : '无扩展名的'}文件。请给 --out 指定以 .xlsx 或 .pdf 结尾的文件名`,
    },
    file,
  );
}

function checkPeriod(p: string): void {
  if (!isPeriod(p))
    throw new CliError(EXIT.cannotRun, {
      en: `--period ${p} is not a period. Write YYYY-MM or YYYY-Qn`,
      zh: `--period ${p} 不是期间。请写为 YYYY-MM 或 YYYY-Qn`,
    });
}

/** qms plan, qms review: generate (or bring up to date) and write out for the meeting. */
export function registerPlanCommands(program: Command, env: () => CliEnv): void {
  program
    .command('plan')
    .description('generate a PDCA improvement plan for a region or branch and period: .xlsx or .pdf')
    .option('--scope <code>', 'a region or branch code (default: all branches)')
    .requiredOption('--period <period>', 'the period the plan starts from (YYYY-MM or YYYY-Qn)')
    .option('--out <file>', 'where to write the plan: .xlsx or .pdf (without it: generate and store only)')
    .action(async (opts: Options) => {
      // Usage is checked before the database opens, so the message names no database.
      const format = opts.out === undefined ? null : formatOf(opts.out);
      checkPeriod(opts.period);
      const e = env();
      const wb = e.workbench();
      const scope = scopeFromCode(wb.ctx, opts.scope);
      // A plan already past the Plan stage is what people agreed: print it, don't replace it.
      const existing = (await wb.dispatch('plans:list', {
        scope,
        period: opts.period,
      })) as Output<'plans:list'>;
      const committed = existing.find((p) => p.stage !== 'plan');
      const plan = committed
        ? ((await wb.dispatch('plans:get', { id: committed.id })) as Output<'plans:get'>)
        : ((await wb.dispatch('plans:generate', {
            scope,
            period: opts.period,
            lang: e.lang,
          })) as Output<'plans:generate'>);
      // Without --out the plan is generated and stored, for the app to show (and for automation).
      const written =
        format &&
        ((await wb.dispatch('plans:export', {
          id: plan.id,
          format,
          path: opts.out,
          lang: e.lang,
        })) as Output<'plans:export'>);
      const s = plan.content.summary;
      const stage = labelOf(plan.stage)[e.lang];
      if (written) e.out.write(`${written.path}\n`);
      e.out.write(
        e.lang === 'zh'
          ? `计划 ${plan.id}（${stage}阶段）：${s.gapCount} 项差距（不达标 ${s.failCount}，预警 ${s.warningCount}）\n`
          : `plan ${plan.id} (${stage} stage): ${s.gapCount} gaps (${s.failCount} failed, ${s.warningCount} warned)\n`,
      );
    });

  program
    .command('review')
    .description(
      'a management review pack for a region or branch and period: attainment, actions, plans, decisions',
    )
    .option('--scope <code>', 'a region or branch code (default: all branches)')
    .requiredOption('--period <period>', 'the period under review (YYYY-MM or YYYY-Qn)')
    .requiredOption('--out <file>', 'where to write the pack: .xlsx or .pdf')
    .option('--decisions <text>', 'decisions taken, one per line (kept for the next run)')
    .option('--objectives <text>', 'objectives for the next cycle, one per line')
    .action(async (opts: Options & { out: string; decisions?: string; objectives?: string }) => {
      // Usage is checked before the database opens, so the message names no database.
      const format = formatOf(opts.out);
      checkPeriod(opts.period);
      const e = env();
      const wb = e.workbench();
      const scope = scopeFromCode(wb.ctx, opts.scope);
      let review = (await wb.dispatch('reviews:create', {
        scope,
        period: opts.period,
        lang: e.lang,
      })) as Output<'reviews:create'>;
      if (opts.decisions !== undefined || opts.objectives !== undefined) {
        review = (await wb.dispatch('reviews:update', {
          id: review.id,
          decisions: opts.decisions,
          objectives: opts.objectives,
        })) as Output<'reviews:update'>;
      }
      const written = (await wb.dispatch('reviews:export', {
        id: review.id,
        format,
        path: opts.out,
        lang: e.lang,
      })) as Output<'reviews:export'>;
      e.out.write(`${written.path}\n${e.lang === 'zh' ? '评审' : 'review'} ${review.id}\n`);
    });
}
