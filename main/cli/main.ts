import { Command, CommanderError, Option } from 'commander';
import { APP_VERSION } from '../version';
import { createEnv, langFrom, type CliEnv } from './env';
import { CliError, EXIT, errorLine, exitCodeOf } from './errors';
import { langOption, usageLine } from './usage-errors';
import { registerDatabaseCommands } from './commands/database';
import { registerBatchCommands } from './commands/imports';
import { registerPlanCommands } from './commands/plan';
import { registerExportCommands } from './commands/export';
import { registerImportCommands } from './commands/import';
import { registerServeCommand } from './commands/serve';

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** Later features add their commands here, each from its own module. */
const REGISTRARS = [
  registerDatabaseCommands,
  registerBatchCommands,
  registerPlanCommands,
  registerExportCommands,
  registerServeCommand,
  registerImportCommands,
];

export function buildProgram(getEnv: () => CliEnv): Command {
  const program = new Command('qms')
    .description('Quality Workbench (质量工作台) without a window: the same services the desktop app calls')
    .version(APP_VERSION)
    .option('--db <file>', "the database (default: the desktop app's own; QMS_DB overrides)")
    .addOption(
      new Option('--lang <lang>', 'message language: en or zh (default: from the locale)').choices([
        'en',
        'zh',
      ]),
    )
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  for (const register of REGISTRARS) register(program, getEnv);
  return program;
}

/** Runs one command line and returns the exit code; never throws, never prints a stack. */
export async function runCli(
  argv: string[],
  io: CliIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  // Created on first use, so `--help` and usage errors never open a database.
  const holder: { env: CliEnv | null } = { env: null };
  const program = buildProgram(() => (holder.env ??= createEnv(program.opts(), io)));
  program.configureOutput({
    writeOut: (s) => io.out.write(s),
    writeErr: (s) => io.err.write(s),
    outputError: () => {},
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      // Help shown for want of a subcommand (`qms seed`) is a usage mistake, not a success.
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.ok : EXIT.cannotRun;
      io.err.write(`${usageLine(e, langFrom(langOption(argv), process.env))}\n`);
      return EXIT.cannotRun;
    }
    // A command that already reported (e.g. an import's rejected rows) only sets the exit code.
    if (e instanceof CliError && e.message === '') return e.exitCode;
    const lang = holder.env?.lang ?? langFrom(program.opts().lang, process.env);
    io.err.write(`${errorLine(e, lang, holder.env?.dbPath)}\n`);
    if (process.env.QMS_DEBUG === '1' && e instanceof Error && e.stack) io.err.write(`${e.stack}\n`);
    return exitCodeOf(e);
  } finally {
    holder.env?.close();
  }
}

export { CliError };
