import { ConverterFactory, Locale, type DictGroup, type DictLike } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { converterOf, toSimplified } from '../../shared/import/simplified';

/** What opencc-js itself makes of a text: the reference toSimplified must match exactly. */
const reference = ConverterFactory(Locale.from.tw!, Locale.from.hk!, Locale.to.cn!);

const groups = [...Locale.from.tw!, ...Locale.from.hk!, ...Locale.to.cn!];

function entries(dict: DictLike): [string, string][] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v]);
  return dict.split('|').map((e) => e.split(' ') as [string, string]);
}

const all = groups.flatMap((g) => g.flatMap(entries));

describe('traditional to simplified', () => {
  it('converts every key and every value of OpenCC’s tables as opencc-js does, alone and in text', () => {
    expect(all.length).toBeGreaterThan(5_000);
    const differ: string[] = [];
    for (const [key, value] of all) {
      for (const text of [key, value, `前${key}後`, `${key}${value}${key}`, `a${value}里`]) {
        if (toSimplified(text) !== reference(text)) differ.push(text);
      }
    }
    expect(differ).toEqual([]);
  });

  it('matches opencc-js on runs of keys, where the longest key must win and phrases overlap', () => {
    // A fixed-seed generator: the same texts every run, so a difference can be replayed.
    let seed = 20261205;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const differ: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let k = 1 + (next() % 5); k > 0; k--) {
        const [key, value] = all[next() % all.length]!;
        const piece = next() % 2 ? key : value;
        // Cut some pieces short, so a phrase is only partly there.
        text += next() % 3 ? piece : piece.slice(0, Math.max(1, piece.length - 1));
      }
      if (toSimplified(text) !== reference(text)) differ.push(text);
    }
    expect(differ).toEqual([]);
  });

  it('converts the headers and names people write, and leaves simplified text as it is', () => {
    expect(toSimplified('首問解決率')).toBe('首问解决率');
    expect(toSimplified('網點編碼')).toBe('网点编码');
    expect(toSimplified('衞生間')).toBe('卫生间');
    expect(toSimplified('客戶滿意度')).toBe('客户满意度');
    for (const text of ['客户满意度', '万户投诉率', '首问解决率', '4G/5G下载速率', 'Branch code', ''])
      expect(toSimplified(text)).toBe(text);
  });

  it('passes over ideographic description sequences and characters beyond the BMP as opencc-js does', () => {
    for (const text of [
      '⿰氵青',
      '⿱⿰木木木',
      '⿰',
      '⿲彳⿱山王攵',
      '𠀀𠮷',
      '乾隆𠮷乾',
      '⿰乾燥',
      '\ud842',
    ]) {
      expect(toSimplified(text)).toBe(reference(text));
    }
  });

  it('reads a group’s dictionaries as opencc-js does: the first one’s value wins, a value ends at a space, pairs too', () => {
    const groups: DictGroup[] = [
      ['甲 乙|甲丙 丁|丙 戊 己', '甲 庚|丙丁 辛'],
      [
        [
          ['乙', '壬'],
          ['辛辛', '癸'],
        ],
        '戊 子',
      ],
    ];
    const ours = converterOf(groups);
    const theirs = ConverterFactory(...groups);
    for (const text of ['甲', '甲丙', '丙', '丙丁', '甲丙丁', '丙丁丁', '乙辛辛', '甲甲丙丙丁丙', 'x甲y'])
      expect(ours(text), text).toBe(theirs(text));
    expect(ours('甲丙')).toBe('丁');
  });
});
