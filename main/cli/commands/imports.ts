import type { Command } from 'commander';
import type { CliEnv } from '../env';
import { CliError, EXIT } from '../errors';
import type { Output } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

/** The import history and its undo; `qms import` itself is registered by the importer. */
export function registerBatchCommands(program: Command, env: () => CliEnv): void {
  program
    .command('imports')
    .description('list import batches (id, file, when, rows)')
    .action(async () => {
      const e = env();
      const batches = (await e.workbench().dispatch('imports:list', {})) as Output<'imports:list'>;
      for (const b of batches) {
        e.out.write(`${b.id}\t${b.fileName}\t${b.startedAt}\t${b.rowsWritten}\t${b.status}\n`);
      }
    });

  program
    .command('undo')
    .description('undo one import batch')
    .argument('<batch>', 'the batch id (see qms imports)')
    .action(async (id: string) => {
      const e = env();
      const result = (await e
        .workbench()
        .dispatch('imports:undo', { id })
        .catch((err: unknown) => {
          // The id is the call's one input: refused as not an id, or naming no batch here.
          const named = err instanceof AppError && (err.kind === 'invalid' || err.kind === 'not_found');
          throw named ? noSuchBatch(id) : err;
        })) as Output<'imports:undo'>;
      e.out.write(
        e.lang === 'zh'
          ? `已撤销批次 ${id}：删除其写入的 ${result.rowsRemoved} 行，恢复被覆盖的 ${result.rowsRestored} 行\n`
          : `undid batch ${id}: removed the ${result.rowsRemoved} rows it wrote, restored ${result.rowsRestored} it overwrote\n`,
      );
    });
}

/**
 * An argument that names no batch here, whether or not it has the form of an id: bad usage
 * (cli.md's exit 2, as for a file that is not there), said with where the ids are listed.
 */
function noSuchBatch(id: string): CliError {
  return new CliError(EXIT.cannotRun, {
    en: `no import batch ${id} in this database. See qms imports for the batches and their ids`,
    zh: `本数据库没有导入批次 ${id}。可用 qms imports 查看各批次及其编号`,
  });
}
