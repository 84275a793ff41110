import { refuse } from './refuse';

/**
 * A small streaming XML tokenizer for spreadsheet parts. Why hand-written rather than
 * exceljs's streaming reader or a general SAX parser: exceljs 4.4.0 decodes each inflated
 * chunk on its own (a Chinese character split across chunks becomes U+FFFD, exceljs issues
 * #2063/#2084) and spends most of its time building objects we do not need; here the text
 * arrives already decoded by one streaming TextDecoder per part, and the tokenizer only
 * carries an unfinished tag or text run from one chunk to the next.
 *
 * It understands what OOXML uses: elements, attributes (either quote), comments, CDATA,
 * processing instructions, the five predefined entities and character references.
 * A DOCTYPE (or any other `<!` declaration) is refused: Excel never writes one, and it is
 * how entity-expansion attacks arrive. Names lose their namespace prefix (`x:row` -> `row`).
 */

export type Attrs = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded character data; may arrive in several pieces. Only called while `wantText` is true. */
  text(text: string): void;
  readonly wantText: boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQUOTE = 34;
const MAX_TOKEN = 16 * 1024 * 1024;
const SQUOTE = 39;

export class XmlScanner {
  private carry = '';

  constructor(
    private readonly handler: XmlHandler,
    private readonly file: string,
    private readonly part: string,
  ) {}

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
        // Keep trailing text until its end is known: an entity may be split across chunks.
        if (final && h.wantText) h.text(decodeEntities(s.slice(p)));
        return final ? n : p;
      }
      if (lt > p && h.wantText) h.text(decodeEntities(s.slice(p, lt)));
      if (lt + 1 >= n) return final ? this.fail('unfinished tag') : lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return final ? this.fail('unfinished closing tag') : lt;
        h.close(localName(s.slice(lt + 2, gt).trim()));
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
        const gt = findTagEnd(s, lt + 1);
        if (gt === -2) this.fail('"<" inside a tag');
        if (gt < 0) return final ? this.fail('unfinished tag') : lt;
        this.openTag(s, lt + 1, gt);
        p = gt + 1;
      }
    }
    return n;
  }

  private openTag(s: string, from: number, gt: number): void {
    const selfClosing = s.charCodeAt(gt - 1) === SLASH;
    const end = selfClosing ? gt - 1 : gt;
    let i = from;
    while (i < end && !isSpace(s.charCodeAt(i))) i++;
    const name = localName(s.slice(from, i));
    const attrs: Attrs = {};
    while (i < end) {
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (i >= end) break;
      const eq = s.indexOf('=', i);
      if (eq < 0 || eq >= end) throw this.malformed(`attribute without value in <${name}>`);
      const attrName = s.slice(i, eq).trim();
      let q = eq + 1;
      while (q < end && isSpace(s.charCodeAt(q))) q++;
      const quote = s.charCodeAt(q);
      if (quote !== DQUOTE && quote !== SQUOTE) throw this.malformed(`unquoted attribute in <${name}>`);
      const close = s.indexOf(quote === DQUOTE ? '"' : "'", q + 1);
      if (close < 0 || close >= gt) throw this.malformed(`unterminated attribute in <${name}>`);
      if (!attrName.startsWith('xmlns')) attrs[localName(attrName)] = decodeEntities(s.slice(q + 1, close));
      i = close + 1;
    }
    this.handler.open(name, attrs, selfClosing);
    if (selfClosing) this.handler.close(name);
  }

  private fail(detail: string): never {
    throw this.malformed(detail);
  }

  private malformed(detail: string): Error {
    return refuse('xlsxMalformed', { file: this.file, part: this.part, detail });
  }
}

/** Index of the `>` that ends the tag starting at `from`, skipping quoted attribute values. */
function findTagEnd(s: string, from: number): number {
  const n = s.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === GT) {
      return i;
    } else if (ch === DQUOTE || ch === SQUOTE) {
      quote = ch;
    } else if (ch === LT) {
      return -2; // a '<' inside a tag: malformed; reported by the caller as unfinished
    }
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
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
