import type { ExchangeConflict } from '../contracts/export';
import type { BilingualText } from '../contracts/import';
import { filledIn, listed, type MessageParams } from '../messages';

/**
 * Why the importer turned a row, a cell or a sheet down (or, for a conflict, kept ours), in
 * both languages: the report and the errors workbook carry both, the UI and the CLI show the
 * user's. `{name}` is replaced.
 */
const REASONS = {
  notANumber: { en: 'not a number', zh: '不是数字' },
  inspectionApproved: {
    en: 'its inspection {inspection} is approved: send it back to draft in the workbench to import a changed value',
    zh: '所属检查 {inspection} 已审核：如需导入修改后的数值，请先在工作台退回草稿',
  },
  formulaWithoutResult: {
    en: 'a formula with no saved result; open the file in Excel or WPS, save it, and import again',
    zh: '公式没有保存计算结果；请用 Excel 或 WPS 打开并保存后重新导入',
  },
  cellError: { en: 'the cell holds the error {code}', zh: '单元格为错误值 {code}' },
  percentForUnit: {
    en: 'a percentage, but the standard is measured in {unit}',
    zh: '填写了百分比，但该指标的单位是 {unit}',
  },
  outOfRange: {
    en: 'not a plausible value for {unit} ({range})',
    zh: '对于单位 {unit} 不是合理的数值（{range}）',
  },
  negative: { en: 'a negative value is not plausible', zh: '负数不是合理的数值' },
  noPeriod: {
    en: 'no period: the sheet has no period column or title, give one with --period (2026-10, 2026-Q3)',
    zh: '没有期间：工作表无期间列或标题，请用 --period 指定（如 2026-10、2026-Q3）',
  },
  badPeriod: {
    en: 'not a period; write 2026-10, 2026年10月 or 2026年第3季度',
    zh: '不是有效期间；请写成 2026-10、2026年10月 或 2026年第3季度',
  },
  badDate: { en: 'not a date; write 2026-10-05', zh: '不是有效日期；请写成 2026-10-05' },
  required: { en: 'required, but empty', zh: '必填，但为空' },
  badCode: {
    en: 'a code has letters, digits, "-", "_" or "." only',
    zh: '编码只能包含字母、数字、“-”、“_”或“.”',
  },
  unknownStandard: {
    en: 'no standard {text}; import the standards first or correct the code',
    zh: '不存在指标 {text}；请先导入指标标准或更正编码',
  },
  unknownBranchNoRegion: {
    en: 'no branch {text}, and no region column to create it in',
    zh: '不存在网点 {text}，且没有区域列可用于新建',
  },
  branchNameTaken: {
    en: 'new branch {text}: its region already has a branch of that name; correct the code or the name',
    zh: '新网点 {text}：所在区域已有同名网点；请更正网点编码或名称',
  },
  unknownBranchName: {
    en: 'no branch named {text} (or more than one); add a branch code column',
    zh: '找不到名为 {text} 的网点（或有重名）；请增加网点编码列',
  },
  unknownChoice: { en: '{text} is not one of: {choices}', zh: '“{text}”不是以下之一：{choices}' },
  missingColumns: {
    en: 'the sheet has no column for {keys}; rename the header or map the column',
    zh: '工作表缺少列：{keys}；请修改表头或手动对应该列',
  },
  rejectedByService: { en: '{detail}', zh: '{detail}' },
  notRecognised: {
    en: 'not recognised: no header row with known column names (see the spreadsheet contract)',
    zh: '无法识别：没有找到含已知列名的表头行（见表格规范）',
  },
  hiddenSheet: {
    en: 'hidden sheet: listed, not imported (use --include-hidden)',
    zh: '隐藏工作表：仅列出，未导入（可用 --include-hidden）',
  },
  emptySheet: { en: 'the sheet is empty', zh: '工作表为空' },
  notWorksheet: { en: 'a {kind}, not a worksheet of cells', zh: '这是{kind}，不是数据工作表' },
  otherKind: {
    en: 'a {kind} sheet: not read (--kind {wanted})',
    zh: '{kind}工作表：未读取（--kind {wanted}）',
  },
  exchangeWorkbook: {
    en: 'an exchange workbook: merged by id (exchange import)',
    zh: '交换工作簿：按 ID 合并（交换导入）',
  },
  // An exchange workbook's rows that cannot be merged (main/export/exchange-refusals.ts). Its
  // headers are the database's column names, so a {column} is named as the workbook writes it.
  keyTaken: {
    en: '{columns} already used by another row here ({id})',
    zh: '{columns} 已被本库的另一行使用（{id}）',
  },
  missingParent: {
    en: '{column} refers to {table} {id}, which is not here',
    zh: '{column} 指向的{table} {id} 不在本库中',
  },
  documentCut: {
    en: '{column} is cut short or damaged ({length} characters); was the hidden {sheet} sheet removed?',
    zh: '{column} 被截断或已损坏（{length} 个字符）；隐藏工作表 {sheet} 是否被删除了？',
  },
  wrongType: {
    en: 'the {column} column takes {wanted}, not {found}',
    zh: '{column} 列应填{wanted}，不能填{found}',
  },
  columnEmpty: { en: '{column} is required, but empty', zh: '{column} 必填，但为空' },
  notAllowed: {
    en: 'a value the database does not allow ({rule})',
    zh: '有数值不符合本库的规则（{rule}）',
  },
  refusedByDatabase: { en: 'the database refuses the row ({detail})', zh: '数据库拒绝写入该行（{detail}）' },
  // A same-instant edit of both sides, field by field (ours is kept).
  conflictField: {
    en: '{field}: ours {local}, theirs {incoming}',
    zh: '{field}：本库 {local}，来件 {incoming}',
  },
  emptyValue: { en: '(empty)', zh: '（空）' },
} as const satisfies Record<string, BilingualText>;

export type ReasonKey = keyof typeof REASONS;

export function reason(key: ReasonKey, params: MessageParams = {}): BilingualText {
  return filledIn(REASONS[key], params);
}

/** A conflict's differing fields, ours then theirs, as the CLI's report and the wizard list them. */
export function conflictFields(fields: ExchangeConflict['fields']): BilingualText {
  const shown = (v: unknown) => (v === null || v === undefined ? reason('emptyValue') : String(v));
  return listed(
    fields.map((f) =>
      reason('conflictField', { field: f.field, local: shown(f.local), incoming: shown(f.incoming) }),
    ),
    { en: '; ', zh: '；' },
  );
}
