import type { ParsedInput } from '../../shared/contract';
import type { EntityKind, ExportOutcome, TemplateKind } from '../../shared/contracts/export';
import type { ServiceContext } from '../services/context';
import { exportEntities, type Progress } from './entity-export';
import { exportExchange } from './exchange';
import { exportTemplate } from './template';

/** One entrance for every export kind: the contract call and `qms export` both come here. */
export function runExport(
  ctx: ServiceContext,
  req: ParsedInput<'export:run'>,
  progress?: Progress,
): Promise<ExportOutcome> {
  if (req.kind === 'exchange')
    return exportExchange(ctx, { path: req.path, scope: req.filters.scope }, progress);
  if (req.kind.startsWith('template-')) {
    return exportTemplate(ctx, {
      kind: req.kind.slice('template-'.length) as TemplateKind,
      path: req.path,
      filters: req.filters,
    });
  }
  return exportEntities(ctx, { ...req, kind: req.kind as EntityKind }, progress);
}
