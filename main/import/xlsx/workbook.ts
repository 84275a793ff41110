import { createHash } from 'node:crypto';
import fsSync from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../../shared/errors';
import { PartDecoder } from './decode';
import {
  RelsHandler,
  relOfType,
  SharedStringsHandler,
  StylesHandler,
  WorkbookHandler,
  type Relationship,
} from './parts';
import { refuse } from './refuse';
import { SheetParser, type CellContext } from './sheet';
import { sheetRowsOf } from './sheet-rows';
import { sniffContainer } from './sniff';
import type {
  OpenedWorkbook,
  OpenOptions,
  RowsOptions,
  SheetEnd,
  SheetInfo,
  SheetRow,
  SheetRows,
} from './types';
import { XmlScanner, type XmlHandler } from './xml';
import { inflateEntry, inflateSmall, readCentralDirectory, type ZipEntry } from './zip';

/** Per read of a part: far above any real sheet (1M rows x 20 columns is about 0.7 GB of XML). */
const DEFAULT_MAX_INFLATED = 2 * 1024 ** 3;
/** The shared strings table is the one part held in memory: bound it well below the heap. */
const MAX_SHARED_STRINGS = 256 * 1024 ** 2;
const HASH_CHUNK = 1024 * 1024;
const SHEET_KINDS = ['worksheet', 'chartsheet', 'dialogsheet', 'macrosheet'] as const;

/**
 * Opens an .xlsx/.xlsm for streaming: reads the zip directory, the workbook, styles and the
 * shared strings; sheets are streamed later by `rows()`. Anything that is not a readable
 * workbook is refused here with AppError('unsupported') naming what the file is.
 */
export async function openWorkbook(filePath: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const fileName = path.basename(filePath);
  let fh: FileHandle;
  try {
    fh = await fs.open(filePath, 'r');
  } catch (e) {
    throw refuse('xlsxCannotOpen', {
      file: filePath,
      detail: (e as NodeJS.ErrnoException).code ?? String(e),
    });
  }
  try {
    const stat = fsSync.fstatSync(fh.fd);
    // A folder opens for reading here; only the first read would fail (EISDIR).
    if (stat.isDirectory()) throw refuse('xlsxIsFolder', { file: fileName });
    const { size } = stat;
    await sniffContainer(fh, size, fileName);
    const entries = readCentralDirectory(fh, size, fileName);
    const zip = new ZipParts(fh, size, entries, fileName, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED);
    const structure = await readStructure(zip);
    const elsewhere = typeof options.hash === 'object' ? await options.hash : null;
    const sha256 = options.hash === false ? '' : (elsewhere ?? (await hashFile(fh, size)));
    return workbookHandle(zip, structure, { fileName, bytes: size, sha256 });
  } catch (e) {
    await fh.close();
    throw e;
  }
}

/** The zip's parts by name (OPC part names are case-insensitive) and how to stream them. */
class ZipParts {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    readonly fh: FileHandle,
    private readonly size: number,
    entries: ZipEntry[],
    readonly fileName: string,
    readonly maxInflated: number,
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /**
   * Streams a part through the decoder and tokenizer into `handler`, yielding after each chunk.
   * `whole`: a small part is inflated at once instead (the parts read before any sheet).
   */
  async *scan(
    entry: ZipEntry,
    handler: XmlHandler,
    options: RowsOptions = {},
    limit = this.maxInflated,
    whole = false,
  ): AsyncGenerator<void> {
    const decoder = new PartDecoder();
    const scanner = new XmlScanner(handler, this.fileName, entry.name);
    const small = whole ? inflateSmall(this.fh, this.size, entry, limit, this.fileName) : null;
    for await (const chunk of small
      ? [small]
      : inflateEntry(this.fh, this.size, entry, limit, this.fileName, options.onBytes)) {
      if (options.signal?.aborted) throw new AppError('cancelled', 'cancelled');
      this.guard(entry, () => scanner.write(decoder.decode(chunk)));
      yield;
    }
    this.guard(entry, () => {
      scanner.write(decoder.flush());
      scanner.end();
    });
  }

  /** Whatever a handler trips over in a damaged part becomes a refusal naming the part. */
  private guard(entry: ZipEntry, work: () => void): void {
    try {
      work();
    } catch (e) {
      if (e instanceof AppError) throw e;
      const detail = e instanceof Error ? e.message : String(e);
      throw refuse('xlsxMalformed', { file: this.fileName, part: entry.name, detail });
    }
  }

  /** Reads a part to its end; parts held in memory (shared strings) get a tighter bound. */
  async scanWhole(entry: ZipEntry, handler: XmlHandler, limit = this.maxInflated): Promise<void> {
    for await (const _ of this.scan(entry, handler, {}, limit, true)) void _;
  }

  /** The first bytes of a small part, as text (the `mimetype` of an OpenDocument file). */
  async head(entry: ZipEntry, bytes: number): Promise<string> {
    for await (const chunk of inflateEntry(this.fh, this.size, entry, this.maxInflated, this.fileName))
      return chunk.toString('utf8', 0, Math.min(bytes, chunk.length));
    return '';
  }
}

interface Structure {
  date1904: boolean;
  sheets: SheetInfo[];
  context: CellContext;
}

