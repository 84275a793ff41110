import type { CommanderError } from 'commander';
import type { Lang } from '../../shared/messages';

/**
 * Commander's usage errors in Chinese. Commander words them in English only; the rest of
 * `qms` speaks the user's language (cli.md: messages follow the locale or `--lang zh`), so
 * `qms --lang zh frob` would answer in English where every other refusal is Chinese. Read by
 * the error's code and the names it quotes; a wording of a later commander that no pattern
 * reads stays English rather than being lost.
 */
const CHINESE: Record<string, [RegExp, (...quoted: string[]) => string]> = {
  'commander.unknownCommand': [/^unknown command '(.+)'/, (c) => `没有命令“${c}”`],
  'commander.unknownOption': [/^unknown option '(.+)'/, (o) => `没有选项“${o}”`],
  'commander.missingArgument': [/^missing required argument '(.+)'/, (a) => `缺少参数“${a}”`],
  'commander.optionMissingArgument': [/^option '(.+)' argument missing/, (o) => `选项“${o}”缺少取值`],
  'commander.missingMandatoryOptionValue': [
    /^required option '(.+)' not specified/,
    (o) => `必须给出选项“${o}”`,
  ],
  'commander.excessArguments': [
    /^too many arguments(?: for '(.+)')?/,
    (c) => (c ? `命令“${c}”的参数过多` : '参数过多'),
  ],
  'commander.invalidArgument': [
    /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)$/,
    (o, v, allowed) => `选项“${o}”不接受“${v}”，可选：${allowed}`,
  ],
};

/** Commander's guess at a misspelt command or option, which it puts on a line of its own. */
const SUGGESTION = /\n\(Did you mean (?:one of )?(.+)\?\)$/;

/**
 * The one line `qms` prints for a usage error: what is wrong, commander's guess at what was
 * meant (on the same line: cli.md's errors are one line), and where help is.
 */
export function usageLine(e: CommanderError, lang: Lang): string {
  const message = e.message.replace(/^error: /, '');
  const guess = SUGGESTION.exec(message)?.[1];
  const what = message.replace(SUGGESTION, '').replace(/\.$/, '');
  const rule = lang === 'zh' ? CHINESE[e.code] : undefined;
  const quoted = rule?.[0].exec(what);
  if (rule && quoted) {
    const hint = guess ? `（是否要输入 ${guess}？）` : '';
    return `qms: ${rule[1](...quoted.slice(1))}${hint}。运行 qms --help 查看用法`;
  }
  return `qms: ${what}${guess ? ` (did you mean ${guess}?)` : ''}. Run qms --help`;
}

/**
 * The language of a command line before commander has read it: a usage error may come before
 * `--lang` is parsed (`qms frob --lang zh`), or be about `--lang` itself.
 */
export function langOption(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
