import { memoised } from '../memo';
import { toSimplified } from './simplified';

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
