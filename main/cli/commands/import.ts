import path from 'node:path';
import type { Command } from 'commander';
import type { CliEnv } from '../env';
import { CliError, EXIT, errorLine, exitCodeOf, refusedOption } from '../errors';
import { contract } from '../../../shared/contract';
import type { ColumnMapping, ImportReport } from '../../../shared/contracts/import';
import { AppError } from '../../../shared/errors';
import { recognised, reportText } from '../../import/report-text';

interface Options {
  kind?: string;
  period?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  force?: boolean;
  json?: boolean;
  errors?: string;
  includeHidden?: boolean;
  map: string[];
}

/** `--map "Sheet!C=value"`, `--map "C=standard:CS-FCR"`, `--map "D=ignore"`. */
export function parseMapping(text: string): ColumnMapping {
  const m = /^(?:(.+)!)?([A-Za-z]{1,3})=(.+)$/.exec(text.trim());
  if (!m)
    throw new CliError(EXIT.cannotRun, {
      en: `--map ${text} is not SHEET!COLUMN=KEY. Write e.g. --map "Sheet1!C=value"`,
      zh: `--map ${text} 不是“工作表!列=字段”的形式。示例：--map "Sheet1!C=value"`,
    });
  return { ...(m[1] ? { sheet: m[1] } : {}), column: m[2]!.toUpperCase(), to: m[3]! };
}

/** Progress on stderr when a person watches it (or QMS_PROGRESS=1): rows read and written, one line rewritten. */
function progressLine(e: CliEnv): ((phase: string, done: number) => void) | undefined {
  const stream = e.err as NodeJS.WriteStream;
  if (!stream.isTTY && process.env.QMS_PROGRESS !== '1') return undefined;
  const seen: Record<string, number> = {};
  return (phase, done) => {
    seen[phase] = done;
    const read = (seen.read ?? 0).toLocaleString('en');
    const written = (seen.write ?? 0).toLocaleString('en');
    stream.write(
      e.lang === 'zh' ? `\r已读 ${read} 行，已写 ${written} 行` : `\r${read} rows read, ${written} written`,
    );
  };
}

/** The options that fill imports:run's fields, to name a refused value as the user typed it. */
const IMPORT_OPTIONS = { period: '--period', kind: '--kind', errorsPath: '--errors' };

export function registerImportCommands(program: Command, env: () => CliEnv): void {
  program
    .command('import')
    .description("import workbooks; each sheet's kind and layout are detected")
    .argument('<files...>', '.xlsx workbooks')
    .option(
      '--kind <kind>',
      'read only sheets of this kind: standards | measurements | actions | branches | exchange',
    )
    .option('--period <period>', 'period for sheets that carry none (2026-10, 2026-Q3)')
    .option('--dry-run', 'read and validate, write nothing, print the report')
    .option('--skip-invalid', 'write the valid rows and report the rest (default: all or nothing)')
    .option('--errors <file>', 'write the rows that failed, with a reason column, as .xlsx')
    .option('--force', 'import a file that was imported before')
    .option('--json', 'the report as JSON on stdout')
    .option('--include-hidden', 'import hidden sheets too')
    .option(
      '--map <SHEET!COL=KEY>',
      'map a column by hand (repeatable); remembered for such files',
      (v, all: string[]) => [...all, v],
      [],
    )
    .action(async (files: string[], opts: Options) => {
      const e = env();
      const mapping = opts.map.map(parseMapping);
      let exit: number = EXIT.ok;
      // A file that could not be read is in the JSON too, as what went wrong (not `undefined`).
      const reports: (ImportReport | { file: string; error: { kind: string; message: string } })[] = [];
      for (const file of files) {
        const parsed = contract['imports:run'].input.safeParse(
          {
            path: path.resolve(file),
            period: opts.period,
            kind: opts.kind,
            dryRun: !!opts.dryRun,
            skipInvalid: !!opts.skipInvalid,
            force: !!opts.force,
            includeHidden: !!opts.includeHidden,
            errorsPath: opts.errors
              ? path.resolve(errorsFileFor(opts.errors, file, files.length))
              : undefined,
            mapping,
          },
          { reportInput: true },
        );
        if (!parsed.success) throw refusedOption(parsed.error, IMPORT_OPTIONS, file);
        const progress = progressLine(e);
        const { job, finished } = cliJob(progress);
        try {
          const { runImport } = await import('../../import/run');
          const report = await runImport(e.workbench().ctx, parsed.data, job);
          if (progress) e.err.write('\n');
          reports.push(report);
          if (!opts.json) e.out.write(reportText(report, e.lang, file));
          exit = Math.max(exit, exitOf(report));
        } catch (err) {
          if (progress) e.err.write('\n');
          if (!(err instanceof AppError)) throw err;
          // One line naming the workbook (not the database), then on to the next file.
          e.err.write(`${errorLine(err, e.lang, file)}\n`);
          reports.push({ file, error: { kind: err.kind, message: err.localized(e.lang) } });
          exit = Math.max(exit, exitCodeOf(err));
          if (err.kind === 'cancelled') break;
        } finally {
          finished();
        }
      }
      if (opts.json) e.out.write(`${JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2)}\n`);
      // The reports said what went wrong; the exit code says it to scripts.
      if (exit !== EXIT.ok) throw new CliError(exit, '');
    });
}

function exitOf(r: ImportReport): number {
  if (r.errorCount > 0) return EXIT.rejected;
  if (r.outcome === 'nothing' && !recognised(r)) return EXIT.rejected;
  return EXIT.ok;
}

/** With several input files, one errors workbook each: `errors.xlsx` -> `errors-east.xlsx`. */
function errorsFileFor(errors: string, file: string, count: number): string {
  if (count === 1) return errors;
  const ext = path.extname(errors);
  return `${errors.slice(0, -ext.length || undefined)}-${path.basename(file, path.extname(file))}${ext}`;
}

/**
 * The job of one file's import in the CLI: progress to the terminal when one watches, and
 * Ctrl-C cancels it. The import then rolls back and the line says nothing was written; it used
 * to end the process with no word, leaving a hot journal for the next command. A second Ctrl-C
 * leaves at once, as a terminal expects.
 */
function cliJob(progress: ((phase: string, done: number) => void) | undefined) {
  const controller = new AbortController();
  const interrupt = () => {
    process.off('SIGINT', interrupt); // the next Ctrl-C ends the process
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  const job = {
    id: 'cli',
    signal: controller.signal,
    progress: (phase: string, done: number) => progress?.(phase, done),
    throwIfCancelled: () => {
      if (controller.signal.aborted) throw new AppError('cancelled', 'cancelled', { jobId: 'cli' });
    },
  };
  return { job, finished: () => process.off('SIGINT', interrupt) };
}