async function readStructure(zip: ZipParts): Promise<Structure> {
  const file = zip.fileName;
  const rootRels = await readRels(zip, '_rels/.rels');
  const office = relOfType(rootRels, '/officeDocument');
  const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const workbookEntry = zip.get(workbookPath) ?? zip.get('xl/workbook.xml');
  if (!workbookEntry) {
    const mimetype = zip.get('mimetype');
    if (mimetype && (await zip.head(mimetype, 100)).startsWith('application/vnd.oasis.opendocument'))
      throw refuse('xlsxOds', { file });
    throw refuse('xlsxNoWorkbook', { file });
  }
  const workbook = new WorkbookHandler();
  await zip.scanWhole(workbookEntry, workbook);
  if (!workbook.isWorkbook) throw refuse('xlsxNoWorkbook', { file });

  const dir = path.posix.dirname(workbookEntry.name);
  const base = dir === '.' ? '' : dir;
  const rels = await readRels(
    zip,
    `${base ? `${base}/` : ''}_rels/${path.posix.basename(workbookEntry.name)}.rels`,
  );
  const partOf = (suffix: string, fallback: string): ZipEntry | undefined => {
    const rel = relOfType(rels, suffix);
    return zip.get(rel ? resolveTarget(base, rel.target) : resolveTarget(base, fallback));
  };

  const sheets = workbook.sheets.map((s, index): SheetInfo => {
    const rel = rels.find((r) => r.id === s.relId && !r.external);
    const target = rel
      ? resolveTarget(base, rel.target)
      : resolveTarget(base, `worksheets/sheet${s.sheetId}.xml`);
    const entry = zip.get(target);
    const kind = SHEET_KINDS.find((k) => rel?.type.toLowerCase().endsWith(k)) ?? 'worksheet';
    return {
      index,
      name: s.name,
      hidden: s.state === 'hidden' || s.state === 'veryHidden',
      path: entry ? entry.name : '',
      kind: entry ? kind : 'missing',
      bytes: entry?.compressedSize ?? 0,
    };
  });
  if (!sheets.some((s) => s.kind === 'worksheet')) throw refuse('xlsxNoSheets', { file });

  const styles = new StylesHandler();
  const stylesEntry = partOf('/styles', 'styles.xml');
  if (stylesEntry) await zip.scanWhole(stylesEntry, styles);
  const strings = new SharedStringsHandler();
  const stringsEntry = partOf('/sharedStrings', 'sharedStrings.xml');
  if (stringsEntry) await zip.scanWhole(stringsEntry, strings, Math.min(zip.maxInflated, MAX_SHARED_STRINGS));

  return {
    date1904: workbook.date1904,
    sheets,
    context: {
      sharedStrings: strings.strings,
      dateStyles: styles.dateStyles(),
      percentStyles: styles.percentStyles(),
      date1904: workbook.date1904,
    },
  };
}

async function readRels(zip: ZipParts, name: string): Promise<Relationship[]> {
  const entry = zip.get(name);
  if (!entry) return [];
  const handler = new RelsHandler();
  await zip.scanWhole(entry, handler);
  return handler.rels;
}

/** A relationship target, relative to the source part's folder or absolute from the package root. */
function resolveTarget(baseDir: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // not percent-encoded after all: use it as written
  }
  const joined = t.startsWith('/') ? t.slice(1) : path.posix.join(baseDir, t);
  return path.posix.normalize(joined).replace(/^(\.\/|\/)+/, '');
}

/**
 * Through one 1 MiB buffer: in the parts' 64 KiB reads, hashing 4 MB took 45 ms instead of 6.
 * Synchronous reads, as the zip's small reads are (zip.ts): a read from the thread pool waited
 * behind a long sheet's inflating. Between reads the event loop turns: `imports:inspect` runs on
 * the app's main thread, which hashing the 40 MB of a million rows held for 30 ms at a stretch
 * (100 ms from a cold disk cache); now for one read and its hashing at most.
 */
async function hashFile(fh: FileHandle, size: number): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(size, HASH_CHUNK));
  for (let pos = 0; pos < size;) {
    const bytesRead = fsSync.readSync(fh.fd, buffer, 0, buffer.length, pos);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    pos += bytesRead;
    await nextTurn();
  }
  return hash.digest('hex');
}

function workbookHandle(
  zip: ZipParts,
  structure: Structure,
  identity: { fileName: string; bytes: number; sha256: string },
): OpenedWorkbook {
  let closed = false;
  return {
    ...identity,
    date1904: structure.date1904,
    sharedStrings: structure.context.sharedStrings,
    sheets: structure.sheets,
    rows: (sheet, options) =>
      options?.worker && structure.sheets[sheet.index]?.kind === 'worksheet'
        ? options.worker.rows(sheet.index, options, sheetRows(zip, structure, sheet, options))
        : sheetRows(zip, structure, sheet, options),
    close: async () => {
      if (closed) return;
      closed = true;
      await zip.fh.close();
    },
  };
}

function sheetRows(
  zip: ZipParts,
  structure: Structure,
  sheet: SheetInfo,
  options: RowsOptions = {},
): SheetRows {
  let finished: SheetEnd | undefined;
  const known = structure.sheets[sheet.index];
  const entry = known?.kind === 'worksheet' ? zip.get(known.path) : undefined;
  async function* batches(): AsyncGenerator<SheetRow[]> {
    const parser = new SheetParser(structure.context);
    if (entry) {
      for await (const _ of zip.scan(entry, parser, options)) {
        void _;
        if (parser.ready.length === 0) continue;
        const batch = parser.ready;
        parser.ready = [];
        yield batch;
      }
      if (parser.ready.length > 0) yield parser.ready;
      parser.ready = [];
    }
    finished = { merges: parser.merges, rows: parser.rowCount };
  }
  return sheetRowsOf(batches, () => finished);
}
