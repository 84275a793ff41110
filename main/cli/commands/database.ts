import type { Command } from 'commander';
import type { CliEnv } from '../env';
import { CliError, EXIT } from '../errors';
import { backupDatabase, checkDatabase } from '../../db/backup';
import { schemaVersion } from '../../db/migrate';
import { LATEST_VERSION } from '../../db/migrations';
import type { Output } from '../../../shared/contract';

/** init, seed, check, backup: the database's own life. */
export function registerDatabaseCommands(program: Command, env: () => CliEnv): void {
  program
    .command('init')
    .description('create or migrate the database, print its schema version')
    .action(() => {
      const e = env();
      const wb = e.workbench();
      const version = schemaVersion(wb.db);
      e.out.write(
        e.lang === 'zh'
          ? `${e.dbPath}\n数据库结构版本 ${version}（最新 ${LATEST_VERSION}）\n`
          : `${e.dbPath}\nschema version ${version} (latest ${LATEST_VERSION})\n`,
      );
    });

  const seed = program.command('seed').description('load built-in data');
  seed
    .command('standards')
    .description('load the built-in telecom standards library (codes already present are kept)')
    .option('--effective-from <date>', 'effective date of the loaded versions (YYYY-MM-DD)')
    .action(async (opts: { effectiveFrom?: string }) => {
      const e = env();
      const result = (await e.workbench().dispatch('standards:seed', {
        effectiveFrom: opts.effectiveFrom,
      })) as Output<'standards:seed'>;
      e.out.write(
        e.lang === 'zh'
          ? `已载入 ${result.created} 项标准，跳过已存在的 ${result.skipped} 项\n`
          : `loaded ${result.created} standards, kept ${result.skipped} already present\n`,
      );
    });

  program
    .command('check')
    .description('integrity check, foreign keys, schema version')
    .action(() => {
      const e = env();
      const report = checkDatabase(e.workbench().db);
      e.out.write(
        e.lang === 'zh'
          ? `完整性：${report.integrity.join('; ')}\n外键：${report.foreignKeys} 处违反\n数据库结构版本：${report.schemaVersion}（最新 ${LATEST_VERSION}）\n`
          : `integrity: ${report.integrity.join('; ')}\nforeign keys: ${report.foreignKeys} violations\nschema version: ${report.schemaVersion} (latest ${LATEST_VERSION})\n`,
      );
      if (!report.ok) {
        throw new CliError(
          EXIT.rejected,
          {
            en: 'the database failed its integrity check. Restore the latest backup (qms backup)',
            zh: '数据库未通过完整性检查。请恢复最近的备份（qms backup）',
          },
          e.dbPath,
        );
      }
    });

  program
    .command('backup')
    .description('a consistent copy of the database while in use')
    .requiredOption('--out <file>', 'where to write the copy')
    .action((opts: { out: string }) => {
      const e = env();
      const result = backupDatabase(e.workbench().db, opts.out);
      e.out.write(`${result.path} (${result.bytes} bytes)\n`);
    });
}
