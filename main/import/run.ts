import { createHash } from 'node:crypto';
import path from 'node:path';
import type {
  ColumnMapping,
  ImportInspection,
  ImportReport,
  SheetDetection,
  SheetReport,
} from '../../shared/contracts/import';
import type { ParsedInput } from '../../shared/contract';
import { periodInText } from '../../shared/import/periods';
import { passReason } from '../../shared/import/passed-rows';
import { reason } from '../../shared/import/reasons';
import { foldText } from '../../shared/import/text';
import { flushAhead } from '../db/flush-ahead';
import * as repo from '../repositories/imports';
import { insertAudit } from '../repositories/audit';
import { ensureWritable } from '../platform/atomic-write';
import { newId, nowIso, type ServiceContext } from '../services/context';
import type { Job } from '../services/jobs';
import { columnIndex, previewCell, rangeRef } from './columns';
import { DETECTION_ROWS, detectLayout, sheetMapping, type SheetLayout, type SheetMapping } from './detect';
import { actionRows } from './kinds/actions';
import { branchRows } from './kinds/branches';
import { measurementRows } from './kinds/measurements';
import { standardRows } from './kinds/standards';
import { BULK_BYTES, sheetReadersFor } from './long-sheets';
import { Organisation } from './organisation';
import { RowReader } from './row-reader';
import { ImportSession, type RowWriter } from './session';
import { StandardsIndex } from './standards-index';
import { openWorkbook, type OpenedWorkbook, type SheetInfo, type SheetRow } from './xlsx';
import type { SheetReaders } from './xlsx/parallel';

const PREVIEW_ROWS = 10;
/** A long measurement row takes about 40 compressed bytes. */
const BYTES_PER_ROW = 40;

type RunInput = ParsedInput<'imports:run'>;
type InspectInput = ParsedInput<'imports:inspect'>;

/** Reads a workbook and says what importing it would do, without writing anything. */
export async function inspectImport(ctx: ServiceContext, input: InspectInput): Promise<ImportInspection> {
  const wb = await openWorkbook(input.path);
  try {
    const exchange = isExchange(wb);
    const standards = new StandardsIndex(ctx.db);
    const sheets: SheetDetection[] = [];
    for (const info of exchange ? [] : wb.sheets) {
      const d = detection(info);
      sheets.push(d);
      if (!readable(info, d, input.includeHidden)) continue;
      const buffer: SheetRow[] = [];
      for await (const row of wb.rows(info)) {
        buffer.push(row);
        if (buffer.length >= DETECTION_ROWS + PREVIEW_ROWS) break;
      }
      describe(d, buffer, decide(ctx, wb, info, buffer, standards, input.mapping, input.period, d));
    }
    return {
      fileName: wb.fileName,
      sha256: wb.sha256,
      exchange,
      alreadyImported: repo.committedBatchOfHash(ctx.db, wb.sha256)
        ? toAlready(repo.committedBatchOfHash(ctx.db, wb.sha256)!)
        : null,
      sheets,
    };
  } finally {
    await wb.close();
  }
}

/**
 * Imports a workbook as one batch: every sheet detected and read row by row, each row
 * validated and written inside one transaction, committed only when nothing failed (or
 * `skipInvalid`), rolled back for a dry run, a cancel, or a crash (SQLite's journal sees to
 * a killed process). The same bytes again are reported, not repeated, unless `force`.
 */
export async function runImport(
  ctx: ServiceContext,
  input: RunInput,
  job: Job | null,
): Promise<ImportReport> {
  // The error workbook is written after the import: a place it cannot go is said before.
  if (input.errorsPath) ensureWritable(input.errorsPath);
  // A long workbook's sheets are parsed on a second thread, the first one's reader started
  // now (or, in the CLI, before qms loaded): its start-up overlaps opening the workbook here.
  const readers = sheetReadersFor(input.path);
  try {
    return await importWorkbook(ctx, input, job, readers);
  } finally {
    readers.close();
  }
}

async function importWorkbook(
  ctx: ServiceContext,
  input: RunInput,
  job: Job | null,
  readers: SheetReaders,
): Promise<ImportReport> {
  const wb = await openWorkbook(input.path, { hash: readers.hash() });
  try {
    const already = repo.committedBatchOfHash(ctx.db, wb.sha256);
    const report = emptyReport(wb, already);
    if (isExchange(wb) && (!input.kind || input.kind === 'exchange'))
      return await mergeExchange(ctx, input, report);
    if (already && !input.force) return { ...report, outcome: 'already_imported' };
    return await importSheets(ctx, input, wb, report, job, readers);
  } finally {
    await wb.close();
  }
}

