import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { AppError, fromThreadError, type ThreadError } from '../../../shared/errors';
import { sheetRowsOf } from './sheet-rows';
import type { CellValue, RowsOptions, SheetEnd, SheetRow, SheetRows } from './types';

/**
 * A long sheet read on a second thread: the worker inflates, decodes and parses while this
 * thread validates and writes, so reading costs the import almost nothing on a machine with
 * two cores (a third of the time of 100,000 rows otherwise).
 *
 * Rows cross as typed arrays plus each batch's distinct strings, not as row objects: the
 * structured clone of 100,000 rows of values cost more (0.66 s) than parsing them. A text of
 * the workbook's shared strings table crosses as its index in the table, which crosses once
 * (see SharedTable). At most AHEAD batches wait for this thread, so memory stays flat however
 * fast the worker reads.
 */
export const BATCH_ROWS = 2_000;
/** Batches the worker may post before the other thread takes one: 50,000 rows, a few MB encoded. */
export const AHEAD = 25;

/** What the worker is given: the same file, opened again; which sheet of it comes by message. */
export interface SheetTask {
  task: 'sheet';
  path: string;
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

/**
 * Rows and ends name their sheet: until told which, the worker guesses (see serve-sheet.ts).
 * First, once the worker has opened the workbook: its shared strings table and the file's hash.
 */
export type FromWorker =
  | { type: 'opened'; table: readonly string[]; sha256: string }
  | ({ type: 'rows'; sheet: number; bytes: [number, number] | null } & EncodedRows)
  | { type: 'end'; sheet: number; end: SheetEnd }
  | { type: 'error'; error: ThreadError };

/** The sheet to read; then one `more` per batch taken. */
export type ToWorker = { sheet: number } | 'more';

const KIND = { empty: 0, text: 1, number: 2, true: 3, false: 4, date: 5, other: 6, shared: 7 } as const;

/**
 * The worker's shared strings table, to send texts by their index in it: a long sheet's texts
 * are nearly all shared strings (an import names the same branches and standards on every
 * row). The table then crosses once instead of each batch's strings, and the other thread
 * holds one string per text, which it compares and looks up by identity from then on (100,000
 * rows: the main thread's CPU 833 to 822 ms, medians of 12).
 */
export class SharedTable {
  private readonly index = new Map<string, number>();

  constructor(readonly table: readonly string[]) {
    table.forEach((text, i) => {
      if (!this.index.has(text)) this.index.set(text, i);
    });
  }

