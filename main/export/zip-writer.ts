import zlib from 'node:zlib';
import { once } from 'node:events';
import { FileOut } from './file-out';

/**
 * A streaming zip writer for .xlsx parts, built on node's native zlib.
 *
 * Why not exceljs's WorkbookWriter: its worksheet stream (StreamBuf) never pushes back, so a
 * synchronous row loop piles the whole sheet's XML into Buffers outside the JS heap before
 * archiver gets a turn to deflate it (about 600 MB for a million rows). Here every write
 * awaits the deflater and the file: memory stays at a few chunk buffers whatever the size.
 *
 * Entries use data descriptors (sizes after the data), so nothing is buffered per entry.
 * No ZIP64: an entry or archive over 4 GiB is refused rather than written corrupt.
 */
export class ZipWriter {
  private readonly out: FileOut;
  private offset = 0;
  private readonly entries: {
    name: Buffer;
    crc: number;
    compressed: number;
    size: number;
    offset: number;
  }[] = [];
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(path: string, modified: Date) {
    this.out = new FileOut(path);
    this.dosTime =
      (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1);
    this.dosDate =
      ((Math.max(modified.getUTCFullYear(), 1980) - 1980) << 9) |
      ((modified.getUTCMonth() + 1) << 5) |
      modified.getUTCDate();
  }

  /** Opens one entry; write its content with `write`, then `close` it before the next. */
  async open(name: string): Promise<ZipEntry> {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    const entryOffset = this.offset;
    await this.raw(Buffer.concat([header, nameBytes]));
    return new ZipEntry(this, nameBytes, entryOffset);
  }

  /** Writes a whole small entry at once. */
  async add(name: string, content: string): Promise<void> {
    const entry = await this.open(name);
    await entry.write(content);
    await entry.close();
  }

  /** @internal */
  async raw(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (this.offset > 0xffffffff) throw new Error('the workbook would exceed 4 GiB; export a smaller range');
    await this.out.write(chunk);
  }

  /** @internal */
  recordEntry(e: { name: Buffer; crc: number; compressed: number; size: number; offset: number }): void {
    this.entries.push(e);
  }

  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.dosTime, 12);
      h.writeUInt16LE(this.dosDate, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.raw(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
    await this.out.end();
  }

  /** Stops writing and closes the file (the caller removes it). */
  abort(): void {
    this.out.abort();
  }
}

export class ZipEntry {
  private readonly deflate = zlib.createDeflateRaw({ level: 6 });
  private crc = 0;
  private size = 0;
  private compressed = 0;
  private pending: Promise<void> = Promise.resolve();
  private readonly drained: Promise<void>;
  /** Text is gathered into chunks of this size before deflating: fewer, larger zlib calls. */
  private buffer: string[] = [];
  private buffered = 0;

  constructor(
    private readonly zip: ZipWriter,
    private readonly name: Buffer,
    private readonly offset: number,
  ) {
    this.deflate.on('data', (chunk: Buffer) => {
      this.compressed += chunk.length;
      this.pending = this.pending.then(() => zip.raw(chunk));
    });
    this.drained = once(this.deflate, 'end').then(() => undefined);
  }

  /** Appends text; resolves when it is safe to write more (backpressure end to end). */
  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= 64 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffered) return;
    const bytes = Buffer.from(this.buffer.join(''), 'utf8');
    this.buffer = [];
    this.buffered = 0;
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    if (!this.deflate.write(bytes)) await once(this.deflate, 'drain');
    await this.pending;
  }

  async close(): Promise<void> {
    await this.flush();
    this.deflate.end();
    await this.drained;
    await this.pending;
    if (this.size > 0xffffffff) throw new Error('a sheet would exceed 4 GiB; export a smaller range');
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(this.crc >>> 0, 4);
    d.writeUInt32LE(this.compressed, 8);
    d.writeUInt32LE(this.size, 12);
    await this.zip.raw(d);
    this.zip.recordEntry({
      name: this.name,
      crc: this.crc >>> 0,
      compressed: this.compressed,
      size: this.size,
      offset: this.offset,
    });
  }
}