async function importSheets(
  ctx: ServiceContext,
  input: RunInput,
  wb: OpenedWorkbook,
  report: ImportReport,
  job: Job | null,
  readers: SheetReaders,
): Promise<ImportReport> {
  const batchId = newId();
  const batchCtx: ServiceContext = { ...ctx, batchId };
  const created = { regions: report.createdRegions, branches: report.createdBranches };
  const standards = new StandardsIndex(ctx.db);
  const session = new ImportSession(
    batchCtx,
    standards,
    new Organisation(batchCtx, created),
    wb.date1904,
    job,
  );
  // Rebuilding costs a pass over the whole table: worth it when the load is large beside it.
  const bulk = wb.bytes > BULK_BYTES && wb.bytes / BYTES_PER_ROW > repo.measurementCount(ctx.db);
  // Between transactions: SQLite changes the journal mode only there.
  const backToWal = bulk ? repo.useRollbackJournal(ctx.db) : null;
  const backToCache = bulk ? repo.useBulkCache(ctx.db) : null;
  const backToTempFiles = bulk ? repo.useMemoryTempFiles(ctx.db) : null;
  repo.beginImport(ctx.db);
  try {
    repo.insertImportBatch(ctx.db, {
      id: batchId,
      fileName: wb.fileName,
      fileHash: wb.sha256,
      kind: 'measurements',
      user: ctx.user,
      startedAt: nowIso(ctx),
    });
    if (bulk) repo.dropMeasurementIndexes(ctx.db);
    for (const info of wb.sheets) {
      const sheet = sheetReport(detection(info));
      report.sheets.push(sheet);
      if (!readable(info, sheet, input.includeHidden)) continue;
      await importSheet(ctx, input, wb, info, sheet, session, readers);
      if (sheet.kind === 'standards') standards.reload();
    }
    backToTempFiles?.();
    if (bulk) {
      // The rows' pages go to disk while the indexes are built; the commit then syncs the rest.
      void flushAhead(ctx.db);
      repo.rebuildMeasurementIndexes(ctx.db);
    }
    job?.throwIfCancelled();
    Object.assign(report, {
      rowsRead: session.rowsRead,
      written: session.written,
      errorCount: session.errorCount,
    });
    const recognised = report.sheets.some((s) => s.kind !== null);
    const outcome = !recognised
      ? 'nothing'
      : input.dryRun
        ? 'checked'
        : session.errorCount > 0 && !input.skipInvalid
          ? 'rejected'
          : session.written === 0
            ? session.errorCount > 0
              ? 'rejected'
              : 'nothing'
            : 'imported';
    report.outcome = outcome;
    if (outcome !== 'imported') {
      repo.rollbackImport(ctx.db);
      if (outcome !== 'checked') report.createdRegions.length = report.createdBranches.length = 0;
    } else {
      report.batchId = batchId;
      finishBatch(batchCtx, report);
      repo.commitImport(ctx.db);
      if (input.mapping.length > 0 && input.rememberMapping) rememberMappings(ctx, wb, report, input.mapping);
    }
    job?.progress('write', session.written, session.written);
  } catch (e) {
    repo.rollbackImport(ctx.db);
    throw e;
  } finally {
    backToTempFiles?.();
    backToCache?.();
    backToWal?.();
  }
  if (input.errorsPath && session.failedRows.length > 0)
    // exceljs loads only when there is a workbook to write: it costs every start a third of a second.
    await (await import('./errors-workbook')).writeErrorsWorkbook(input.errorsPath, session.failedRows);
  return report;
}

async function importSheet(
  ctx: ServiceContext,
  input: RunInput,
  wb: OpenedWorkbook,
  info: SheetInfo,
  sheet: SheetReport,
  session: ImportSession,
  readers: SheetReaders,
): Promise<void> {
  const rows = wb.rows(info, { signal: session.job?.signal, worker: readers.next() });
  const buffer: SheetRow[] = [];
  let handle: SheetWriter | null | undefined;
  const start = () => {
    const layout = decide(ctx, wb, info, buffer, session.standards, input.mapping, input.period, sheet);
    describe(sheet, buffer, layout);
    session.startSheet(sheet);
    if (layout && input.kind && layout.kind !== input.kind) {
      sheet.note = reason('otherKind', { kind: layout.kind, wanted: input.kind });
      sheet.kind = null;
    }
    handle = layout && sheet.kind ? rowHandler(session, layout, sheet) : null;
    if (layout && handle) for (const row of buffer.slice(layout.firstDataIndex)) handle.row(row);
  };
  // By the parser's batches (a few hundred rows per inflated chunk), not a promise per row.
  read: for await (const batch of rows.batches()) {
    for (const row of batch) {
      if (handle === undefined) {
        buffer.push(row);
        if (buffer.length >= DETECTION_ROWS + PREVIEW_ROWS) start();
        continue;
      }
      if (handle === null) break read;
      handle.row(row);
    }
  }
  if (handle === undefined) start();
  handle?.end();
  try {
    sheet.merges = rows.end().merges.slice(0, 500).map(rangeRef);
  } catch {
    // Not read to the end (an unrecognised sheet): its merges are not needed.
  }
}

