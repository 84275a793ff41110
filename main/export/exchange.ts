import path from 'node:path';
import { EXCHANGE_FORMAT_VERSION, type ExportOutcome } from '../../shared/contracts/export';
import { AppError } from '../../shared/errors';
import { messageOf } from '../../shared/messages';
import { fieldName } from '../../shared/validation';
import { APP_VERSION } from '../version';
import { installationId } from '../services/system';
import type { ServiceContext } from '../services/context';
import { scopeFromCode } from '../plans/scope';
import {
  EXCHANGE_TABLES,
  exchangeColumns,
  iterateExchangeRows,
  type ExchangeScope,
} from '../repositories/export-exchange';
import { writeAtomically } from '../platform/atomic-write';
import { XlsxWriter, type CellValue } from './xlsx-writer';
import type { Progress } from './entity-export';

/**
 * An exchange workbook: `_meta`, then one sheet per table named as the table, with the raw
 * columns (snake_case, ids, created_at, updated_at) as headers. Values are written as they
 * are stored (text as text, numbers as numbers, NULL as an empty cell), so reading it back
 * gives the same rows. Excel caps a cell at 32,767 characters: longer text (a plan's JSON)
 * is cut into pieces, the rest going to `_continued`, and joined again on import.
 */
export const META_SHEET = '_meta';
export const CONTINUED_SHEET = '_continued';
export const CELL_LIMIT = 32_000;

export async function exportExchange(
  ctx: ServiceContext,
  req: { path: string; scope?: string },
  progress?: Progress,
): Promise<ExportOutcome> {
  if (path.extname(req.path).toLowerCase() !== '.xlsx') {
    throw new AppError(
      'unsupported',
      'invalidField',
      { field: fieldName('path'), detail: messageOf('exchangeXlsx') },
      'path',
    );
  }
  const scope = scopeFromCode(ctx, req.scope) as ExchangeScope;
  const source = installationId(ctx);
  const rows = await writeAtomically(req.path, async (temp) => {
    const out = new XlsxWriter(temp, { created: ctx.now(), creator: ctx.user, title: 'exchange' });
    try {
      const meta = await out.addSheet({
        name: META_SHEET,
        columns: [{ header: 'key' }, { header: 'value' }],
        autoFilter: false,
      });
      const metaRows: [string, string | number][] = [
        ['format_version', EXCHANGE_FORMAT_VERSION],
        ['source_installation', source],
        ['exported_at', ctx.now().toISOString()],
        ['app_version', APP_VERSION],
        ['scope', scope.type === 'all' ? 'all' : `${scope.type}:${scope.code}`],
      ];
      for (const r of metaRows) await meta.row(r);
      const continued: CellValue[][] = [];
      let n = 0;
      for (const table of EXCHANGE_TABLES) {
        const columns = exchangeColumns(ctx.db, table);
        const sheet = await out.addSheet({ name: table, columns: columns.map((c) => ({ header: c.name })) });
        for (const row of iterateExchangeRows(ctx.db, table, scope)) {
          const values = columns.map((c) => {
            const v = row[c.name] as string | number | null;
            if (typeof v !== 'string' || v.length <= CELL_LIMIT) return v;
            for (let at = CELL_LIMIT, part = 1; at < v.length; at += CELL_LIMIT, part++) {
              continued.push([table, row.id, c.name, part, v.slice(at, at + CELL_LIMIT)]);
            }
            return v.slice(0, CELL_LIMIT);
          });
          await sheet.row(values);
          if (++n % 5000 === 0) progress?.(n, null);
        }
      }
      const rest = await out.addSheet({
        name: CONTINUED_SHEET,
        columns: ['table', 'id', 'column', 'part', 'text'].map((header) => ({ header })),
        hidden: true,
      });
      for (const r of continued) await rest.row(r);
      await out.finish();
      return n;
    } catch (e) {
      out.abort();
      throw e;
    }
  });
  progress?.(rows, rows);
  return { path: path.resolve(req.path), rows };
}
