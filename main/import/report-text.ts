import type { ExchangeReport } from '../../shared/contracts/export';
import type { ImportReport, SheetReport } from '../../shared/contracts/import';
import { conflictFields } from '../../shared/import/reasons';
import { fillPlaceholders, tableNoun, type Lang, type MessageParams } from '../../shared/messages';

const SHOWN_ERRORS = 20;

const T = {
  imported: {
    en: 'imported as batch {batch} (undo: qms undo {batch})',
    zh: '已导入，批次 {batch}（撤销：qms undo {batch}）',
  },
  checked: { en: 'checked (dry run): nothing written', zh: '已检查（试运行）：未写入任何数据' },
  rejected: {
    en: 'errors ({n}): nothing written. Fix the rows (see --errors FILE) or use --skip-invalid',
    zh: '{n} 处错误：未写入任何数据。请修正（可用 --errors 导出错误行）或使用 --skip-invalid',
  },
  already_imported: {
    en: 'already imported (batch {batch}, {at}): nothing written. Use --force to import it again',
    zh: '此文件已导入过（批次 {batch}，{at}）：未写入。如需重新导入请加 --force',
  },
  unchanged: {
    en: 'every row matches what the database holds: nothing to write',
    zh: '所有数据与数据库一致：无需写入',
  },
  nothing: {
    en: 'nothing to import: no sheet holds rows of a known kind',
    zh: '没有可导入的数据：没有工作表含可识别的数据行',
  },
  sheet: { en: 'sheet "{name}"', zh: '工作表“{name}”' },
  header: { en: 'header row {rows}', zh: '表头第 {rows} 行' },
  period: { en: 'period {p} (from {from})', zh: '期间 {p}（来自{from}）' },
  // Each row's own: the sheet's period (title, name, --period) only fills an empty cell.
  periodColumn: { en: 'periods from its column', zh: '期间取自期间列' },
  counts: {
    en: 'rows read {read}; written {written} ({created} new, {updated} updated), {unchanged} unchanged',
    zh: '读取 {read} 行；写入 {written} 条（新增 {created}，更新 {updated}），未变 {unchanged} 条',
  },
  // A dry run, or an import refused for its errors: what it would have written.
  countsUnwritten: {
    en: 'rows read {read}; would write {written} ({created} new, {updated} updated), {unchanged} unchanged',
    zh: '读取 {read} 行；可写入 {written} 条（新增 {created}，更新 {updated}），未变 {unchanged} 条',
  },
  passed: { en: 'passed over: {list}', zh: '跳过：{list}' },
  notImported: {
    en: 'columns not imported (no field or standard of that name): {list}',
    zh: '未导入的列（没有同名的字段或指标）：{list}',
  },
  // Counted without a plural: "1 errors" read as a slip.
  errors: { en: 'errors ({n}):', zh: '{n} 处错误：' },
  more: {
    en: '… and {n} more (--json or --errors FILE for all)',
    zh: '……另有 {n} 处（完整列表见 --json 或 --errors）',
  },
  row: { en: 'row {row}', zh: '第 {row} 行' },
  createdRegions: { en: 'new regions created: {list}', zh: '新建区域：{list}' },
  createdBranches: { en: 'new branches created: {list}', zh: '新建网点：{list}' },
  exchange: {
    en: 'exchange workbook merged by id: {inserted} inserted, {updated} updated, {kept} kept as ours (newer here), {conflicts} conflicts, {rejected} cannot be merged',
    zh: '交换工作簿按 ID 合并：新增 {inserted}，更新 {updated}，本库较新而保留 {kept}，冲突 {conflicts}，无法合并 {rejected}',
  },
  exchangeRejected: {
    en: '{n} rows cannot be merged: nothing written. Correct the workbook, or use --skip-invalid to merge the rest',
    zh: '{n} 行无法合并：未写入任何数据。请修正工作簿，或使用 --skip-invalid 合并其余行',
  },
  matchedByKey: {
    en: '{n} rows were here under other ids (the same code or key) and were merged with those',
    zh: '其中 {n} 行本库已有（编码或键相同而 ID 不同），已与本库的行合并',
  },
  conflict: {
    en: 'conflict, ours kept: {table} {key}: {fields}',
    zh: '冲突，保留本库：{table} {key}：{fields}',
  },
  cannotMerge: { en: 'cannot be merged: {table} {key}: {reason}', zh: '无法合并：{table} {key}：{reason}' },
} as const;

const PASSED = {
  empty: { en: 'empty', zh: '空行' },
  total: { en: 'total', zh: '合计行' },
  average: { en: 'average', zh: '平均行' },
  remark: { en: 'remark', zh: '备注行' },
  title: { en: 'title', zh: '标题行' },
} as const;

const FROM = {
  title: { en: 'the title', zh: '标题' },
  'sheet name': { en: 'the sheet name', zh: '工作表名' },
  option: { en: '--period', zh: '--period' },
} as const;

const KINDS: Record<string, { en: string; zh: string }> = {
  standards: { en: 'standards', zh: '指标标准' },
  measurements: { en: 'measurements', zh: '检查数据' },
  actions: { en: 'corrective actions', zh: '整改措施' },
  branches: { en: 'branches', zh: '网点清单' },
  long: { en: 'long', zh: '长表' },
  wide: { en: 'wide', zh: '宽表' },
};

