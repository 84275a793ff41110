import type { MessagePort } from 'node:worker_threads';
import { toThreadError } from '../../../shared/errors';
import { AHEAD, BATCH_ROWS, encodeRows, type FromWorker, type SheetTask, type ToWorker } from './parallel';
import type { SheetInfo, SheetRow } from './types';
import { openWorkbook } from './workbook';

/**
 * The worker's side: opens the file (its own handle, its own reading of the structure) and,
 * once told which sheet, posts all its rows from the first in batches of BATCH_ROWS, each
 * encoded as soon as it is whole (rows kept as objects for long cost more in collection
 * than in parsing). It runs up to AHEAD batches ahead of what the other thread has taken.
 */
export async function serveSheet(port: MessagePort, task: SheetTask): Promise<void> {
  let credit = AHEAD;
  let sheetIndex: number | null = null;
  let wake: (() => void) | null = null;
  const until = async (done: () => boolean) => {
    while (!done()) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  port.on('message', (m: ToWorker) => {
    if (m === 'more') credit++;
    else sheetIndex = m.sheet;
    wake?.();
  });
  let bytes: [number, number] | null = null;
  const send = async (rows: SheetRow[]) => {
    await until(() => credit > 0);
    credit--;
    const e = encodeRows(rows);
    const message: FromWorker = { type: 'rows', bytes, ...e };
    port.postMessage(message, [e.rows.buffer, e.kinds.buffer, e.numbers.buffer]);
  };
  try {
    const wb = await openWorkbook(task.path, { hash: false });
    try {
      await until(() => sheetIndex !== null);
      const sheet: SheetInfo = wb.sheets[sheetIndex!]!;
      const rows = wb.rows(sheet, { onBytes: (done, total) => (bytes = [done, total]) });
      let pending: SheetRow[] = [];
      for await (const batch of rows.batches()) {
        for (const r of batch) pending.push(r);
        if (pending.length < BATCH_ROWS) continue;
        await send(pending);
        pending = [];
      }
      if (pending.length > 0) await send(pending);
      port.postMessage({ type: 'end', end: rows.end() } satisfies FromWorker);
    } finally {
      await wb.close();
    }
  } catch (e) {
    port.postMessage({ type: 'error', error: toThreadError(e) } satisfies FromWorker);
  }
}
