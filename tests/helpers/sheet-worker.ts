import { openWorkbook, type SheetRow, type SheetRows } from '../../main/import/xlsx';
import { SheetWorker } from '../../main/import/xlsx/parallel';

/*
 * Reading a sheet on a worker thread (main/import/xlsx/parallel.ts) next to reading it here,
 * for the tests of the reader and of the desktop bundle's worker.
 */

/** The sheet read on this thread alone: what the worker's hand-over must reproduce exactly. */
export async function inThread(file: string, sheet = 0) {
  const wb = await openWorkbook(file);
  const rows = wb.rows(wb.sheets[sheet]!);
  const out: SheetRow[] = [];
  for await (const batch of rows.batches()) out.push(...batch);
  await wb.close();
  return { rows: out, end: rows.end() };
}

/** This thread's reader, slowed so the worker gets ready part-way; counts what it gave out. */
function slowed(local: SheetRows, pauseMs: number, given: { rows: number }): SheetRows {
  return {
    ...local,
    batches: async function* () {
      for await (const batch of local.batches()) {
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
        given.rows += batch.length;
        yield batch;
      }
    },
  };
}

/** The sheet read by `worker` (by default one started now), this thread reading until it is ahead. */
export async function viaWorker(file: string, entry: URL, pauseMs: number, sheet = 0, worker?: SheetWorker) {
  const wb = await openWorkbook(file);
  const given = { rows: 0 };
  const local = slowed(wb.rows(wb.sheets[sheet]!), pauseMs, given);
  const rows = (worker ?? new SheetWorker(entry, file)).rows(sheet, {}, local);
  const out: SheetRow[] = [];
  try {
    for await (const batch of rows.batches()) out.push(...batch);
    return { rows: out, end: rows.end(), given: given.rows };
  } finally {
    await wb.close();
  }
}
