import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * Converts a file with LibreOffice as a person's LibreOffice would save it (Debian's soffice,
 * headless, a profile of its own under `profile`); returns the converted file. `to` is
 * soffice's --convert-to (`xlsx`, or `csv:...` with its filter options).
 */
export function convertWithLibreOffice(
  file: string,
  options: { outDir: string; to: string; profile: string; infilter?: string },
): string {
  fs.mkdirSync(options.outDir, { recursive: true });
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${options.profile}`,
      '--headless',
      ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
      '--convert-to',
      options.to,
      '--outdir',
      options.outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const converted = path.join(
    options.outDir,
    `${path.basename(file, path.extname(file))}.${options.to.split(':')[0]}`,
  );
  if (run.status !== 0 || !fs.existsSync(converted))
    throw new Error(`LibreOffice could not convert ${file}: ${run.stderr}`);
  return converted;
}
