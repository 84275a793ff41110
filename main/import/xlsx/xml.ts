import { BANG, COLON, DQUOTE, GT, isSpace, LT, QUESTION, SLASH, SQUOTE } from './chars';
import { refuse } from './refuse';

/**
 * A small streaming XML tokenizer for spreadsheet parts. Why hand-written rather than
 * exceljs's streaming reader or a general SAX parser: exceljs 4.4.0 decodes each inflated
 * chunk on its own (a Chinese character split across chunks becomes U+FFFD, exceljs issues
 * #2063/#2084) and spends most of its time building objects we do not need; here the text
 * arrives already decoded by one streaming decoder per part (decode.ts), and the tokenizer only
 * carries an unfinished tag or text run from one chunk to the next.
 *
 * It understands what OOXML uses: elements, attributes (either quote), comments, CDATA,
 * processing instructions, the five predefined entities and character references.
 * A DOCTYPE (or any other `<!` declaration) is refused: Excel never writes one, and it is
 * how entity-expansion attacks arrive. Names lose their namespace prefix (`x:row` -> `row`).
 */

/** The tag being opened; valid only during `open()` (one object is reused for speed). */
export interface Tag {
  /** An attribute's decoded value by local name (`r:id` -> `id`), read on demand. */
  attr(name: string): string | undefined;
}

export interface XmlHandler {
  open(name: string, tag: Tag): void;
  close(name: string): void;
  /** Decoded character data; may arrive in several pieces. Only called while `wantText` is true. */
  text(text: string): void;
  readonly wantText: boolean;
  /**
   * A fast path for `<c>`, the element a sheet repeats millions of times: given the text and
   * the index of the `<` that opens it, read the whole element and return the index after it,
   * or -1 to leave it to the general path (an unusual shape, or the text ends inside it).
   */
  cell?(s: string, lt: number): number;
  /**
   * The same for the start tag `<row ...>` (or `<row .../>`), which opens each of a sheet's
   * rows: the index after the tag, or -1 for the general path.
   */
  row?(s: string, lt: number): number;
}

const MAX_TOKEN = 16 * 1024 * 1024;
const C = 99;
const R = 114;

export class XmlScanner {
  private carry = '';
  private readonly tag: TagReader;

  constructor(
    private readonly handler: XmlHandler,
    private readonly file: string,
    private readonly part: string,
  ) {
    this.tag = new TagReader((detail) => this.malformed(detail));
  }

  write(chunk: string): void {
    const s = this.carry.length ? this.carry + chunk : chunk;
    const stop = this.scan(s, false);
    this.carry = stop < s.length ? s.slice(stop) : '';
    // Excel caps a cell at 32,767 characters; a token this long means a broken or hostile part.
    if (this.carry.length > MAX_TOKEN) this.fail('a tag or text run longer than 16 MB');
  }

  end(): void {
    const s = this.carry;
    const stop = this.scan(s, true);
    if (s.slice(stop).trim() !== '') throw this.malformed('unexpected end of the part');
    this.carry = '';
  }

  /** Scans whole tokens; returns where the unfinished rest begins. */
  private scan(s: string, final: boolean): number {
    const h = this.handler;
    const n = s.length;
    let p = 0;
    while (p < n) {
      const lt = s.indexOf('<', p);
      if (lt < 0) {
        if (!h.wantText) return n;
        // Hand over the text now (a long run must not be re-joined chunk after chunk), all but
        // an entity that the next chunk may finish.
        const amp = final ? -1 : s.lastIndexOf('&');
        const keep = amp >= p && s.indexOf(';', amp) < 0 ? amp : n;
        if (keep > p) h.text(decodeEntities(s.slice(p, keep)));
        return keep;
      }
      if (lt > p && h.wantText) h.text(decodeEntities(s.slice(p, lt)));
      if (lt + 1 >= n) return final ? this.fail('unfinished tag') : lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return final ? this.fail('unfinished closing tag') : lt;
        let nameEnd = gt;
        while (nameEnd > lt + 2 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        h.close(elementName(s, lt + 2, nameEnd));
        p = gt + 1;
      } else if (c === QUESTION) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return final ? this.fail('unfinished processing instruction') : lt;
        p = e + 2;
      } else if (c === BANG) {
        if (lt + 9 > n && !final) return lt;
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return final ? this.fail('unfinished comment') : lt;
          p = e + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return final ? this.fail('unfinished CDATA') : lt;
          if (h.wantText) h.text(s.slice(lt + 9, e));
          p = e + 3;
        } else {
          throw refuse('xlsxEntities', { file: this.file, part: this.part });
        }
      } else {
        if (c === C && lt + 2 < n && isSpace(s.charCodeAt(lt + 2)) && h.cell !== undefined) {
          const end = h.cell(s, lt);
          if (end >= 0) {
            p = end;
            continue;
          }
        } else if (c === R && h.row !== undefined && isRowTag(s, lt)) {
          const end = h.row(s, lt);
          if (end >= 0) {
            p = end;
            continue;
          }
        }
        const tag = this.tag;
        const gt = tag.read(s, lt + 1);
        if (gt < 0) return final ? this.fail('unfinished tag') : lt;
        h.open(tag.name, tag);
        if (tag.selfClosing) h.close(tag.name);
        p = gt + 1;
      }
    }
    return n;
  }

  private fail(detail: string): never {
    throw this.malformed(detail);
  }

  private malformed(detail: string): Error {
    return refuse('xlsxMalformed', { file: this.file, part: this.part, detail });
  }
}

