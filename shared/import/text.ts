import { Converter } from 'opencc-js/t2cn';

/** Traditional (Taiwan, Hong Kong) characters to simplified, through OpenCC's maintained tables. */
const toSimplified = Converter({ from: 'tw', to: 'cn' });
const toSimplifiedHk = Converter({ from: 'hk', to: 'cn' });

/**
 * What two spellings of one header or name have in common: full-width forms folded (NFKC),
 * traditional characters made simplified, case, spaces and line breaks dropped, and a trailing
 * unit in brackets (`(%)`, `（分钟）`, `[小时]`) removed. `首問解決率\n(%)` = `首问解决率`.
 */
export function foldText(raw: string): string {
  let folded = folds.get(raw);
  if (folded === undefined) {
    folded = fold(raw);
    // Sheets repeat the same few thousand texts; OpenCC's conversion is the costly part.
    if (folds.size >= 100_000) folds.clear();
    folds.set(raw, folded);
  }
  return folded;
}
const folds = new Map<string, string>();

function fold(raw: string): string {
  let s = raw.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  s = s.replace(/[([{][^()[\]{}]*[)\]}]$/u, '');
  s = s.replace(/[:：*＊]+$/u, '');
  return toSimplifiedHk(toSimplified(s));
}

/** Cell text as people meant it: full-width digits and punctuation folded, outer spaces gone. */
export function cleanText(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
