import type { SortSpec } from '../../shared/schemas/common';
import type { z } from 'zod';

type Sort = z.infer<typeof SortSpec>;

/**
 * ORDER BY from a caller's sort, through an allow-list of column expressions: the caller
 * names fields, never SQL. Unknown fields are ignored; `id` breaks ties so paging is stable.
 */
export function orderBy(sort: readonly Sort[], columns: Record<string, string>, fallback: string): string {
  const parts = sort
    .filter((s) => Object.prototype.hasOwnProperty.call(columns, s.field))
    .map((s) => `${columns[s.field]} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  return `ORDER BY ${parts.length ? parts.join(', ') : fallback}`;
}

/** Builds a WHERE clause from optional conditions; values are always bound, never spliced. */
export class Where {
  private readonly clauses: string[] = [];
  readonly params: Record<string, unknown> = {};

  add(clause: string, params: Record<string, unknown> = {}): this {
    this.clauses.push(clause);
    Object.assign(this.params, params);
    return this;
  }

  when(value: unknown, clause: string, params: Record<string, unknown>): this {
    return value === undefined || value === null ? this : this.add(clause, params);
  }

  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

export function likeParam(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
