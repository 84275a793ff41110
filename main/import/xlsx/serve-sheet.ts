import type { MessagePort } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import {
  BATCH_ROWS,
  encodeRows,
  IN_FLIGHT,
  MAX_AHEAD,
  type FromWorker,
  type SheetTask,
  type ToWorker,
} from './parallel';
import type { SheetInfo, SheetRow } from './types';
import { openWorkbook } from './workbook';

/**
 * The worker's side: opens the file (its own handle, its own reading of the structure) and
 * parses ahead at once, saying after each batch how many rows it holds, so the other thread
 * takes over only once this one is ahead of it. Told how many rows were read there, it
 * passes over those and posts the rest in batches of BATCH_ROWS, pausing whenever IN_FLIGHT
 * are unread.
 */
export async function serveSheet(port: MessagePort, task: SheetTask): Promise<void> {
  let credit = IN_FLIGHT;
  let skip: number | null = null;
  let wake: (() => void) | null = null;
  const until = async (done: () => boolean) => {
    while (!done()) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  port.on('message', (m: ToWorker) => {
    if (m === 'more') credit++;
    else skip = m.skip;
    wake?.();
  });
  let bytes: [number, number] | null = null;
  let pending: SheetRow[] = [];
  let toSkip: number | null = null;
  let parsed = 0;
  let told = 0;
  /** Posts whole batches (every row when `all`), once the rows to pass over are known. */
  const flush = async (all: boolean) => {
    if (skip === null && (all || parsed - told >= BATCH_ROWS)) {
      told = parsed;
      port.postMessage({ type: 'parsed', rows: parsed, all } satisfies FromWorker);
    }
    // Parsed ahead while the other thread reads: bounded, in case it is slow to answer.
    if (skip === null && (all || pending.length >= MAX_AHEAD)) await until(() => skip !== null);
    if (skip === null) return;
    toSkip ??= skip;
    if (toSkip > 0) {
      const dropped = Math.min(toSkip, pending.length);
      pending = pending.slice(dropped);
      toSkip -= dropped;
    }
    while (pending.length >= BATCH_ROWS || (all && pending.length > 0)) {
      await until(() => credit > 0);
      credit--;
      const e = encodeRows(pending.slice(0, BATCH_ROWS));
      pending = pending.slice(BATCH_ROWS);
      const message: FromWorker = { type: 'rows', bytes, ...e };
      port.postMessage(message, [e.rows.buffer, e.kinds.buffer, e.numbers.buffer]);
    }
  };
  try {
    const wb = await openWorkbook(task.path, { maxInflatedBytes: task.maxInflatedBytes });
    try {
      const sheet: SheetInfo = wb.sheets[task.sheet]!;
      const rows = wb.rows(sheet, { onBytes: (done, total) => (bytes = [done, total]) });
      for await (const batch of rows.batches()) {
        for (const r of batch) pending.push(r);
        parsed += batch.length;
        await flush(false);
      }
      await flush(true);
      port.postMessage({ type: 'end', end: rows.end() } satisfies FromWorker);
    } finally {
      await wb.close();
    }
  } catch (e) {
    const error =
      e instanceof AppError ? e.toPayload() : { message: e instanceof Error ? e.message : String(e) };
    port.postMessage({ type: 'error', error } satisfies FromWorker);
  }
}