/** A sheet's rows, one by one, then `end` (a kind may hold rows back to write them together). */
interface SheetWriter {
  row(row: SheetRow): void;
  end(): void;
}

function rowHandler(session: ImportSession, layout: SheetLayout, sheet: SheetReport): SheetWriter | null {
  if (layout.missing.length > 0) {
    session.failed({ row: layout.headerRows.at(-1)!, cells: [] }, [
      {
        column: null,
        reason: reason('missingColumns', { keys: layout.missing.map((k) => k.join(' / ')).join(', ') }),
      },
    ]);
    return null;
  }
  const kind: RowWriter =
    layout.kind === 'standards'
      ? { row: standardRows(session, layout) }
      : layout.kind === 'branches'
        ? { row: branchRows(session, layout) }
        : layout.kind === 'actions'
          ? { row: actionRows(session, layout) }
          : measurementRows(session, layout, sheet.period);
  let last = layout.headerRows.at(-1)!;
  return {
    row(row) {
      if (row.row > last + 1) session.absent(last + 1, row.row - 1);
      last = row.row;
      session.read();
      const why = passReason(row.cells);
      if (why) return session.passed(row, why);
      if (!kind.quick?.(row)) kind.row(new RowReader(row, layout, session.date1904));
    },
    end: () => kind.end?.(),
  };
}

/** Detection with the user's mapping, then with the one remembered for this shape of sheet. */
function decide(
  ctx: ServiceContext,
  wb: OpenedWorkbook,
  info: SheetInfo,
  buffer: readonly SheetRow[],
  standards: StandardsIndex,
  mapping: readonly ColumnMapping[],
  period: string | undefined,
  d: SheetDetection,
): SheetLayout | null {
  const user = sheetMapping(mapping, info.name, columnIndex);
  let layout = detectLayout(buffer, standards, user, new Map());
  const saved = repo.findSavedMapping(ctx.db, signatureOf(layout, buffer), filePattern(wb.fileName));
  if (saved) {
    const remembered: SheetMapping = sheetMapping(
      JSON.parse(saved.mappingJson) as ColumnMapping[],
      info.name,
      columnIndex,
    );
    for (const c of user.keys()) remembered.delete(c);
    if (remembered.size > 0) layout = detectLayout(buffer, standards, user, remembered) ?? layout;
  }
  if (layout) {
    const fromColumn = layout.keyColumn.has('period');
    const fromSheet = periodInText(info.name);
    d.period = layout.titlePeriod ?? fromSheet ?? period ?? null;
    d.periodFrom = fromColumn
      ? 'column'
      : layout.titlePeriod
        ? 'title'
        : fromSheet
          ? 'sheet name'
          : period
            ? 'option'
            : null;
  }
  return layout;
}

/** Fills a sheet's detection from its layout: kind, header, columns, preview. */
function describe(d: SheetDetection, buffer: readonly SheetRow[], layout: SheetLayout | null): void {
  if (!layout) {
    d.note = reason(buffer.length === 0 ? 'emptySheet' : 'notRecognised');
    d.preview = buffer.slice(0, PREVIEW_ROWS).map((r) => r.cells.slice(0, 50).map(previewCell));
    return;
  }
  Object.assign(d, {
    kind: layout.kind,
    layout: layout.layout,
    headerRows: layout.headerRows,
    columns: layout.columns,
    preview: buffer
      .slice(layout.firstDataIndex, layout.firstDataIndex + PREVIEW_ROWS)
      .map((r) => r.cells.map(previewCell)),
  });
  if (layout.missing.length > 0)
    d.note = reason('missingColumns', { keys: layout.missing.map((k) => k.join(' / ')).join(', ') });
}

function detection(info: SheetInfo): SheetDetection {
  return {
    sheet: info.name,
    hidden: info.hidden,
    kind: null,
    layout: null,
    headerRows: [],
    period: null,
    periodFrom: null,
    columns: [],
    merges: [],
    preview: [],
    note: null,
  };
}

