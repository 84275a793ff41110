import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workbench';

const assets = path.join(ROOT, 'assets');
const icons = (await import(path.join(ROOT, 'scripts/make-icons.mjs'))) as {
  render(size: number): Buffer;
  encodePng(size: number, rgba: Buffer): Buffer;
  LINUX_SIZES: number[];
  ICO_SIZES: number[];
  ICNS_SIZES: number[];
};

/** An independent reader (Pillow) says what sizes each icon file holds. */
function pillow(script: string): string {
  const run = spawnSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

describe('app icons in assets/', () => {
  it('has a PNG at every Linux size, each really that size', () => {
    const sizes = pillow(`
from PIL import Image
for n in ${JSON.stringify(icons.LINUX_SIZES)}:
    im = Image.open('${assets}/icons/%dx%d.png' % (n, n)); im.load()
    print(n, im.size[0], im.size[1], im.mode)`);
    expect(sizes.split('\n')).toEqual(icons.LINUX_SIZES.map((n) => `${n} ${n} ${n} RGBA`));
  });

  it('has a Windows .ico with 16 to 256 and a macOS .icns up to 1024 (retina 512@2x)', () => {
    const ico = pillow(`
from PIL import Image
print(sorted(s[0] for s in Image.open('${assets}/icon.ico').ico.sizes()))`);
    expect(JSON.parse(ico)).toEqual(icons.ICO_SIZES);
    const icns = pillow(`
from PIL import Image
im = Image.open('${assets}/icon.icns'); im.load()
print(sorted(s[0] * s[2] for s in im.info['sizes']), im.size[0])`);
    expect(icns).toBe(`${JSON.stringify(icons.ICNS_SIZES).replace(/,/g, ', ')} 1024`);
  });

  it('is what scripts/make-icons.mjs draws (the committed files are not stale)', () => {
    for (const size of [16, 48]) {
      expect(
        icons
          .encodePng(size, icons.render(size))
          .equals(fs.readFileSync(path.join(assets, 'icons', `${size}x${size}.png`))),
      ).toBe(true);
    }
  });
});
