import { memoised } from '../memo';
import { foldText } from './text';

/** Why a row below the header carries no data (reported, never imported). */
export type PassReason = 'empty' | 'total' | 'average' | 'remark';

const TOTAL = /^(合计|总计|小计|共计|总计|sum|total|grandtotal|subtotal)/;
const AVERAGE = /^(平均|均值|平均值|average|avg|mean)/;
const REMARK = /^(备注|说明|注[:：]|注意|填表说明|note|remark)/;

/**
 * Total, average and remark rows by the first non-empty text in the row (`合计`, `平均`,
 * `备注：…`), and empty rows. A data row starts with a code or a name, never with these.
 */
export function passReason(cells: readonly unknown[]): PassReason | null {
  const first = cells.find(
    (c) => c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === ''),
  );
  if (first === undefined) return 'empty';
  return typeof first === 'string' ? reasonOfText(first) : null;
}

/** By text: a long sheet starts a hundred thousand rows with the same few region codes. */
const reasonOfText = memoised((first: string): PassReason | null => {
  const folded = foldText(first);
  if (TOTAL.test(folded)) return 'total';
  if (AVERAGE.test(folded)) return 'average';
  if (REMARK.test(folded)) return 'remark';
  return null;
});
