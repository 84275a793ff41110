import type { HandlersOf } from '../../shared/contract';
import type { exportContract } from '../../shared/contracts/export';
import type { ServiceContext } from '../services/context';
import { runExport } from './run';
import { importExchange } from './exchange-merge';

/** The contract calls of exports and exchange workbooks, bound to one service context. */
export function exportHandlers(ctx: ServiceContext): HandlersOf<keyof typeof exportContract> {
  return {
    'export:run': (i) => runExport(ctx, i),
    'exchange:import': (i) => importExchange(ctx, i.path),
  };
}
