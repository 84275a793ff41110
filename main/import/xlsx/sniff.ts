import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { refuse } from './refuse';

/** The OLE compound-file magic: old .xls workbooks, and encrypted .xlsx (OOXML wrapped in CFB). */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SCAN_CHUNK = 1024 * 1024;

/**
 * Decides from the first bytes whether the file can be a zip workbook, and refuses with a
 * message naming what it is otherwise (empty, encrypted, old .xls, something else).
 */
export async function sniffContainer(fh: FileHandle, size: number, file: string): Promise<void> {
  if (size === 0) throw refuse('xlsxEmptyFile', { file });
  const head = Buffer.alloc(8);
  fs.readSync(fh.fd, head, 0, 8, 0);
  if (head.equals(CFB_MAGIC)) {
    // Directory entry names are UTF-16LE; a stream scan finds them without parsing the FAT.
    const names = await findUtf16Names(fh, size, ['EncryptedPackage', 'Workbook', 'Book']);
    if (names.has('EncryptedPackage')) throw refuse('xlsxEncrypted', { file });
    if (names.has('Workbook') || names.has('Book')) throw refuse('xlsxLegacyXls', { file });
    throw refuse('xlsxNotZip', { file });
  }
  const zipLocal = head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
  const zipEmpty = head[0] === 0x50 && head[1] === 0x4b && head[2] === 5 && head[3] === 6;
  if (!zipLocal && !zipEmpty) throw refuse('xlsxNotZip', { file });
}

async function findUtf16Names(fh: FileHandle, size: number, names: string[]): Promise<Set<string>> {
  const needles = names.map((n) => ({ name: n, bytes: Buffer.from(n, 'utf16le') }));
  const overlap = Math.max(...needles.map((n) => n.bytes.length));
  const found = new Set<string>();
  const buf = Buffer.alloc(SCAN_CHUNK + overlap);
  let carried = 0;
  for (let pos = 0; pos < size && found.size < names.length;) {
    const { bytesRead } = await fh.read(buf, carried, SCAN_CHUNK, pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    const view = buf.subarray(0, carried + bytesRead);
    for (const n of needles) if (view.includes(n.bytes)) found.add(n.name);
    carried = Math.min(overlap, view.length);
    view.copy(buf, 0, view.length - carried);
  }
  return found;
}
