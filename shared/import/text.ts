import { ConverterFactory, Locale } from 'opencc-js/t2cn';
import { memoised } from '../memo';

/**
 * Traditional (Taiwan, Hong Kong) characters to simplified, through OpenCC's maintained
 * tables: Taiwan's and Hong Kong's variants to OpenCC's traditional, then to simplified.
 * Built on the first text that has a character past Latin (an English sheet never needs
 * it): building the tables costs 20 ms, and one converter for both regions half of two.
 */
let converter: ((text: string) => string) | null = null;
const toSimplified = (text: string): string =>
  /[\u2e80-\uffff]/.test(text)
    ? (converter ??= ConverterFactory(Locale.from.tw!, Locale.from.hk!, Locale.to.cn!))(text)
    : text;

/**
 * What two spellings of one header or name have in common: full-width forms folded (NFKC),
 * traditional characters made simplified, case, spaces and line breaks dropped, and a trailing
 * unit in brackets (`(%)`, `（分钟）`, `[小时]`) removed. `首問解決率\n(%)` = `首问解决率`.
 */
export const foldText = memoised(fold);

function fold(raw: string): string {
  let s = raw.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  s = s.replace(/[([{][^()[\]{}]*[)\]}]$/u, '');
  s = s.replace(/[:：*＊]+$/u, '');
  return toSimplified(s);
}

/** Cell text as people meant it: full-width digits and punctuation folded, outer spaces gone. */
export const cleanText = memoised((raw: string): string => raw.normalize('NFKC').replace(/\s+/g, ' ').trim());
