import type { MessagePort } from 'node:worker_threads';
import { toThreadError } from '../../../shared/errors';
import {
  AHEAD,
  BATCH_ROWS,
  encodeRows,
  SharedTable,
  type FromWorker,
  type SheetTask,
  type ToWorker,
} from './parallel';
import type { OpenedWorkbook, SheetInfo, SheetRow } from './types';
import { openWorkbook } from './workbook';

/**
 * The worker's side: opens the file (its own handle, its own reading of the structure) and
 * posts all the rows of a sheet from the first in batches of BATCH_ROWS, each encoded as soon
 * as it is whole (rows kept as objects for long cost more in collection than in parsing). It
 * runs up to AHEAD batches ahead of what the other thread has taken.
 *
 * Until told which sheet, it reads the likeliest, the largest: the reader of `qms import` is
 * started before the import knows (see long-sheets.ts), and a long workbook's rows are in
 * its largest sheet. Told another, it starts over on that one.
 */
export async function serveSheet(port: MessagePort, task: SheetTask): Promise<void> {
  let credit = AHEAD;
  let told: number | null = null;
  let wake: (() => void) | null = null;
  const until = async (done: () => boolean) => {
    while (!done()) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  port.on('message', (m: ToWorker) => {
    if (m === 'more') credit++;
    else told = m.sheet;
    wake?.();
  });

  /** Posts the sheet's rows, then its end; false as soon as it is told to read another. */
  async function serve(wb: OpenedWorkbook, shared: SharedTable, sheet: number): Promise<boolean> {
    const elsewhere = () => told !== null && told !== sheet;
    let bytes: [number, number] | null = null;
    const send = async (rows: SheetRow[]): Promise<boolean> => {
      await until(() => credit > 0 || elsewhere());
      if (elsewhere()) return false;
      credit--;
      const e = encodeRows(rows, shared);
      const message: FromWorker = { type: 'rows', sheet, bytes, ...e };
      port.postMessage(message, [e.rows.buffer, e.kinds.buffer, e.numbers.buffer]);
      return true;
    };
    const rows = wb.rows(wb.sheets[sheet]!, { onBytes: (done, total) => (bytes = [done, total]) });
    let pending: SheetRow[] = [];
    for await (const batch of rows.batches()) {
      if (elsewhere()) return false;
      for (const r of batch) pending.push(r);
      if (pending.length < BATCH_ROWS) continue;
      if (!(await send(pending))) return false;
      pending = [];
    }
    if (pending.length > 0 && !(await send(pending))) return false;
    port.postMessage({ type: 'end', sheet, end: rows.end() } satisfies FromWorker);
    return true;
  }

  try {
    const wb = await openWorkbook(task.path);
    try {
      const shared = new SharedTable(wb.sharedStrings);
      port.postMessage({ type: 'opened', table: shared.table, sha256: wb.sha256 } satisfies FromWorker);
      let sheet = told ?? largest(wb.sheets);
      for (;;) {
        if (await serve(wb, shared, sheet)) await until(() => told !== null);
        if (told === sheet) break;
        sheet = told!;
        credit = AHEAD; // the other thread drops what was posted of the wrong sheet
      }
    } finally {
      await wb.close();
    }
  } catch (e) {
    port.postMessage({ type: 'error', error: toThreadError(e) } satisfies FromWorker);
  }
}

function largest(sheets: readonly SheetInfo[]): number {
  return sheets.filter((s) => s.kind === 'worksheet').reduce((a, b) => (b.bytes > a.bytes ? b : a)).index;
}
