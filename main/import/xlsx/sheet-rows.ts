import type { SheetEnd, SheetRow, SheetRows } from './types';

/**
 * A sheet's rows as the reader hands them out, from the generator of its batches (read on
 * this thread or a worker's) and what the sheet's end said once the batches are done.
 */
export function sheetRowsOf(
  batches: () => AsyncGenerator<SheetRow[]>,
  finished: () => SheetEnd | undefined,
): SheetRows {
  return {
    batches,
    async *[Symbol.asyncIterator](): AsyncGenerator<SheetRow> {
      for await (const batch of batches()) yield* batch;
    },
    end(): SheetEnd {
      const end = finished();
      if (!end) throw new Error('SheetRows.end() is valid only after the iteration has finished');
      return end;
    },
  };
}