function readable(info: SheetInfo, d: SheetDetection, includeHidden: boolean): boolean {
  if (info.kind !== 'worksheet') d.note = reason('notWorksheet', { kind: info.kind });
  else if (info.hidden && !includeHidden) d.note = reason('hiddenSheet');
  return d.note === null;
}

function sheetReport(d: SheetDetection): SheetReport {
  return {
    ...d,
    rowsRead: 0,
    written: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    passedOver: [],
    errorCount: 0,
    errors: [],
  };
}

function emptyReport(
  wb: OpenedWorkbook,
  already: { id: string; startedAt: string } | undefined,
): ImportReport {
  return {
    fileName: wb.fileName,
    sha256: wb.sha256,
    outcome: 'nothing',
    batchId: null,
    alreadyImported: already ? toAlready(already) : null,
    sheets: [],
    rowsRead: 0,
    written: 0,
    errorCount: 0,
    createdRegions: [],
    createdBranches: [],
    exchange: null,
  };
}

const toAlready = (b: { id: string; startedAt: string }) => ({ batchId: b.id, at: b.startedAt });

function isExchange(wb: OpenedWorkbook): boolean {
  return wb.sheets.some((s) => s.name === '_meta');
}

/** An exchange workbook merges by id (export/exchange-merge.ts); a dry run only names it. */
async function mergeExchange(
  ctx: ServiceContext,
  input: RunInput,
  report: ImportReport,
): Promise<ImportReport> {
  if (input.dryRun) return { ...report, outcome: 'checked' };
  const exchange = await (
    await import('../export/exchange-merge')
  ).importExchange(ctx, input.path, {
    keepGood: input.skipInvalid,
  });
  const written = exchange.applied ? exchange.inserted + exchange.updated : 0;
  return {
    ...report,
    exchange,
    batchId: exchange.applied ? exchange.batchId : null,
    written,
    errorCount: exchange.rejected.length,
    outcome: !exchange.applied ? 'rejected' : written > 0 ? 'imported' : 'nothing',
  };
}

/** The batch's record: what it wrote, its report, and one audit line for the whole batch. */
function finishBatch(ctx: ServiceContext, report: ImportReport): void {
  const kinds = [...new Set(report.sheets.map((s) => s.kind).filter((k) => k !== null))];
  const summary = {
    ...report,
    sheets: report.sheets.map((s) => ({ ...s, preview: [], errors: s.errors.slice(0, 100) })),
  };
  repo.finishImportBatch(ctx.db, {
    id: ctx.batchId!,
    kind: kinds.join('+') || 'measurements',
    finishedAt: nowIso(ctx),
    rowsWritten: report.written,
    reportJson: JSON.stringify(summary),
  });
  insertAudit(ctx.db, {
    at: nowIso(ctx),
    user: ctx.user,
    entityType: 'import_batches',
    entityId: ctx.batchId!,
    entityKey: report.fileName,
    action: 'create',
    after: {
      fileName: report.fileName,
      sha256: report.sha256,
      written: report.written,
      rowsRead: report.rowsRead,
    },
    batchId: ctx.batchId!,
  });
}

/** The sheet's headers, folded: the same shape of sheet gets the same signature. */
function signatureOf(layout: SheetLayout | null, buffer: readonly SheetRow[]): string {
  return columnsSignature(
    layout
      ? layout.columns
      : (buffer[0]?.cells ?? []).map((c, i) => ({
          column: String(i),
          header: typeof c === 'string' ? c : '',
        })),
  );
}

function columnsSignature(columns: readonly { column: string; header: string }[]): string {
  const named = columns.filter((c) => c.header !== '').map((c) => `${c.column}=${foldText(c.header)}`);
  return createHash('sha256').update(named.join('\u0001')).digest('hex');
}

/** `east-2026-10-wide.xlsx` -> `east-#-#-wide.xlsx`: next month's file of the same source. */
export function filePattern(fileName: string): string {
  return path.basename(fileName).toLowerCase().replace(/\d+/g, '#');
}

function rememberMappings(
  ctx: ServiceContext,
  wb: OpenedWorkbook,
  report: ImportReport,
  mapping: readonly ColumnMapping[],
): void {
  for (const sheet of report.sheets) {
    const entries = mapping.filter((m) => !m.sheet || m.sheet === sheet.sheet);
    if (entries.length === 0 || !sheet.kind) continue;
    repo.saveMapping(ctx.db, {
      signature: columnsSignature(sheet.columns),
      filePattern: filePattern(wb.fileName),
      mappingJson: JSON.stringify(entries.map(({ column, to }) => ({ column, to }))),
      updatedAt: nowIso(ctx),
    });
  }
}
