/**
 * The desktop-only calls as every other transport answers them (`qms serve`, the CLI's
 * workbench): `unsupported`, naming the call. The Electron main process replaces these with
 * the real ones in desktop-handlers.ts. No Electron import here: this runs under plain Node.
 */
import type { HandlersOf } from '../../shared/contract';
import type { desktopContract } from '../../shared/contracts/desktop';
import { AppError } from '../../shared/errors';

type DesktopChannel = keyof typeof desktopContract;

export function desktopUnavailableHandlers(): HandlersOf<DesktopChannel> {
  const refuse = (channel: DesktopChannel) => (): never => {
    throw new AppError(
      'unsupported',
      'invalidField',
      { field: 'channel', detail: `${channel} is only available in the desktop app` },
      'channel',
    );
  };
  return {
    'desktop:openWorkbooks': refuse('desktop:openWorkbooks'),
    'desktop:chooseSavePath': refuse('desktop:chooseSavePath'),
    'desktop:takePendingWorkbooks': refuse('desktop:takePendingWorkbooks'),
    'desktop:saveBackup': refuse('desktop:saveBackup'),
  };
}
