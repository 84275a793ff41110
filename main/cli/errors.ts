import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Bilingual, Lang } from '../../shared/messages';
import { issueDetail } from '../../shared/validation';
import { fromZod } from '../services/handlers';

/** Exit codes of cli.md: 1 input rejected, 2 cannot run, 3 internal error. */
export const EXIT = { ok: 0, rejected: 1, cannotRun: 2, internal: 3 } as const;

/**
 * An error the CLI reports as `qms: <file>: <what>. <what to do>` and exits with, in the
 * user's language when given in both (`message` is the English).
 */
export class CliError extends Error {
  readonly text: Bilingual;

  constructor(
    readonly exitCode: number,
    text: string | Bilingual,
    readonly file?: string,
  ) {
    super(typeof text === 'string' ? text : text.en);
    this.text = typeof text === 'string' ? { en: text, zh: text } : text;
  }
}

/**
 * A value typed on the command line that the call's contract refuses: bad usage (exit 2),
 * named by the option as typed (`--scope bad code!: letters, digits…`), not by the
 * contract's field (`filters.scope`), which the user never wrote. `options` maps the
 * contract's field paths to the options that fill them.
 */
export function refusedOption(
  error: z.ZodError,
  options: Readonly<Record<string, string>>,
  file?: string,
): CliError {
  const issue = error.issues[0]!;
  const option = options[issue.path.map(String).join('.')];
  if (option === undefined) {
    const e = fromZod(error);
    return new CliError(EXIT.cannotRun, { en: e.localized('en'), zh: e.localized('zh') }, file);
  }
  const typed = `${option} ${String(issue.input)}`;
  const detail = issueDetail(issue);
  return new CliError(EXIT.cannotRun, { en: `${typed}: ${detail.en}`, zh: `${typed}：${detail.zh}` }, file);
}

export function exitCodeOf(e: unknown): number {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof AppError) {
    if (e.kind === 'unsupported' || e.kind === 'too_new') return EXIT.cannotRun;
    if (e.kind === 'internal') return EXIT.internal;
    return EXIT.rejected;
  }
  return EXIT.internal;
}

export function errorLine(e: unknown, lang: Lang, file?: string): string {
  // A file that could not be written is what the line is about, not the database.
  const target = e instanceof AppError && typeof e.params.target === 'string' ? e.params.target : undefined;
  const where = (e instanceof CliError && e.file) || target || file;
  let text: string;
  if (e instanceof AppError) text = e.localized(lang);
  else if (e instanceof CliError) text = e.text[lang];
  else {
    const detail = e instanceof Error ? e.message : String(e);
    text =
      lang === 'zh'
        ? `内部错误：${detail}。请设置 QMS_DEBUG=1 重试并报告此问题`
        : `internal error: ${detail}. Run again with QMS_DEBUG=1 and report it`;
  }
  const line = text.replace(/\s*\n\s*/g, ' ').replace(/[.。]?$/, lang === 'zh' ? '。' : '.');
  return `qms: ${where ? `${where}: ` : ''}${line}`;
}