/**
 * Reads one start tag in a single pass: its name, where each attribute's local name and
 * value lie (offsets, no strings), and where it ends. Values become strings only when a
 * handler asks; a sheet cell needs two or three of them.
 */
class TagReader implements Tag {
  name = '';
  selfClosing = false;
  private s = '';
  /** Per attribute: local-name start, name end, value start, value end (offsets into `s`). */
  private spans = new Int32Array(64);
  private count = 0;

  constructor(private readonly malformed: (detail: string) => Error) {}

  /** Reads the tag whose name starts at `from`; the index of its `>`, or -1 if `s` ends first. */
  read(s: string, from: number): number {
    const n = s.length;
    let i = from;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH || isSpace(c)) break;
      i++;
    }
    if (i >= n) return -1;
    this.name = elementName(s, from, i);
    this.s = s;
    let count = 0;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        if (c === SLASH && i + 1 >= n) return -1;
        if (c === SLASH && s.charCodeAt(i + 1) !== GT) throw this.malformed(`stray "/" in <${this.name}>`);
        this.selfClosing = c === SLASH;
        this.count = count;
        return c === SLASH ? i + 1 : i;
      }
      const eq = s.indexOf('=', i);
      if (eq < 0) return -1;
      let nameEnd = eq;
      while (nameEnd > i && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
      let local = i;
      for (let k = i; k < nameEnd; k++) {
        const ch = s.charCodeAt(k);
        if (ch === COLON) local = k + 1;
        else if (ch === GT || ch === LT || ch === SLASH || ch === DQUOTE || ch === SQUOTE || isSpace(ch))
          throw this.malformed(`attribute without value in <${this.name}>`);
      }
      let q = eq + 1;
      while (q < n && isSpace(s.charCodeAt(q))) q++;
      if (q >= n) return -1;
      const quote = s.charCodeAt(q);
      if (quote !== DQUOTE && quote !== SQUOTE) throw this.malformed(`unquoted attribute in <${this.name}>`);
      const close = s.indexOf(quote === DQUOTE ? '"' : "'", q + 1);
      if (close < 0) return -1;
      // Namespace declarations are not attributes of the element (`xmlns:r` is not `r`).
      if (!s.startsWith('xmlns', i)) {
        if (count * 4 + 4 > this.spans.length) this.grow();
        const spans = this.spans;
        spans[count * 4] = local;
        spans[count * 4 + 1] = nameEnd;
        spans[count * 4 + 2] = q + 1;
        spans[count * 4 + 3] = close;
        count++;
      }
      i = close + 1;
    }
  }

  attr(want: string): string | undefined {
    const { s, spans } = this;
    for (let k = 0; k < this.count * 4; k += 4) {
      const local = spans[k]!;
      if (spans[k + 1]! - local === want.length && s.startsWith(want, local))
        return decodeEntities(s.slice(spans[k + 2], spans[k + 3]));
    }
    return undefined;
  }

  private grow(): void {
    const bigger = new Int32Array(this.spans.length * 2);
    bigger.set(this.spans);
    this.spans = bigger;
  }
}

/** Whether the tag at `lt` is `<row` followed by a space or `>`, with that character in the text. */
function isRowTag(s: string, lt: number): boolean {
  if (lt + 4 >= s.length || !s.startsWith('row', lt + 1)) return false;
  const next = s.charCodeAt(lt + 4);
  return next === GT || isSpace(next);
}

/**
 * The local name of the element named by s[from, end). The names a sheet repeats millions
 * of times come back as constants, without making a string per tag.
 */
function elementName(s: string, from: number, end: number): string {
  const length = end - from;
  if (length === 1) {
    const c = s.charCodeAt(from);
    if (c === 99) return 'c';
    if (c === 118) return 'v';
    if (c === 102) return 'f';
    if (c === 116) return 't';
    if (c === 114) return 'r';
  } else if (length === 3 && s.startsWith('row', from)) {
    return 'row';
  } else if (length === 2 && s.startsWith('is', from)) {
    return 'is';
  }
  return localName(s.slice(from, end));
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/**
 * OOXML escapes characters XML cannot carry as `_xHHHH_` (`_x000D_` is a carriage return);
 * `_x005F_` escapes a literal underscore.
 */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