  indexOf(text: string): number | undefined {
    return this.index.get(text);
  }
}

export function encodeRows(batch: readonly SheetRow[], shared?: SharedTable): EncodedRows {
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
      const inTable = typeof v === 'string' ? shared?.indexOf(v) : undefined;
      if (inTable !== undefined) {
        kinds[c] = KIND.shared;
        numbers[c] = inTable;
      } else if (typeof v === 'string') {
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

/**
 * `table`: the shared strings table the rows were encoded against (SharedTable). A date the
 * same as the one above it in its column is the same Date (as the reader gives it), not one
 * more object per cell.
 */
export function decodeRows(e: EncodedRows, table: readonly string[] = []): SheetRow[] {
  const out: SheetRow[] = new Array(e.rows.length / 2);
  const lastDates: (Date | undefined)[] = [];
  let c = 0;
  for (let i = 0; i < out.length; i++) {
    const cells: CellValue[] = new Array(e.rows[i * 2 + 1]!);
    for (let k = 0; k < cells.length; k++, c++) {
      const n = e.numbers[c]!;
      switch (e.kinds[c]) {
        case KIND.text:
          cells[k] = e.strings[n]!;
          break;
        case KIND.shared:
          cells[k] = table[n]!;
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
        case KIND.date: {
          const last = lastDates[k];
          cells[k] = last !== undefined && last.getTime() === n ? last : (lastDates[k] = new Date(n));
          break;
        }
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
 * One sheet of one file read on a worker thread. Started as soon as the import knows the
 * file is long (in `qms import`, before qms itself has loaded: long-sheets.ts), so that the
 * worker's start-up (loading its modules, opening the file, warming its parser: a tenth of a
 * second and more) overlaps that work. It reads the largest sheet meanwhile; `rows()` names
 * the sheet, and what was read of another is dropped.
 *
 * A worker that has opened the file by the time `rows()` is called (the first sheet of
 * `qms import`, whose reader started with the process) gives every row: this thread waits
 * for its first batch rather than reading those rows as well. Reading them here too made the
 * two threads race for the same rows on two cores (0 to 5,000 rows read twice per import)
 * and had V8 compile this thread's own copy of the parser, 50-100 ms of a core.
 *
 * A worker still starting (a later sheet's, started when asked) does not keep this thread
 * waiting: the rows are read here (`local`) until the worker, which posts every row from the
 * first, has posted a batch more than this thread has read; then they come from the worker,
 * passing over the ones already read here. If it never gets ahead (it failed to start, or the
 * sheet is short), the sheet is read here to the end, as it is when the worker failed
 * before `rows()` was called.
 */
export class SheetWorker {
  private readonly worker: Worker;
  private inbox: Exclude<FromWorker, { type: 'opened' }>[] = [];
  /** Rows the worker has posted of the sheet asked for (taken or waiting in the inbox). */
  private posted = 0;
  /** The sheet asked for; null until rows() is called, while the worker reads its guess. */
  private sheet: number | null = null;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private used = false;
  /** The worker's shared strings table, for the rows it encodes against it; null until it opened the file. */
  private table: readonly string[] | null = null;
  /**
   * The file's SHA-256 as the worker hashes it, before its first rows: the import's thread,
   * the one that takes longest, then does not read and hash the file again (100,000 rows, 4 MB:
   * 15-20 ms of it; a million rows, 40 MB: ten times that). null if the worker stops first.
   */
  readonly sha256: Promise<string | null>;
  private settleHash: (sha256: string | null) => void = () => {};

  constructor(entry: URL, path: string) {
    this.sha256 = new Promise((resolve) => (this.settleHash = resolve));
    const data: SheetTask = { task: 'sheet', path };
    this.worker = new Worker(entry, { workerData: data });
    // Never what keeps the process alive: an unused or abandoned reader must not.
    this.worker.unref();
    this.worker.on('message', (m: FromWorker) => {
      if (m.type === 'opened') {
        this.table = m.table;
        this.settleHash(m.sha256);
        return;
      }
      if (m.type !== 'error' && this.sheet !== null && m.sheet !== this.sheet) return;
      if (m.type === 'rows') this.posted += m.rows.length / 2;
      // A worker that failed is not taken over from: this thread's own reading says what is wrong.
      if (m.type === 'error') {
        this.failure ??= new Error('the sheet reader failed');
        this.settleHash(null);
      }
      this.inbox.push(m);
      this.wake?.();
    });
    this.worker.on('error', (e) => {
      this.failure = e;
      this.settleHash(null);
      this.wake?.();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new Error(`the sheet reader stopped (exit ${code})`);
      this.settleHash(null);
      this.wake?.();
    });
  }

  /** The rows of the sheet at `index` (one sheet per SheetWorker). */
  rows(index: number, options: RowsOptions, local: SheetRows): SheetRows {
    if (this.used) throw new Error('a SheetWorker reads one sheet');
    this.used = true;
    this.sheet = index;
    this.tell({ sheet: index });
    // What was posted of a wrong guess is dropped: the worker starts over and gives credit anew.
    this.inbox = this.inbox.filter((m) => m.type === 'error' || m.sheet === index);
    this.posted = this.inbox.reduce((n, m) => n + (m.type === 'rows' ? m.rows.length / 2 : 0), 0);
    let finished: SheetEnd | undefined;
    const started = this.table !== null;
    const batches = async function* (this: SheetWorker): AsyncGenerator<SheetRow[]> {
      try {
        let given = 0;
        const here = local.batches()[Symbol.asyncIterator]();
        try {
          while (this.failure || (!started && this.posted < given + BATCH_ROWS && !this.ended())) {
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
        let toPass = given;
        for (;;) {
          // One turn of the event loop per batch: batches that arrive as fast as they are
          // taken would otherwise keep this thread from ever handling another message (a cancel).
          await nextTurn();
          while (this.inbox.length === 0) {
            if (this.failure) throw this.failure;
            await new Promise<void>((resolve) => (this.wake = resolve));
            this.wake = null;
          }
          if (options.signal?.aborted) throw new AppError('cancelled', 'cancelled');
          const m = this.inbox.shift()!;
          if (m.type === 'error') throw fromThreadError(m.error);
          if (m.type === 'end') {
            finished = m.end;
            return;
          }
          this.tell('more');
          if (m.bytes) options.onBytes?.(...m.bytes);
          const count = m.rows.length / 2;
          if (toPass >= count) {
            toPass -= count;
            continue;
          }
          const rows = decodeRows(m, this.table ?? []);
          yield toPass > 0 ? rows.slice(toPass) : rows;
          toPass = 0;
        }
      } finally {
        this.close();
      }
    }.bind(this);
    return sheetRowsOf(batches, () => finished);
  }

  /** The worker has posted the end of the sheet: all its rows are in the inbox. */
  private ended(): boolean {
    return this.inbox.some((m) => m.type === 'end');
  }

  close(): void {
    this.settleHash(null);
    this.worker.removeAllListeners();
    void this.worker.terminate();
  }

  private tell(m: ToWorker): void {
    this.worker.postMessage(m);
  }
}

export interface SheetReaders {
  next(): SheetWorker | undefined;
  /** The file's hash from the first reader (SheetWorker.sha256); null where there is none. */
  hash(): Promise<string | null>;
  close(): void;
}

/**
 * Sheet readers for one long file: the first started at once (see SheetWorker), unless one
 * was started earlier (`first`), each further one when asked. `null` entry and no `first`:
 * none, every sheet is read on the caller's thread.
 */
export function sheetWorkers(entry: URL | null, path: string, first?: SheetWorker): SheetReaders {
  const started: SheetWorker[] = first ? [first] : [];
  const start = () => {
    const w = new SheetWorker(entry!, path);
    started.push(w);
    return w;
  };
  let spare = first ?? (entry ? start() : null);
  return {
    next(): SheetWorker | undefined {
      const w = spare ?? (entry ? start() : undefined);
      spare = null;
      return w;
    },
    hash: () => started[0]?.sha256 ?? Promise.resolve(null),
    close(): void {
      for (const w of started) w.close();
    },
  };
}
