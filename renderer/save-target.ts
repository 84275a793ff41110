/**
 * Where a file the workbench writes for the user goes (an import's failed rows). The desktop
 * app asks with the native save dialog; a browser cannot name a place on disk, so `qms serve`
 * gives a private one, and the browser downloads the file from there once it is written.
 */
import { HTTP_SAVE_TARGET_PATH } from '../shared/transport';
import type { Input } from '../shared/contract';
import { client, isDesktop } from './client';

interface SaveTarget {
  /** Where the contract call is to write the file. */
  path: string;
  /** The browser's download of the written file; nothing to do in the desktop app. */
  deliver(): void;
  /** Where the user will find the file: the path chosen, or null for a browser's download. */
  shown: string | null;
}

/** The place asked for; null when the user cancels the dialog. */
async function chooseSaveTarget(request: Input<'desktop:chooseSavePath'>): Promise<SaveTarget | null> {
  if (isDesktop) {
    const chosen = await client.call('desktop:chooseSavePath', request);
    return chosen.path ? { path: chosen.path, deliver: () => {}, shown: chosen.path } : null;
  }
  const res = await fetch(`${HTTP_SAVE_TARGET_PATH}?name=${encodeURIComponent(request.defaultName)}`, {
    method: 'POST',
    credentials: 'same-origin',
  });
  if (!res.ok) throw new Error(`save target: HTTP ${res.status}`);
  const target = (await res.json()) as { path: string; url: string };
  return {
    path: target.path,
    shown: null,
    deliver: () => {
      const link = document.createElement('a');
      link.href = target.url;
      link.download = request.defaultName;
      link.click();
    },
  };
}

/**
 * A file written for the user: the place asked for, `write` (a contract call) puts the file
 * there, then a browser downloads it. Answers what `write` did and where the user finds the
 * file (null: in the browser's downloads); null when the user cancels the dialog.
 */
export async function saveForUser<T>(
  request: Input<'desktop:chooseSavePath'>,
  write: (path: string) => Promise<T>,
): Promise<{ written: T; shown: string | null } | null> {
  const target = await chooseSaveTarget(request);
  if (!target) return null;
  const written = await write(target.path);
  target.deliver();
  return { written, shown: target.shown };
}
