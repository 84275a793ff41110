import type { Command } from 'commander';
import type { CliEnv } from '../env';
import type { Output } from '../../../shared/contract';

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
      const result = (await e.workbench().dispatch('imports:undo', { id })) as Output<'imports:undo'>;
      e.out.write(
        e.lang === 'zh'
          ? `已撤销批次 ${id}：删除其写入的 ${result.rowsRemoved} 行，恢复被覆盖的 ${result.rowsRestored} 行\n`
          : `undid batch ${id}: removed the ${result.rowsRemoved} rows it wrote, restored ${result.rowsRestored} it overwrote\n`,
      );
    });
}
