import type { ParsedInput } from '../../shared/contract';
import type { BranchScore } from '../../shared/schemas/system';
import { compositeScore } from '../../shared/domain/verdict';
import { scoreInputs } from '../repositories/scores';
import type { ServiceContext } from './context';

/**
 * Composite score per branch for a period: the weighted mean of attainments over the
 * standards measured; standards of the library not measured count as missing, never zero.
 */
export function branchScores(ctx: ServiceContext, input: ParsedInput<'scores:branches'>): BranchScore[] {
  const { branches, standards, attainments } = scoreInputs(ctx.db, input.scope, input.period);
  return branches.map((b) => {
    const measured = attainments.get(b.id) ?? new Map<string, number>();
    const result = compositeScore(
      standards.map((s) => ({ weight: s.weight, attainment: measured.get(s.code) ?? null })),
    );
    return { branchCode: b.code, branchName: b.name, regionCode: b.regionCode, ...result };
  });
}
