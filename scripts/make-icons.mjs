#!/usr/bin/env node
// Draws the app icon in code and writes every size the installers need into assets/:
// icons/NxN.png (Linux AppImage/deb, the window icon), icon.ico (Windows, PNG-compressed
// entries 16-256), icon.icns (macOS, PNG entries 16-1024) and icon.png (1024, the source
// electron-builder falls back to). No image tools needed: shapes are signed-distance
// functions, sampled 4x4 per pixel for smooth edges, encoded with zlib.
//   node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'assets');

// --- the drawing, in unit coordinates (0..1, y down) ------------------------------------
const TOP = [0x2f, 0x7b, 0xf5];
const BOTTOM = [0x12, 0x3f, 0x9e];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x7c, 0xe0, 0x4a];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, x - (x1 - r), 0);
  const dy = Math.max(y0 + r - y, y - (y1 - r), 0);
  const inside = Math.min(Math.max(x0 + r - x, x - (x1 - r), y0 + r - y, y - (y1 - r)), 0);
  return Math.hypot(dx, dy) + inside - r;
};
const segment = (ax, ay, bx, by, halfWidth) => (x, y) => {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) - halfWidth;
};
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

const background = roundedRect(0.06, 0.06, 0.94, 0.94, 0.2);
// Three rising bars: quality improving period on period.
const bars = union(
  roundedRect(0.22, 0.58, 0.34, 0.8, 0.03),
  roundedRect(0.41, 0.46, 0.53, 0.8, 0.03),
  roundedRect(0.6, 0.34, 0.72, 0.8, 0.03),
);
// A check mark: the standard met.
const check = union(segment(0.26, 0.3, 0.36, 0.4, 0.045), segment(0.36, 0.4, 0.56, 0.18, 0.045));

function colourAt(x, y) {
  if (check(x, y) <= 0) return [...GREEN, 255];
  if (bars(x, y) <= 0) return [...WHITE, 255];
  if (background(x, y) <= 0) {
    const t = (y - 0.06) / 0.88;
    return [...TOP.map((c, i) => Math.round(c + (BOTTOM[i] - c) * t)), 255];
  }
  return [0, 0, 0, 0];
}

/** RGBA pixels of the icon at `size`, 16 samples a pixel, colour weighted by coverage. */
export function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      pixels[o] = a ? Math.round(r / a) : 0;
      pixels[o + 1] = a ? Math.round(g / a) : 0;
      pixels[o + 2] = a ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round(a / (n * n));
    }
  }
  return pixels;
}

// --- encoders ---------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with PNG-compressed entries (Windows Vista on); 256 is written as 0 in the directory. */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

export const ICNS_TYPES = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};

export function encodeIcns(pngs) {
  const entries = pngs.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(ICNS_TYPES[size], 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pngs = new Map(LINUX_SIZES.map((size) => [size, encodePng(size, render(size))]));
  fs.mkdirSync(path.join(out, 'icons'), { recursive: true });
  for (const [size, png] of pngs) fs.writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), png);
  fs.writeFileSync(path.join(out, 'icon.png'), pngs.get(1024));
  fs.writeFileSync(
    path.join(out, 'icon.ico'),
    encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))),
  );
  fs.writeFileSync(
    path.join(out, 'icon.icns'),
    encodeIcns(ICNS_SIZES.map((size) => ({ size, png: pngs.get(size) }))),
  );
  console.log(`icons written to ${path.relative(root, out)}/`);
}
