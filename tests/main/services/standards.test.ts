import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { Standard } from '../../../shared/schemas/standard';
import type { Page } from '../../../shared/schemas/common';
import type { AuditEntry } from '../../../shared/schemas/system';
import type { Measurement } from '../../../shared/schemas/inspection';
import { STANDARDS_LIBRARY } from '../../../main/seed/standards-library';
import { DIMENSION_CODES } from '../../../shared/domain/dimensions';
import { testWorkbench, withOrganisation } from '../../helpers/workbench';

describe('the built-in standards library', () => {
  it('has 20-30 standards covering all six dimensions, each citing where its definition comes from', async () => {
    expect(STANDARDS_LIBRARY.length).toBeGreaterThanOrEqual(20);
    expect(STANDARDS_LIBRARY.length).toBeLessThanOrEqual(30);
    expect(new Set(STANDARDS_LIBRARY.map((s) => s.dimension))).toEqual(new Set(DIMENSION_CODES));
    for (const s of STANDARDS_LIBRARY) {
      expect(s.sourceRef, s.code).toBeTruthy();
      expect(s.method, s.code).toBeTruthy();
    }
    const wb = testWorkbench();
    expect(await wb.dispatch('standards:seed', {})).toEqual({
      created: STANDARDS_LIBRARY.length,
      skipped: 0,
    });
    expect(await wb.dispatch('standards:seed', {})).toEqual({
      created: 0,
      skipped: STANDARDS_LIBRARY.length,
    });
    wb.close();
  });
});

describe('standards are versioned', () => {
  it('a target change makes a new version; the audit trail shows old and new value with user and time', async () => {
    const wb = testWorkbench({ user: '王芳', now: '2026-11-02T08:00:00.000Z' });
    await withOrganisation(wb);
    const inspection = (await wb.dispatch('inspections:create', {
      branchCode: 'EAST-001',
      period: '2026-10',
    })) as { id: string };
    const before = (await wb.dispatch('measurements:upsert', {
      inspectionId: inspection.id,
      standardCode: 'CS-FCR',
      value: 80,
    })) as Measurement;
    expect(before).toMatchObject({ verdict: 'warning', target: 85, standardVersion: 1 });

    wb.setNow('2026-11-20T09:30:00.000Z');
    const updated = (await wb.dispatch('standards:update', {
      code: 'CS-FCR',
      changes: { target: 80 },
      effectiveFrom: '2026-11-01',
    })) as Standard;
    expect(updated).toMatchObject({ version: 2, target: 80, effectiveFrom: '2026-11-01', current: true });

    const history = (await wb.dispatch('standards:history', { code: 'CS-FCR' })) as Standard[];
    // Only the target changed: the new version keeps the rest, the weight too (it was reset to 1).
    expect(history.map((s) => [s.version, s.target, s.weight, s.current])).toEqual([
      [1, 85, 2, false],
      [2, 80, 2, true],
    ]);

    // The October inspection keeps the version it was judged by.
    const oct = (await wb.dispatch('measurements:list', {
      inspectionId: inspection.id,
    })) as Page<Measurement>;
    expect(oct.rows[0]).toMatchObject({ verdict: 'warning', target: 85, standardVersion: 1 });
    // A November inspection is judged by the new target.
    const nov = (await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-11' })) as {
      id: string;
    };
    const m = (await wb.dispatch('measurements:upsert', {
      inspectionId: nov.id,
      standardCode: 'CS-FCR',
      value: 80,
    })) as Measurement;
    expect(m).toMatchObject({ verdict: 'pass', target: 80, standardVersion: 2 });

    const trail = (await wb.dispatch('audit:list', {
      entityType: 'standards',
      entityKey: 'CS-FCR',
    })) as Page<AuditEntry>;
    const change = trail.rows.find((e) => e.entityId === updated.id)!;
    expect(change).toMatchObject({ user: '王芳', at: '2026-11-20T09:30:00.000Z', action: 'create' });
    expect(change.after).toMatchObject({ target: 80, version: 2 });
    const previous = trail.rows.find((e) => e.entityId === history[0]!.id)!;
    expect(previous.after).toMatchObject({ target: 85, version: 1 });
    wb.close();
  });

  it('an unreferenced version is corrected in place, with before and after in the trail', async () => {
    const wb = testWorkbench({ user: '陈静' });
    await withOrganisation(wb);
    const s = (await wb.dispatch('standards:update', {
      code: 'HR-TRN',
      changes: { target: 10, nameEn: 'Training hours per head' },
      effectiveFrom: '2020-01-01',
    })) as Standard;
    expect(s).toMatchObject({ version: 1, target: 10 });
    const trail = (await wb.dispatch('audit:list', {
      entityType: 'standards',
      entityId: s.id,
    })) as Page<AuditEntry>;
    const update = trail.rows.find((e) => e.action === 'update')!;
    expect(update.user).toBe('陈静');
    expect(update.before).toMatchObject({ target: 8, name_en: 'Training hours per staff' });
    expect(update.after).toMatchObject({ target: 10, name_en: 'Training hours per head' });
    wb.close();
  });

  it('refuses a new version dated on or before the one in force when measurements use it', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const i = (await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-10' })) as {
      id: string;
    };
    await wb.dispatch('measurements:upsert', { inspectionId: i.id, standardCode: 'NET-DCR', value: 0.4 });
    await expect(
      wb.dispatch('standards:update', {
        code: 'NET-DCR',
        changes: { target: 0.3 },
        effectiveFrom: '2020-01-01',
      }),
    ).rejects.toMatchObject({ kind: 'conflict', field: 'effectiveFrom' });
    wb.close();
  });
});

describe('a standard refuses bounds no measurement could meet', () => {
  it('a negative target, or a rate past twice its whole, as the values it judges are refused', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const update = (changes: Record<string, unknown>) =>
      wb.dispatch('standards:update', { code: 'NET-DCR', changes }).catch((e: unknown) => e as AppError);
    const negative = (await update({ target: -5 })) as AppError;
    expect(negative).toBeInstanceOf(AppError);
    expect(negative.field).toBe('target');
    expect(negative.localized('zh')).toContain('负数');
    const huge = (await update({ target: 1e9, warning: 2e9 })) as AppError;
    expect(huge.field).toBe('target');
    expect(huge.localized('en')).toContain('0–200');
    // Nothing written: still the one version.
    const history = (await wb.dispatch('standards:history', { code: 'NET-DCR' })) as Standard[];
    expect(history).toHaveLength(1);
    // A count has no upper bound.
    await expect(
      wb.dispatch('standards:create', {
        code: 'LOC-CALLS',
        nameZh: '投诉量',
        dimension: 'CS',
        unit: '件',
        direction: 'lower',
        target: 50_000,
        warning: 80_000,
      }),
    ).resolves.toMatchObject({ target: 50_000 });
    wb.close();
  });
});
