import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import type { CliEnv } from '../env';
import { CliError, EXIT } from '../errors';
import { appRoot } from '../../platform/paths';

/** The built renderer (npm run build:renderer writes it). */
export const RENDERER_DIR = path.join(appRoot(import.meta.url), 'dist', 'renderer');

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  spawn(cmd, args as string[], { detached: true, stdio: 'ignore' })
    .on('error', () => {})
    .unref();
}

/** A port another program holds, or one reserved for administrators, is the user's to change. */
function portRefused(err: unknown, port: number): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return new AppError('unsupported', 'portInUse', { port });
  if (code === 'EACCES') return new AppError('unsupported', 'portDenied', { port });
  return null;
}

/** qms serve: the workbench in a browser on 127.0.0.1, until Ctrl+C. */
export function registerServeCommand(program: Command, env: () => CliEnv): void {
  program
    .command('serve')
    .description('serve the workbench on 127.0.0.1 with a per-run token; prints the URL to open')
    .option('--port <n>', 'the port (default: any free one)')
    .option('--open', 'open the URL in the default browser')
    .action(async (opts: { port?: string; open?: boolean }) => {
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(EXIT.cannotRun, {
          en: `--port ${opts.port} is not a port. Give a number from 1 to 65535`,
          zh: `--port ${opts.port} 不是端口号。请给出 1 到 65535 之间的数字`,
        });
      if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
        throw new CliError(
          EXIT.cannotRun,
          {
            en: 'the workbench is not built. Run npm run build:renderer',
            zh: '工作台界面尚未构建。请运行 npm run build:renderer',
          },
          RENDERER_DIR,
        );
      const e = env();
      const { startServer } = await import('../../server');
      const server = await startServer({
        dbPath: e.dbPath,
        port,
        staticDir: RENDERER_DIR,
        workbench: e.workbench(),
        log: (line) => e.err.write(`${line}\n`),
      }).catch((err: unknown) => {
        throw portRefused(err, port) ?? err;
      });
      e.out.write(`${server.url}\n`);
      if (opts.open) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
    });
}
