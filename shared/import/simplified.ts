import { Locale, type DictGroup, type DictLike } from 'opencc-js/t2cn';

/**
 * Traditional (Taiwan, Hong Kong) characters to simplified, with OpenCC's maintained tables
 * from opencc-js, converted exactly as opencc-js's `ConverterFactory(from.tw, from.hk, to.cn)`
 * converts: Taiwan's variants to OpenCC's traditional, then Hong Kong's, then to simplified;
 * in each step, the longest key at each position, the first dictionary of a group winning.
 *
 * Why not that converter itself: it first builds a trie with a Map for every character of
 * every key, some 7,500 Maps: 30 ms on an import's main thread, then garbage collections
 * that copy them all. Here the keys go into one Map per step (5-10 ms), and the lookup tries
 * the lengths a key starting with that character can have, longest first: the same longest
 * key. A 100,000-row import, side by side: 1.62 s to 1.52 s, 0.15 s less CPU, 10 MB less.
 * tests/shared/simplified.test.ts holds the two to the same output, key by key.
 */
class Step {
  private readonly values = new Map<string, string>();
  /** Per UTF-16 unit, the longest key starting with it (in units); 0: none does. */
  private readonly longest = new Uint16Array(0x10000);

  constructor(group: DictGroup) {
    // opencc-js loads a group's dictionaries last to first, so the first one's value stays.
    for (let d = group.length - 1; d >= 0; d--) this.load(group[d]!);
  }

  convert(s: string): string {
    let out = '';
    let copied = 0;
    for (let i = 0; i < s.length;) {
      let len = Math.min(this.longest[s.charCodeAt(i)]!, s.length - i);
      for (; len > 0; len--) {
        const value = this.values.get(s.slice(i, i + len));
        if (value === undefined) continue;
        out += s.slice(copied, i) + value;
        copied = i + len;
        break;
      }
      i += len > 0 ? len : unmatchedLength(s, i);
    }
    return copied === 0 ? s : out + s.slice(copied);
  }

  private load(dict: DictLike): void {
    if (typeof dict !== 'string') {
      for (const [key, value] of dict) this.add(key, value);
      return;
    }
    // `key value|key value`; like opencc-js, a value ends at the next space.
    for (let at = 0; at < dict.length;) {
      const bar = dict.indexOf('|', at);
      const end = bar < 0 ? dict.length : bar;
      const space = dict.indexOf(' ', at);
      if (space < 0 || space > end)
        throw new Error(`OpenCC dictionary entry without a value: ${dict.slice(at, end)}`);
      const next = dict.indexOf(' ', space + 1);
      this.add(dict.slice(at, space), dict.slice(space + 1, next < 0 || next > end ? end : next));
      at = end + 1;
    }
  }

  private add(key: string, value: string): void {
    // An empty key never matches in opencc-js's trie either.
    if (key === '') return;
    this.values.set(key, value);
    const first = key.charCodeAt(0);
    if (key.length > this.longest[first]!) this.longest[first] = key.length;
  }
}

/** How far opencc-js moves past an unmatched position: a code point, or a whole ideographic description sequence. */
function unmatchedLength(s: string, i: number): number {
  const end = descriptionEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}

function codePointLength(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Where the ideographic description sequence starting at `i` ends (⿰氵青), or 0 if none does. */
function descriptionEnd(s: string, i: number): number {
  const operands = descriptionOperands(s.codePointAt(i)!);
  if (operands === 0) return 0;
  let at = i + codePointLength(s, i);
  for (let k = 0; k < operands; k++) {
    if (at >= s.length) return 0;
    at = descriptionEnd(s, at) || at + codePointLength(s, at);
  }
  return at;
}

/** U+2FF0-U+2FFF: how many components each ideographic description character takes. */
function descriptionOperands(c: number): number {
  if (c >= 0x2ff0 && c <= 0x2ff1) return 2;
  if (c >= 0x2ff2 && c <= 0x2ff3) return 3;
  if (c >= 0x2ff4 && c <= 0x2fff) return 2;
  return 0;
}

/** A converter through these dictionary groups in turn, each read as opencc-js reads one. */
export function converterOf(groups: readonly DictGroup[]): (text: string) => string {
  const steps = groups.map((group) => new Step(group));
  return (text) => {
    let s = text;
    for (const step of steps) s = step.convert(s);
    return s;
  };
}

let simplified: ((text: string) => string) | null = null;

/**
 * The text in simplified characters. The tables are read on the first text with a character
 * past Latin, the only kind a key can match: an English sheet never reads them.
 */
export function toSimplified(text: string): string {
  if (!/[\u2e80-\uffff]/.test(text)) return text;
  simplified ??= converterOf([...Locale.from.tw!, ...Locale.from.hk!, ...Locale.to.cn!]);
  return simplified(text);
}