function t(key: keyof typeof T, lang: Lang, params: MessageParams = {}): string {
  return fillPlaceholders(T[key][lang], params, lang);
}

/** The report as people read it on a terminal, in their language. */
export function reportText(r: ImportReport, lang: Lang, file = r.fileName): string {
  const lines: string[] = [];
  const outcome =
    r.outcome === 'imported'
      ? t('imported', lang, { batch: r.batchId! })
      : r.outcome === 'already_imported'
        ? t('already_imported', lang, { batch: r.alreadyImported!.batchId, at: r.alreadyImported!.at })
        : r.outcome === 'rejected'
          ? t(r.exchange ? 'exchangeRejected' : 'rejected', lang, { n: r.errorCount })
          : r.outcome === 'nothing' && recognised(r)
            ? t('unchanged', lang)
            : t(r.outcome, lang);
  lines.push(`${file}: ${outcome}`);
  if (r.exchange) lines.push(...exchangeLines(r.exchange, lang));
  for (const s of r.sheets) lines.push(...sheetLines(s, lang, r.outcome === 'imported'));
  if (r.createdRegions.length)
    lines.push(`  ${t('createdRegions', lang, { list: r.createdRegions.join(', ') })}`);
  if (r.createdBranches.length)
    lines.push(`  ${t('createdBranches', lang, { list: summarise(r.createdBranches) })}`);
  return `${lines.join('\n')}\n`;
}

/** A sheet was read: "nothing" then means every row matched the database. */
export const recognised = (r: ImportReport): boolean =>
  r.exchange !== null || r.sheets.some((s) => s.kind !== null);

function sheetLines(s: SheetReport, lang: Lang, written: boolean): string[] {
  const head = [t('sheet', lang, { name: s.sheet })];
  if (s.kind)
    head.push(
      [s.kind, s.layout]
        .filter(Boolean)
        .map((k) => KINDS[k!]![lang])
        .join(lang === 'zh' ? '，' : ', '),
    );
  if (s.headerRows.length) head.push(t('header', lang, { rows: s.headerRows.join('-') }));
  if (s.periodFrom === 'column') head.push(t('periodColumn', lang));
  else if (s.period && s.periodFrom)
    head.push(t('period', lang, { p: s.period, from: FROM[s.periodFrom][lang] }));
  const lines = [`  ${head.join(lang === 'zh' ? '；' : '; ')}`];
  if (s.note) lines.push(`    ${s.note[lang]}`);
  if (!s.kind) return lines;
  const mapped = s.columns
    .filter((c) => c.key)
    .map((c) => `${c.column} ${c.header} → ${c.standardCode ?? c.key}`);
  lines.push(`    ${mapped.join(', ')}`);
  // Said, not left out: a standard's column whose header has a typo lost its values silently.
  const unmapped = s.columns.filter((c) => !c.key && c.header).map((c) => `${c.column} ${c.header}`);
  if (unmapped.length) lines.push(`    ${t('notImported', lang, { list: summarise(unmapped) })}`);
  lines.push(
    `    ${t(written ? 'counts' : 'countsUnwritten', lang, { read: s.rowsRead, written: s.written, created: s.created, updated: s.updated, unchanged: s.unchanged })}`,
  );
  if (s.passedOver.length) {
    const list = s.passedOver
      .map((p) => `${t('row', lang, { row: p.row })} ${PASSED[p.reason][lang]}`)
      .join(', ');
    lines.push(`    ${t('passed', lang, { list })}`);
  }
  if (s.errorCount) {
    lines.push(`    ${t('errors', lang, { n: s.errorCount })}`);
    for (const e of s.errors.slice(0, SHOWN_ERRORS)) {
      const where = [
        t('row', lang, { row: e.row }),
        e.column && `${e.column}${e.header ? ` ${e.header}` : ''}`,
        e.value !== null && `"${e.value}"`,
      ];
      lines.push(`      ${where.filter(Boolean).join(', ')}: ${e.reason[lang]}`);
    }
    if (s.errorCount > SHOWN_ERRORS)
      lines.push(`      ${t('more', lang, { n: s.errorCount - SHOWN_ERRORS })}`);
  }
  return lines;
}

function exchangeLines(x: ExchangeReport, lang: Lang): string[] {
  const lines = [
    t('exchange', lang, {
      inserted: x.inserted,
      updated: x.updated,
      kept: x.keptLocal,
      conflicts: x.conflicts.length,
      rejected: x.rejected.length,
    }),
  ];
  if (x.matchedByKey) lines.push(t('matchedByKey', lang, { n: x.matchedByKey }));
  const table = (name: string) => tableNoun(name)[lang];
  const listed = [
    ...x.rejected.map((r) => t('cannotMerge', lang, { table: table(r.table), key: r.key, reason: r.reason })),
    ...x.conflicts.map((c) =>
      t('conflict', lang, { table: table(c.table), key: c.key, fields: conflictFields(c.fields) }),
    ),
  ];
  lines.push(...listed.slice(0, SHOWN_ERRORS).map((l) => `  ${l}`));
  if (listed.length > SHOWN_ERRORS) lines.push(`  ${t('more', lang, { n: listed.length - SHOWN_ERRORS })}`);
  return lines.map((l) => `  ${l}`);
}

function summarise(list: readonly string[]): string {
  return list.length <= 20 ? list.join(', ') : `${list.slice(0, 20).join(', ')} … (+${list.length - 20})`;
}
