/**
 * Messages that cross the contract (errors, report lines), in both languages.
 * Keys are stable so the UI, the CLI and tests can refer to them; `{name}` is replaced.
 */
export type Lang = 'zh' | 'en';

export const MESSAGES = {
  invalidField: { en: '{field}: {detail}', zh: '{field}：{detail}' },
  jobRunning: { en: 'job {jobId} is already running', zh: '任务 {jobId} 正在运行' },
  cancelled: { en: 'cancelled by the user; nothing was written', zh: '已由用户取消，未写入任何数据' },
  // What is wrong with one field's value, filled into invalidField as its {detail}
  // (shared/validation.ts): zod's own cases there, the schemas' refinements here.
  required: { en: 'is required', zh: '必填' },
  codeChars: { en: 'letters, digits, "-", "_" or "." only', zh: '只能包含字母、数字、“-”、“_”或“.”' },
  periodFormat: { en: 'a period is YYYY-MM or YYYY-Qn', zh: '应写为 YYYY-MM 或 YYYY-Qn' },
  scopeNeedsCode: { en: 'a region or branch scope needs a code', zh: '区域或网点范围需要编码' },
  nothingToChange: { en: 'nothing to change', zh: '没有要修改的内容' },
  backupName: { en: 'a backup file name from the list', zh: '应为列表中的备份文件名' },
  columnLetter: { en: 'a column letter such as C', zh: '应为列字母，如 C' },
  errorsXlsx: { en: 'the errors workbook must end in .xlsx', zh: '错误工作簿的文件名须以 .xlsx 结尾' },
  exportPathFormat: {
    en: 'the file name must end in .xlsx for an Excel workbook, or .pdf for a PDF',
    zh: 'Excel 文件名须以 .xlsx 结尾，PDF 文件名须以 .pdf 结尾',
  },
  exportFileType: { en: 'the file name must end in .xlsx or .csv', zh: '文件名须以 .xlsx 或 .csv 结尾' },
  periodRangeMixed: {
    en: 'the range mixes a month and a quarter; write both ends as months or both as quarters',
    zh: '范围混用了月份和季度，请两端都写月份，或都写季度',
  },
  periodRangeReversed: { en: 'the range ends before it starts', zh: '范围的结束早于开始' },
  periodOrRange: { en: 'give one period or a range, not both', zh: '请给出一个期间或一个范围，不能同时给出' },
  exchangeXlsx: { en: 'an .xlsx exchange workbook', zh: '应为 .xlsx 交换工作簿' },
  templateXlsx: { en: 'a template is an .xlsx workbook', zh: '模板应为 .xlsx 工作簿' },
  fileNameOnly: { en: 'a file name, without a folder', zh: '只需文件名，不含文件夹' },
  unknownRegion: { en: 'no region with code {code}', zh: '不存在编码为 {code} 的区域' },
  unknownBranch: { en: 'no branch with code {code}', zh: '不存在编码为 {code} 的网点' },
  unknownScope: { en: 'no region or branch with code {code}', zh: '不存在编码为 {code} 的区域或网点' },
  unknownStandard: { en: 'no standard with code {code}', zh: '不存在编码为 {code} 的标准' },
  unknownDimension: { en: 'no dimension {code}', zh: '不存在维度 {code}' },
  notFound: { en: 'no {entity} with id {id}', zh: '找不到{entity}（{id}）' },
  duplicate: { en: '{entity} {key} already exists', zh: '{entity} {key} 已存在' },
  thresholdsOrder: {
    en: 'the warning threshold must lie on the failing side of the target ({direction})',
    zh: '预警值必须位于目标值的不达标一侧（{direction}）',
  },
  verifiedNotMet: {
    en: 'the re-measurement did not meet the target: reopen the action instead of verifying it',
    zh: '复测未达标：应改为「重新打开」，而不是「已验证」',
  },
  verifiedInFuture: { en: 'the verification date {date} is after today', zh: '验证日期 {date} 晚于今天' },
  dueBeforeCreation: {
    en: 'the due date {due} is before the action was created ({created})',
    zh: '完成时限 {due} 早于措施创建日期 {created}',
  },
  observationInUse: {
    en: '{n} corrective actions were raised from this observation: it stays with them',
    zh: '已有 {n} 条整改措施由此观察发起，不能删除',
  },
  observationAnswered: {
    en: '{n} corrective actions were raised from this observation on its branch and standard: these stay as they are',
    zh: '已有 {n} 条整改措施由此观察发起，其网点和标准不能更改',
  },
  inspectionApproved: {
    en: 'the {kind} of {branch} for {period} is approved: send it back to draft before changing its values or deleting it',
    zh: '{branch} {period} 的{kind}已审核：请先退回草稿，再修改测量值或删除',
  },
  statusJump: {
    en: 'cannot move from {from} to {to}; allowed next: {allowed}',
    zh: '不能从“{from}”直接变为“{to}”；允许的下一状态：{allowed}',
  },
  versionTaken: {
    en: 'standard {code} already has a version effective {date} with measurements judged by it; give a later effective date',
    zh: '标准 {code} 在 {date} 生效的版本已被检查数据引用，请指定更晚的生效日期',
  },
  planStageNeeded: {
    en: 'the plan is in {stage}; this needs {needed}',
    zh: '计划处于“{stage}”阶段；此操作需要“{needed}”阶段',
  },
  planActFirst: {
    en: 'record what was standardised and carried over (Act) before closing',
    zh: '关闭前请先在“处理”阶段记录已标准化和转入下一轮的内容',
  },
  planNoGap: { en: 'no gap {key} in this plan', zh: '本计划中没有差距 {key}' },
  planStandardNoGap: { en: '{code} has no gap in this plan', zh: '标准 {code} 在本计划中没有差距' },
  inUse: {
    en: '{entity} {key} is still referenced by {count} {by}',
    zh: '{entity} {key} 仍被 {count} 个{by}引用',
  },
  dbTooNew: {
    en: 'the database is schema version {found}, newer than this program understands ({known}). Install the newer Quality Workbench, or open another database',
    zh: '数据库结构版本为 {found}，高于本程序支持的版本（{known}）。请安装更新的质量工作台，或打开其他数据库',
  },
  dbNotDatabase: {
    en: 'not a Quality Workbench database ({detail}). Check the path, or give a new file name to create one',
    zh: '不是质量工作台数据库（{detail}）。请检查路径，或指定新文件名以创建数据库',
  },
  dbBusy: {
    en: 'the database is busy: another program is writing to it (a large import keeps it to itself until it ends). Try again when it has finished',
    zh: '数据库正忙：另一个程序正在写入（大批量导入在完成前独占数据库）。请在其完成后重试',
  },
  // Workbook reader refusals (issue 4): what the file is, then what to do.
  xlsxCannotOpen: {
    en: 'cannot open {file} ({detail}). Check the path and that the file is not open elsewhere',
    zh: '无法打开 {file}（{detail}）。请检查路径，并确认文件未被其他程序占用',
  },
  xlsxIsFolder: {
    en: '{file} is a folder, not a workbook. Give the workbooks in it by name (folder/*.xlsx imports them all)',
    zh: '{file} 是文件夹，不是工作簿。请指定其中的工作簿文件名（文件夹/*.xlsx 可一次导入全部）',
  },
  xlsxEmptyFile: {
    en: '{file} is an empty file (0 bytes). Ask the region to send the workbook again',
    zh: '{file} 是空文件（0 字节）。请让区域重新发送该工作簿',
  },
  xlsxNotZip: {
    en: '{file} is not an Excel workbook (.xlsx). Open it in Excel or WPS and save it as .xlsx',
    zh: '{file} 不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开并另存为 .xlsx',
  },
  xlsxEncrypted: {
    en: '{file} is protected with a password (encrypted). Open it in Excel or WPS, remove the password, save it, and import again',
    zh: '{file} 设置了打开密码（已加密）。请在 Excel 或 WPS 中打开、取消密码并保存后重新导入',
  },
  xlsxLegacyXls: {
    en: '{file} is an old Excel 97-2003 (.xls) workbook. Open it in Excel or WPS and save it as .xlsx',
    zh: '{file} 是旧版 Excel 97-2003（.xls）工作簿。请在 Excel 或 WPS 中打开并另存为 .xlsx',
  },
  xlsxOds: {
    en: '{file} is an OpenDocument spreadsheet (.ods) named .xlsx. Open it in LibreOffice, Excel or WPS and save it as .xlsx',
    zh: '{file} 是 OpenDocument 表格（.ods），只是扩展名为 .xlsx。请在 LibreOffice、Excel 或 WPS 中打开并另存为 .xlsx',
  },
  xlsxTruncated: {
    en: '{file} is incomplete (the zip archive is cut off). Ask the region to send the workbook again',
    zh: '{file} 不完整（压缩包被截断）。请让区域重新发送该工作簿',
  },
  xlsxCorrupt: {
    en: '{file} is damaged (part {part} cannot be read). Open it in Excel or WPS to repair it, save it, and import again',
    zh: '{file} 已损坏（无法读取 {part}）。请在 Excel 或 WPS 中打开修复并保存后重新导入',
  },
  xlsxCompression: {
    en: '{file} uses an unsupported zip compression (method {method} in {part}). Open it in Excel or WPS and save it again',
    zh: '{file} 使用了不支持的压缩方式（{part} 的方法 {method}）。请在 Excel 或 WPS 中打开后重新保存',
  },
  xlsxTooLarge: {
    en: '{file} inflates past the safe bound of {limit} MB. Split the workbook',
    zh: '{file} 解压后超过安全上限 {limit} MB。请拆分工作簿',
  },
  // Said apart from the bound: a 400 MB bomb was reported as "past 2048 MB".
  xlsxBomb: {
    en: '{file} is no workbook: a part of it inflates beyond what its zip directory declares, or at a zip bomb’s ratio (a crafted or damaged file). Nothing was read; check where it came from',
    zh: '{file} 不是正常的工作簿：其中一部分解压后超出压缩目录声明的大小或压缩比异常（压缩炸弹或文件损坏）。未读取任何数据，请核实文件来源',
  },
  xlsxEntities: {
    en: '{file} contains XML entity declarations in {part}, which Excel never writes (entity expansion attack). Check where the file came from',
    zh: '{file} 的 {part} 含有 XML 实体声明，Excel 不会写入此类内容（实体扩展攻击）。请核实文件来源',
  },
  xlsxNoWorkbook: {
    en: '{file} is a zip archive but holds no Excel workbook. Check that this is the right file, or save it from Excel or WPS as .xlsx',
    zh: '{file} 是压缩包，但其中没有 Excel 工作簿。请确认文件是否正确，或在 Excel 或 WPS 中另存为 .xlsx',
  },
  xlsxNoSheets: {
    en: '{file} has no readable worksheet. Check that this is the right file, or open it in Excel or WPS and save it again',
    zh: '{file} 中没有可读取的工作表。请确认文件是否正确，或在 Excel 或 WPS 中打开后重新保存',
  },
  xlsxMalformed: {
    en: '{file} is damaged: {part} is not well-formed XML ({detail}). Open it in Excel or WPS, save it, and import again',
    zh: '{file} 已损坏：{part} 不是格式正确的 XML（{detail}）。请在 Excel 或 WPS 中打开并保存后重新导入',
  },
  // Backups restored from Settings (UI issue 7).
  backupOntoItself: {
    en: 'cannot back the database up onto itself ({path}); give another file',
    zh: '不能把数据库备份到它自身（{path}）；请另选一个文件',
  },
  backupVersion: {
    en: 'backup {name} is schema version {found}, this database is {known}. Restore a backup made by this version',
    zh: '备份 {name} 的结构版本为 {found}，当前数据库为 {known}。请恢复由本版本生成的备份',
  },
  planNoData: {
    en: "no measurements for {scope} in {period}: a plan is made from that period's values. Import them first, or choose another period",
    zh: '{scope}在 {period} 没有检查数据：改进计划依据该期间的数值生成。请先导入数据，或选择其他期间',
  },
  batchInUse: {
    en: 'import batch {id} ({file}) cannot be undone: its rows were used or changed since, by {later}. Undo those imports first, or keep this batch; nothing changed',
    zh: '无法撤销导入批次 {id}（{file}）：它写入的数据此后被以下导入或编辑使用或修改：{later}。请先撤销这些导入，或保留此批次；未做任何更改',
  },
  batchEditedByHand: {
    en: 'import batch {id} ({file}) cannot be undone: records entered or edited by hand since use its rows ({uses}), and undoing it would lose them. Keep this batch and correct its values where needed; nothing changed',
    zh: '无法撤销导入批次 {id}（{file}）：此后手工录入或修改的记录用到了它写入的数据（{uses}），撤销会丢失这些记录。请保留此批次，需要时直接更正数值；未做任何更改',
  },
  batchUndone: {
    en: 'import batch {id} ({file}) was undone before; nothing changed',
    zh: '导入批次 {id}（{file}）此前已撤销，未做任何更改',
  },
  // changes:undo, putting back a deletion made by hand: what stands in its way, then what to do.
  changeUndone: {
    en: 'this deletion was undone before: the {entity} {key} is there again; nothing changed',
    zh: '此次删除此前已撤销：{entity} {key} 已恢复；未做任何更改',
  },
  changeIsUndo: {
    en: 'this change was itself an undo, which put deleted rows back: to remove them, delete them again; nothing changed',
    zh: '此更改本身是一次撤销（恢复了已删除的数据），不能再撤销；如需移除，请重新删除；未做任何更改',
  },
  changeReferenceGone: {
    en: 'the deletion cannot be undone: the {entity} {key} refers to the {parent} {parentKey}, which was deleted since. Undo that deletion first; nothing changed',
    zh: '无法撤销此次删除：{entity} {key} 关联的{parent} {parentKey} 此后已被删除。请先撤销那次删除；未做任何更改',
  },
  inspectionRemade: {
    en: 'the deletion cannot be undone: a {kind} of {branch} for {period} was made since. Delete that one first, or keep it; nothing changed',
    zh: '无法撤销此次删除：此后已新建 {branch} {period} 的{kind}。请先删除新建的检查，或保留它；未做任何更改',
  },
  measurementRemade: {
    en: 'the deletion cannot be undone: a value of {standard} was entered since in the {kind} of {branch} for {period}. Delete that value first, or keep it; nothing changed',
    zh: '无法撤销此次删除：此后已在 {branch} {period} 的{kind}中重新录入“{standard}”。请先删除该测量值，或保留它；未做任何更改',
  },
  changeOverwritten: {
    en: 'the deletion cannot be undone: the {entity} {key} was changed or deleted since, and undoing would overwrite that; nothing changed',
    zh: '无法撤销此次删除：{entity} {key} 此后已被修改或删除，撤销会覆盖这些更改；未做任何更改',
  },
  pdfNoChromium: {
    en: 'making a PDF needs Chromium, which is not at {path}. Install it (Debian: apt-get install chromium), or set QMS_CHROMIUM to where it is, or export .xlsx instead',
    zh: '生成 PDF 需要 Chromium，但在 {path} 未找到。请安装 Chromium（Debian：apt-get install chromium），或将 QMS_CHROMIUM 设为其所在路径，或改为导出 .xlsx',
  },
  // qms serve --port N.
  portInUse: {
    en: 'port {port} is in use by another program. Give another --port, or none to take a free one',
    zh: '端口 {port} 已被其他程序占用。请用 --port 指定其他端口，或不指定以自动选用空闲端口',
  },
  portDenied: {
    en: 'port {port} is reserved for administrators. Give a port above 1024, or none to take a free one',
    zh: '端口 {port} 仅限管理员使用。请指定 1024 以上的端口，或不指定以自动选用空闲端口',
  },
  // Files the user asked for (exports, plans, reviews, backups, error workbooks): {target} is
  // the file as resolved, which the CLI names first on its error line.
  fileWriteDenied: {
    en: 'cannot write {target}: there is no permission to write there, or the file is open in another program such as Excel or WPS ({detail}). Close the file, or choose another folder',
    zh: '无法写入 {target}：没有写入权限，或该文件正被 Excel、WPS 等程序打开（{detail}）。请关闭该文件，或选择其他文件夹',
  },
  fileWriteNoSpace: {
    en: 'cannot write {target}: the disk is full ({detail}). Free some space, or choose another disk',
    zh: '无法写入 {target}：磁盘空间不足（{detail}）。请清理空间，或选择其他磁盘',
  },
  fileWriteIsFolder: {
    en: 'cannot write {target}: it is a folder. Give the name of the file to write',
    zh: '无法写入 {target}：这是一个文件夹。请指定要写入的文件名',
  },
  fileWriteFailed: {
    en: 'cannot write {target} ({detail}). Check that the folder exists or can be created, and the file name',
    zh: '无法写入 {target}（{detail}）。请检查文件夹是否存在或可以创建，以及文件名是否正确',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;
/** A parameter already in both languages (a validation detail): filled in the message's. */
export type Bilingual = Record<Lang, string>;
export type MessageParams = Record<string, string | number | Bilingual>;

/**
 * The things messages name as their {entity} (notFound, duplicate, inUse) and {by}, in both
 * languages: a Chinese message reads 找不到区域, not 找不到region.
 */
export const NOUNS = {
  region: { en: 'region', zh: '区域' },
  branch: { en: 'branch', zh: '营业厅' },
  branches: { en: 'branches', zh: '营业厅' },
  records: { en: 'records', zh: '记录' },
  inspection: { en: 'inspection', zh: '检查' },
  measurement: { en: 'measurement', zh: '测量值' },
  standard: { en: 'standard', zh: '标准' },
  finding: { en: 'finding', zh: '问题' },
  action: { en: 'action', zh: '整改措施' },
  plan: { en: 'plan', zh: '改进计划' },
  actRecord: { en: 'act record', zh: '处理记录' },
  review: { en: 'review', zh: '管理评审' },
  backup: { en: 'backup', zh: '备份' },
  importBatch: { en: 'import batch', zh: '导入批次' },
  change: { en: 'change', zh: '更改' },
  editsByHand: { en: 'edits made by hand', zh: '手工编辑' },
} as const satisfies Record<string, Bilingual>;

/** A table of the database as the pages name what it holds (an exchange workbook's sheets). */
const TABLE_NOUNS: Record<string, keyof typeof NOUNS> = {
  regions: 'region',
  branches: 'branch',
  standards: 'standard',
  inspections: 'inspection',
  measurements: 'measurement',
  findings: 'finding',
  plans: 'plan',
  reviews: 'review',
  actions: 'action',
};

export function tableNoun(table: string): Bilingual {
  const noun = TABLE_NOUNS[table];
  return noun ? NOUNS[noun] : { en: table, zh: table };
}

/** Items named in both languages, as one list in each: `a, b` and 甲、乙 (or `a or b`, 甲或乙). */
export function listed(items: readonly Bilingual[], joiner: Bilingual = { en: ', ', zh: '、' }): Bilingual {
  return { en: items.map((i) => i.en).join(joiner.en), zh: items.map((i) => i.zh).join(joiner.zh) };
}

/** A message in both languages, to pass on as another message's parameter (invalidField's detail). */
export function messageOf(key: MessageKey, params: MessageParams = {}): Bilingual {
  return filledIn(MESSAGES[key], params);
}

/** A text in both languages with its `{name}`s filled in, each language with its own words. */
export function filledIn(template: Bilingual, params: MessageParams = {}): Bilingual {
  return { en: fillPlaceholders(template.en, params, 'en'), zh: fillPlaceholders(template.zh, params, 'zh') };
}

export function formatMessage(key: MessageKey, params: MessageParams = {}, lang: Lang = 'en'): string {
  return fillPlaceholders(MESSAGES[key][lang], params, lang);
}

/**
 * A message template with each `{name}` replaced by its parameter: the one way every message
 * table (these, the import reasons, the CLI's report lines) fills its texts. A name with no
 * parameter is left as written, so a missing one shows rather than vanishes.
 */
export function fillPlaceholders(template: string, params: MessageParams = {}, lang: Lang = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) return `{${name}}`;
    const value = params[name]!;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}
