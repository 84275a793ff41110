import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Workbench } from '../../../main/workbench';
import { LABELS } from '../../../shared/domain/enums';
import { DIMENSIONS } from '../../../shared/domain/dimensions';
import { SAMPLES } from '../../helpers/workbench';

/**
 * The shared samples, entered through the services (the contract calls the UI makes): the
 * standards and branches workbooks, every value of expected.json, the south region's
 * actions. Stands in for `qms import` until the importer lands; the data is the same.
 */
const fromLabel = (zh: string): string => Object.entries(LABELS).find(([, l]) => l.zh === zh)?.[0] ?? zh;

async function sheetRows(file: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, file));
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return rows;
}

export async function loadSamples(wb: Workbench): Promise<void> {
  for (const s of await sheetRows('standards.xlsx')) {
    await wb.dispatch('standards:create', {
      code: s['指标编码'],
      nameZh: s['指标名称'],
      nameEn: s['英文名称'],
      dimension: DIMENSIONS.find((d) => d.nameZh === s['维度'])!.code,
      unit: s['单位'],
      direction: fromLabel(String(s['方向'])),
      target: s['目标值'],
      warning: s['预警值'],
      weight: s['权重'],
      effectiveFrom: '2026-01-01',
    });
  }
  const regions = new Set<string>();
  for (const b of await sheetRows('branches.xlsx')) {
    const regionCode = String(b['区域编码']);
    if (!regions.has(regionCode)) {
      await wb.dispatch('regions:create', { code: regionCode, name: b['区域名称'] });
      regions.add(regionCode);
    }
    await wb.dispatch('branches:create', { code: b['网点编码'], name: b['网点名称'], regionCode });
  }
  const expected = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'expected.json'), 'utf8')) as Record<
    string,
    [string, string, string, number][]
  >;
  const inspections = new Map<string, string>();
  for (const [branchCode, period, standardCode, value] of Object.values(expected).flat()) {
    const key = `${branchCode}/${period}`;
    if (!inspections.has(key)) {
      const i = (await wb.dispatch('inspections:create', {
        branchCode,
        period,
        inspector: '陈静',
        inspectedOn: `${period}-06`,
      })) as { id: string };
      inspections.set(key, i.id);
    }
    await wb.dispatch('measurements:upsert', { inspectionId: inspections.get(key), standardCode, value });
  }
  for (const a of await sheetRows('south-actions.xlsx')) {
    const created = (await wb.dispatch('actions:create', {
      branchCode: a['网点编码'],
      standardCode: a['指标编码'],
      finding: a['问题描述'],
      rootCauseCategory: fromLabel(String(a['原因类别'])),
      rootCause: a['原因分析'],
      action: a['整改措施'],
      department: a['责任部门'],
      owner: a['责任人'],
      dueDate: (a['完成时限'] as Date).toISOString().slice(0, 10),
    })) as { id: string };
    const status = fromLabel(String(a['状态']));
    if (status !== 'open') await wb.dispatch('actions:setStatus', { id: created.id, status });
  }
}
