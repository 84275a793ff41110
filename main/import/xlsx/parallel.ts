import { Worker } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../../shared/errors';
import type { CellValue, RowsOptions, SheetEnd, SheetRow, SheetRows } from './types';

/**
 * A long sheet read on a second thread: the worker inflates, decodes and parses while this
 * thread validates and writes, so reading costs the import almost nothing on a machine with
 * two cores (a third of the time of 100,000 rows otherwise).
 *
 * Rows cross as typed arrays plus each batch's distinct strings, not as row objects: the
 * structured clone of 100,000 rows of values cost more (0.66 s) than parsing them. At most
 * IN_FLIGHT batches wait for this thread, so memory stays flat however fast the worker reads.
 */
export const BATCH_ROWS = 2_000;
export const IN_FLIGHT = 4;
/** Rows the worker parses ahead before it knows how many the other thread has read. */
export const MAX_AHEAD = 50_000;

/** What the worker is given: the same file opened again, one sheet of it. */
export interface SheetTask {
  task: 'sheet';
  path: string;
  sheet: number;
  maxInflatedBytes?: number;
}

interface EncodedRows {
  /** Per row: its number, then how many cells. */
  rows: Int32Array<ArrayBuffer>;
  /** Per cell, one of KIND; its value in `numbers` (a number, a time, or an index into `strings` / `others`). */
  kinds: Uint8Array<ArrayBuffer>;
  numbers: Float64Array<ArrayBuffer>;
  strings: string[];
  /** Formulas without a result and error values: few, cloned as they are. */
  others: CellValue[];
}

export type FromWorker =
  | { type: 'parsed'; rows: number; all: boolean }
  | ({ type: 'rows'; bytes: [number, number] | null } & EncodedRows)
  | { type: 'end'; end: SheetEnd }
  | { type: 'error'; error: ErrorPayload | { message: string } };

/** How many rows this thread read before taking the worker's; then one `more` per batch taken. */
export type ToWorker = { skip: number } | 'more';

const KIND = { empty: 0, text: 1, number: 2, true: 3, false: 4, date: 5, other: 6 } as const;

export function encodeRows(batch: readonly SheetRow[]): EncodedRows {
  let cellCount = 0;
  for (const r of batch) cellCount += r.cells.length;
  const rows = new Int32Array(batch.length * 2);
  const kinds = new Uint8Array(cellCount);
  const numbers = new Float64Array(cellCount);
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const others: CellValue[] = [];
  let c = 0;
  batch.forEach((r, i) => {
    rows[i * 2] = r.row;
    rows[i * 2 + 1] = r.cells.length;
    for (const v of r.cells) {
      if (typeof v === 'string') {
        let at = stringIndex.get(v);
        if (at === undefined) {
          at = strings.push(v) - 1;
          stringIndex.set(v, at);
        }
        kinds[c] = KIND.text;
        numbers[c] = at;
      } else if (typeof v === 'number') {
        kinds[c] = KIND.number;
        numbers[c] = v;
      } else if (typeof v === 'boolean') {
        kinds[c] = v ? KIND.true : KIND.false;
      } else if (v instanceof Date) {
        kinds[c] = KIND.date;
        numbers[c] = v.getTime();
      } else if (v !== null) {
        kinds[c] = KIND.other;
        numbers[c] = others.push(v) - 1;
      }
      c++;
    }
  });
  return { rows, kinds, numbers, strings, others };
}

export function decodeRows(e: EncodedRows): SheetRow[] {
  const out: SheetRow[] = new Array(e.rows.length / 2);
  let c = 0;
  for (let i = 0; i < out.length; i++) {
    const cells: CellValue[] = new Array(e.rows[i * 2 + 1]!);
    for (let k = 0; k < cells.length; k++, c++) {
      const n = e.numbers[c]!;
      switch (e.kinds[c]) {
        case KIND.text:
          cells[k] = e.strings[n]!;
          break;
        case KIND.number:
          cells[k] = n;
          break;
        case KIND.true:
          cells[k] = true;
          break;
        case KIND.false:
          cells[k] = false;
          break;
        case KIND.date:
          cells[k] = new Date(n);
          break;
        case KIND.other:
          cells[k] = e.others[n]!;
          break;
        default:
          cells[k] = null;
      }
    }
    out[i] = { row: e.rows[i * 2]!, cells };
  }
  return out;
}

/**
 * This thread's side: the rows of the sheet, read here (`local`) until the worker, which
 * parses ahead from its start, has a batch more than this thread has read (about 0.3 s into
 * a bundled start), then from the worker, which passes over the rows already given out: no
 * wait for the worker's start-up or its cold code. If the worker never gets ahead (it failed
 * to start, or the sheet is short), the sheet is read here to the end.
 */
export function rowsFromWorker(
  entry: URL,
  task: Omit<SheetTask, 'task'>,
  options: RowsOptions,
  local: SheetRows,
): SheetRows {
  let finished: SheetEnd | undefined;
  async function* batches(): AsyncGenerator<SheetRow[]> {
    const data: SheetTask = { task: 'sheet', ...task };
    const worker = new Worker(entry, { workerData: data });
    // Never what keeps the process alive: an abandoned iteration must not leave it running.
    worker.unref();
    const inbox: FromWorker[] = [];
    let parsed = 0;
    let parsedAll = false;
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    const nudge = () => wake?.();
    const tell = (m: ToWorker) => worker.postMessage(m);
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'parsed') {
        parsed = m.rows;
        parsedAll = m.all;
      } else inbox.push(m);
      nudge();
    });
    worker.on('error', (e) => {
      failure = e;
      nudge();
    });
    worker.on('exit', (code) => {
      failure ??= new Error(`the sheet reader stopped (exit ${code})`);
      nudge();
    });
    try {
      let given = 0;
      const here = local.batches()[Symbol.asyncIterator]();
      try {
        while (failure || (parsed < given + BATCH_ROWS && !parsedAll)) {
          const next = await here.next();
          if (next.done) {
            finished = local.end();
            return;
          }
          given += next.value.length;
          yield next.value;
        }
      } finally {
        await here.return?.();
      }
      tell({ skip: given });
      for (;;) {
        // One turn of the event loop per batch: batches that arrive as fast as they are taken
        // would otherwise keep this thread from ever handling another message (a cancel).
        await new Promise<void>((resolve) => setImmediate(resolve));
        while (inbox.length === 0) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
        if (options.signal?.aborted) throw new AppError('cancelled', 'cancelled');
        const m = inbox.shift()!;
        if (m.type === 'error')
          throw 'kind' in m.error ? AppError.fromPayload(m.error) : new Error(m.error.message);
        if (m.type === 'end') {
          finished = m.end;
          return;
        }
        if (m.type !== 'rows') continue;
        tell('more');
        if (m.bytes) options.onBytes?.(...m.bytes);
        yield decodeRows(m);
      }
    } finally {
      worker.removeAllListeners();
      void worker.terminate();
    }
  }
  return {
    batches,
    async *[Symbol.asyncIterator](): AsyncGenerator<SheetRow> {
      for await (const batch of batches()) yield* batch;
    },
    end(): SheetEnd {
      if (!finished) throw new Error('SheetRows.end() is valid only after the iteration has finished');
      return finished;
    },
  };
}
