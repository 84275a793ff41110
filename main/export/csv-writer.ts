import { FileOut } from './file-out';

/**
 * CSV as cli.md asks: UTF-8 (with a BOM, so Excel and WPS open Chinese text correctly on
 * double-click), canonical keys in the header, RFC 4180 quoting, CRLF line ends.
 */
export class CsvWriter {
  private readonly out: FileOut;
  private buffer = '\uFEFF';

  constructor(path: string) {
    this.out = new FileOut(path);
  }

  async row(values: readonly (string | number | null | undefined)[]): Promise<void> {
    this.buffer += `${values.map(csvField).join(',')}\r\n`;
    if (this.buffer.length >= 64 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    await this.out.write(chunk);
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.out.end();
  }

  abort(): void {
    this.out.abort();
  }
}

function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? plainDecimal(v) : v;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number as plain decimals, never exponent notation (1e-7 is written 0.0000001). */
export function plainDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}
