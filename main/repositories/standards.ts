import type { DB } from '../db/open';
import type { Standard } from '../../shared/schemas/standard';
import { Where, likeParam } from './sql';
import { versionInForce } from '../../shared/domain/versions';

const COLUMNS = `s.id, s.code, s.version, s.name_zh AS nameZh, s.name_en AS nameEn, s.dimension, s.unit, s.direction,
  s.target, s.warning, s.weight, s.method, s.source, s.source_ref AS sourceRef, s.effective_from AS effectiveFrom,
  s.created_at AS createdAt, s.updated_at AS updatedAt,
  (s.version = (SELECT max(v.version) FROM standards v WHERE v.code = s.code)) AS current`;

type Row = Omit<Standard, 'current'> & { current: number };
const toStandard = (r: Row): Standard => ({ ...r, current: r.current === 1 });

export function listStandards(db: DB, f: { dimension?: string; q?: string; history: boolean }): Standard[] {
  const where = new Where()
    .when(f.dimension, 's.dimension = @dimension', { dimension: f.dimension })
    .when(
      f.q,
      "(s.code LIKE @q ESCAPE '\\' OR s.name_zh LIKE @q ESCAPE '\\' OR s.name_en LIKE @q ESCAPE '\\')",
      {
        q: f.q ? likeParam(f.q) : null,
      },
    );
  if (!f.history) where.add('s.version = (SELECT max(v.version) FROM standards v WHERE v.code = s.code)');
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM standards s JOIN dimensions d ON d.code = s.dimension ${where}
        ORDER BY d.sort, s.code, s.version`,
    )
    .all(where.params) as Row[];
  return rows.map(toStandard);
}

export function standardVersions(db: DB, code: string): Standard[] {
  return (
    db.prepare(`SELECT ${COLUMNS} FROM standards s WHERE s.code = ? ORDER BY s.version`).all(code) as Row[]
  ).map(toStandard);
}

export function currentStandard(db: DB, code: string): Standard | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM standards s WHERE s.code = ? ORDER BY s.version DESC LIMIT 1`)
    .get(code) as Row | undefined;
  return row && toStandard(row);
}

/** The version a period ending on `lastDay` is judged by (see versionInForce). */
export function standardForDate(db: DB, code: string, lastDay: string): Standard | undefined {
  return versionInForce(standardVersions(db, code), lastDay);
}

export type StandardRow = Omit<Standard, 'current'> & { batchId: string | null };

export function insertStandard(db: DB, s: StandardRow): void {
  db.prepare(
    `INSERT INTO standards (id, code, version, name_zh, name_en, dimension, unit, direction, target, warning, weight,
       method, source, source_ref, effective_from, created_at, updated_at, batch_id)
     VALUES (@id, @code, @version, @nameZh, @nameEn, @dimension, @unit, @direction, @target, @warning, @weight,
       @method, @source, @sourceRef, @effectiveFrom, @createdAt, @updatedAt, @batchId)`,
  ).run(s);
}

export function updateStandardInPlace(db: DB, s: Omit<StandardRow, 'batchId' | 'createdAt'>): void {
  db.prepare(
    `UPDATE standards SET name_zh = @nameZh, name_en = @nameEn, dimension = @dimension, unit = @unit,
       direction = @direction, target = @target, warning = @warning, weight = @weight, method = @method,
       source = @source, source_ref = @sourceRef, effective_from = @effectiveFrom, updated_at = @updatedAt
     WHERE id = @id`,
  ).run(s);
}

export function countMeasurementsOfVersion(db: DB, standardId: string): number {
  return (
    db.prepare('SELECT count(*) AS n FROM measurements WHERE standard_id = ?').get(standardId) as {
      n: number;
    }
  ).n;
}
