/**
 * Bytes to text for one part, across chunk boundaries: a single TextDecoder in streaming
 * mode keeps the unfinished bytes of a multi-byte character until the next chunk arrives.
 * (This is the fix for exceljs #2063/#2084, where each chunk was decoded on its own.)
 * The encoding comes from the byte-order mark; Excel Mobile writes UTF-16LE parts.
 */
export class PartDecoder {
  private decoder: TextDecoder | null = null;

  decode(chunk: Uint8Array): string {
    this.decoder ??= new TextDecoder(encodingOf(chunk));
    return this.decoder.decode(chunk, { stream: true });
  }

  /** Whatever the decoder still holds (an incomplete character at the very end becomes U+FFFD). */
  flush(): string {
    return this.decoder ? this.decoder.decode() : '';
  }
}

function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // `<` followed by a zero byte: UTF-16LE without a BOM.
  if (head[0] === 0x3c && head[1] === 0x00) return 'utf-16le';
  return 'utf-8';
}
