import { LABELS, labelOf } from '../../shared/domain/enums';
import { foldText } from '../../shared/import/text';

/**
 * A closed vocabulary as typed in sheets: each value by its key, its zh and en labels, and
 * any extra spellings regions use. Keys are folded like headers.
 */
export function vocabulary<T extends string>(
  values: readonly T[],
  extra: Record<string, T> = {},
): { map: ReadonlyMap<string, T>; shown: string } {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(foldText(v), v);
    const label = LABELS[v];
    if (label) {
      map.set(foldText(label.zh), v);
      map.set(foldText(label.en), v);
    }
  }
  for (const [text, v] of Object.entries(extra)) map.set(foldText(text), v);
  const shown = values.map((v) => labelOf(v).zh).join(', ');
  return { map, shown };
}
