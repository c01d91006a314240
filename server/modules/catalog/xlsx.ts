import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AchievementInput, DemandInput } from '../../../common/api/catalog.js';
import { IP_KIND_LABELS, IP_KINDS, RECORD_STATUS_LABELS, TRANSFER_MODE_LABELS, TRANSFER_MODES, TRL_LEVELS, type RecordStatus } from '../../../common/catalog.js';
import type { Db } from '../../db/client.js';
import { achievements, importJobs, organizations } from '../../db/schema/index.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { RecordKind } from './lifecycle.js';
import { indexedText, TABLES, type LoadedRecord } from './records.js';
import { columnsFor, listOwnRecords, listTechnicalFields } from './service.js';

/**
 * Bulk import and export of achievements and demands as xlsx. One column layout per kind serves the
 * template, the export and the import, so an exported file can be edited and imported again.
 * An import is all or nothing: every row is validated with AchievementInput / DemandInput first; only
 * when all pass are the drafts inserted, in one transaction, each with its audit entry.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The problem and the job keep at most this many row errors (plus one line saying how many more). */
const MAX_REPORTED_ERRORS = 500;
const INSERT_CHUNK = 200;
const FEN_PER_WAN = 1_000_000n; // 1 万元 = 10,000 元 = 1,000,000 分

type Scalar = string | number | boolean | Date | null;
type TechnicalField = { code: string; nameZh: string; nameEn: string; scheme: string };
type Read = { ok: true; value: unknown } | { ok: false; error: string };
const ok = (value: unknown): Read => ({ ok: true, value });
const bad = (error: string): Read => ({ ok: false, error });

// ---------------------------------------------------------------------------------------------
// Cell values

/** 万元 as written in a cell → integer fen, from the decimal digits (never through a float product). */
export function wanToFen(input: string | number): number | string {
  let s = typeof input === 'number' ? String(input) : input.trim().replace(/\s+/g, '').replace(/万元?$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return 'must be an amount in 万元 such as 12.34, or 面议';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 6) return 'is finer than 1 分 (at most 6 decimals in 万元)';
  const fen = BigInt(m[1]!) * FEN_PER_WAN + BigInt(frac.padEnd(6, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return 'is implausibly large';
  return Number(fen);
}

/** Integer fen → the exact 万元 decimal string (123400 → "0.1234"). */
export function fenToWan(fen: number): string {
  const digits = String(fen).padStart(7, '0');
  const frac = digits.slice(-6).replace(/0+$/, '');
  return frac ? `${digits.slice(0, -6)}.${frac}` : digits.slice(0, -6);
}

/** A money cell: a number when the double prints back exactly, else the decimal text. */
const moneyCell = (fen: number | null): Scalar => {
  if (fen == null) return null;
  const s = fenToWan(fen);
  return String(Number(s)) === s ? Number(s) : s;
};

function scalar(v: ExcelJS.CellValue): Scalar {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return v.result == null || (typeof v.result === 'object' && !(v.result instanceof Date)) ? null : v.result;
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : scalar(v.text as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  return null;
}

const text = (v: Scalar): string => (v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());
const LIST_SEPARATORS = /[；;，,、\n]+/;
const ENTRY_SEPARATORS = /[；;\n]+/;
const splitList = (v: Scalar, by = LIST_SEPARATORS) => text(v).split(by).map((s) => s.trim()).filter(Boolean);
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const NEGOTIABLE = '面议';

/** Contact columns line up by position, so an empty slot (张三；李四 with phones ；139…) is kept. */
function readAligned(v: Scalar): Read {
  const parts = text(v).split(/[；;\n]/).map((s) => s.trim());
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return ok(parts);
}

function readText(v: Scalar): Read {
  const s = text(v);
  return ok(s === '' ? undefined : s);
}

function readBool(v: Scalar): Read {
  if (typeof v === 'boolean') return ok(v);
  const s = squash(text(v));
  if (s === '') return ok(undefined);
  if (['是', 'y', 'yes', 'true', '1', '√'].includes(s)) return ok(true);
  if (['否', 'n', 'no', 'false', '0', '×'].includes(s)) return ok(false);
  return bad('use 是 or 否');
}

function readTrl(v: Scalar): Read {
  if (typeof v === 'number') return ok(v);
  const s = text(v);
  if (s === '') return ok(undefined);
  const m = /^(?:TRL)?\s*(\d+)\s*级?$/i.exec(s);
  return m ? ok(Number(m[1])) : bad('must be a whole number 1–9');
}

function readMoney(v: Scalar): Read {
  const s = typeof v === 'number' ? v : text(v);
  if (s === '') return ok(undefined);
  if (s === NEGOTIABLE) return ok({ negotiable: true });
  const fen = wanToFen(s);
  return typeof fen === 'number' ? ok({ fen }) : bad(fen);
}

function readDate(v: Scalar): Read {
  if (v instanceof Date) return ok(v.toISOString().slice(0, 10));
  // A date typed into a General cell arrives as its serial number (days since 1899-12-30).
  if (typeof v === 'number') return ok(new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000).toISOString().slice(0, 10));
  const s = text(v);
  if (s === '') return ok(undefined);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? ok(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : bad('must be a date like 2026-12-31');
}

function readModes(v: Scalar): Read {
  const modes: string[] = [];
  for (const item of splitList(v)) {
    const mode = TRANSFER_MODES.find((m) => TRANSFER_MODE_LABELS[m].zh === item || m === item);
    if (!mode) return bad(`「${item}」 is not one of ${TRANSFER_MODES.map((m) => TRANSFER_MODE_LABELS[m].zh).join('、')}`);
    if (!modes.includes(mode)) modes.push(mode);
  }
  return ok(modes);
}

function readIpAssets(v: Scalar): Read {
  const assets = [];
  for (const entry of splitList(v, ENTRY_SEPARATORS)) {
    const parts = entry.split(/[:：]/).map((p) => p.trim());
    const kind = IP_KINDS.find((k) => squash(IP_KIND_LABELS[k].zh) === squash(parts[0]!) || k === parts[0]);
    if (!kind) return bad(`「${parts[0]}」 is not one of ${IP_KINDS.map((k) => IP_KIND_LABELS[k].zh).join('、')}`);
    if (parts.length < 2) return bad(`write each entry as 类别:编号:名称, e.g. 发明专利:200310102344.5:一种…`);
    assets.push(parts.length === 2 ? { kind, number: null, title: parts[1] } : { kind, number: parts[1] || null, title: parts.slice(2).join(':') });
  }
  return ok(assets);
}

function readTeam(v: Scalar): Read {
  return ok(
    splitList(v, ENTRY_SEPARATORS).map((entry) => {
      const [name, title, role] = entry.split(/[:：]/).map((p) => p.trim());
      return { name, title: title || undefined, role: role || undefined };
    }),
  );
}

function readAttachments(v: Scalar): Read {
  const out = [];
  for (const entry of splitList(v, /[；\n]+/)) {
    const bar = entry.lastIndexOf('|');
    if (bar < 0) return bad('write each attachment as 名称|https://…');
    out.push({ name: entry.slice(0, bar).trim(), url: entry.slice(bar + 1).trim() });
  }
  return ok(out);
}

// ---------------------------------------------------------------------------------------------
// The column layout

interface ReadContext {
  /** Squashed field name or code → field code. */
  fieldCodes: Map<string, string>;
}

interface Column<K extends RecordKind> {
  /** Where the parsed value goes in the row draft (see assembleInput). */
  id: string;
  header: string;
  /** Input paths (first segment, or `contacts.name`) whose validation issues belong to this column. */
  keys: string[];
  required?: boolean;
  /** What an empty required cell is told, when plain "is required" says too little. */
  requiredMessage?: string;
  width: number;
  help: string;
  example?: string;
  read(v: Scalar, ctx: ReadContext): Read;
  write(rec: LoadedRecord<K>): Scalar;
  validation?: ExcelJS.DataValidation;
  /** Written on export only (status, id); ignored on import. */
  exportOnly?: boolean;
}

const YES_NO: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, error: '请选择“是”或“否”' };
const wholeTrl = (prompt: string): ExcelJS.DataValidation => ({
  type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 9], showErrorMessage: true, error: '技术就绪水平为 1–9 的整数', showInputMessage: true, prompt,
});
const yesNo = (b: boolean) => (b ? '是' : '否');
const joinList = (items: readonly string[]) => (items.length ? items.join('；') : null);
const modeLabels = (modes: string[]) => joinList(modes.map((m) => TRANSFER_MODE_LABELS[m as (typeof TRANSFER_MODES)[number]]?.zh ?? m));
const contactList = (rec: LoadedRecord, key: 'name' | 'phone' | 'email') =>
  rec.row.contacts.some((c) => c[key]) ? rec.row.contacts.map((c) => c[key] ?? '').join('；') : null;

/** Instruction-sheet ranges the dropdowns point at (see writeInstructions). */
const FIELD_LIST = (n: number) => `'填写说明'!$F$3:$F$${n + 2}`;
const MODE_LIST = `'填写说明'!$J$3:$J$${TRANSFER_MODES.length + 2}`;
const dropdown = (range: string, prompt: string): ExcelJS.DataValidation => ({
  // Not enforced: a cell may hold several values (；) or a field code.
  type: 'list', allowBlank: true, formulae: [range], showErrorMessage: false, showInputMessage: true, prompt,
});

const headColumns: Array<Column<RecordKind>> = [
  { id: 'title', header: '标题', keys: ['title'], required: true, width: 30, help: '成果或需求的名称，2–200 字', example: '高效锂离子电池正极材料制备技术', read: readText, write: (r) => r.row.title },
  { id: 'summary', header: '摘要', keys: ['summary'], required: true, width: 50, help: '简介，10–5000 字', read: readText, write: (r) => r.row.summary },
];

function fieldColumn(fieldCount: number): Column<RecordKind> {
  return {
    id: 'fieldCode', header: '技术领域', keys: ['fieldCode'], required: true, width: 22,
    help: '技术领域的中文名称或代码，见本页右侧“技术领域”表', example: '材料科学与工程',
    read: (v, ctx) => {
      const s = text(v);
      if (s === '') return ok(undefined);
      const code = ctx.fieldCodes.get(squash(s));
      return code ? ok(code) : bad(`「${s}」 is not a known technical field (see the 填写说明 sheet)`);
    },
    write: (r) => r.fieldName,
    validation: dropdown(FIELD_LIST(fieldCount), '从列表选择，或填写领域代码'),
  };
}

const keywordsColumn: Column<RecordKind> = {
  id: 'keywords', header: '关键词', keys: ['keywords'], width: 24, help: '最多 10 个，用“；”或“,”分隔', example: '锂电池；正极材料',
  read: (v) => ok(splitList(v)), write: (r) => joinList(r.row.keywords),
};

const tailColumns: Array<Column<RecordKind>> = [
  { id: 'contactName', header: '联系人', keys: ['contacts', 'contacts.name'], width: 12, help: '多个联系人用“；”分隔，与联系电话、联系邮箱按顺序对应', read: readAligned, write: (r) => contactList(r, 'name') },
  { id: 'contactPhone', header: '联系电话', keys: ['contacts.phone'], width: 16, help: '与联系人按顺序对应', read: readAligned, write: (r) => contactList(r, 'phone') },
  { id: 'contactEmail', header: '联系邮箱', keys: ['contacts.email'], width: 22, help: '与联系人按顺序对应', read: readAligned, write: (r) => contactList(r, 'email') },
    {
      id: 'attachments', header: '附件', keys: ['attachments'], width: 24, help: '每项写作 名称|链接，多项用“；”或换行分隔', example: '技术说明书|https://example.org/a.pdf',
      read: readAttachments, write: (r) => joinList(r.row.attachments.map((a) => `${a.name}|${a.url}`)),
    },
  { id: 'restricted', header: '限制公开', keys: ['restricted'], width: 10, help: '“是”：仅本单位与政府可见', read: readBool, write: (r) => yesNo(r.row.restricted), validation: YES_NO },
];

const exportOnly: Array<Column<RecordKind>> = [
  { id: 'status', header: '状态', keys: [], width: 10, help: '导出时填写；导入时忽略', exportOnly: true, read: () => ok(undefined), write: (r) => RECORD_STATUS_LABELS[r.row.status as RecordStatus]?.zh ?? r.row.status },
  { id: 'organization', header: '所属单位', keys: [], width: 24, help: '导出时填写；导入时忽略（导入到所选单位）', exportOnly: true, read: () => ok(undefined), write: (r) => r.organization.name },
  { id: 'id', header: '编号', keys: [], width: 38, help: '导出时填写；导入时忽略（导入总是新建草稿）', exportOnly: true, read: () => ok(undefined), write: (r) => r.row.id },
];

function achievementColumns(fieldCount: number): Array<Column<'achievement'>> {
  type C = Column<'achievement'>;
  const own: C[] = [
    { id: 'problemSolved', header: '解决的问题', keys: ['problemSolved'], width: 30, help: '选填，至多 3000 字', read: readText, write: (r) => r.row.problemSolved },
    { id: 'advantage', header: '技术优势', keys: ['advantage'], width: 30, help: '选填，至多 3000 字', read: readText, write: (r) => r.row.advantage },
  ];
  const rest: C[] = [
    { id: 'trl', header: '技术就绪水平', keys: ['trl'], required: true, width: 12, help: '1–9 的整数，定义见本页右侧', example: '6', read: readTrl, write: (r) => r.row.trl, validation: wholeTrl('1–9 的整数') },
    {
      id: 'ipAssets', header: '知识产权', keys: ['ipAssets'], width: 40,
      help: '每项写作 类别:编号:名称，多项用“；”分隔；专利编号为中国专利申请号（校验位会被核对）；技术秘密等可省略编号', example: '发明专利:200310102344.5:一种正极材料的制备方法',
      read: readIpAssets, write: (r) => joinList(r.row.ipAssets.map((a) => `${IP_KIND_LABELS[a.kind].zh}:${a.number ?? ''}:${a.title}`)),
    },
    { id: 'transferModes', header: '转化方式', keys: ['transferModes'], required: true, width: 20, help: '一种或多种，用“；”分隔', example: '转让；普通许可', read: readModes, write: (r) => modeLabels(r.row.transferModes), validation: dropdown(MODE_LIST, '可多选，用“；”分隔') },
    {
      id: 'price', header: '价格（万元）', keys: ['priceFen', 'priceNegotiable'], required: true, requiredMessage: 'is required: an amount in 万元, or 面议', width: 14, help: '金额，单位万元（最多 6 位小数，即精确到分），或填写“面议”', example: '12.34',
      read: readMoney, write: (r) => (r.row.priceNegotiable ? NEGOTIABLE : moneyCell(r.row.priceFen)),
    },
    { id: 'publicFunding', header: '财政资金', keys: ['publicFunding'], width: 10, help: '是否由财政资金支持形成：“是”或“否”', read: readBool, write: (r) => yesNo(r.row.publicFunding), validation: YES_NO },
    { id: 'team', header: '团队成员', keys: ['team'], width: 24, help: '每人写作 姓名:职称:角色，多人用“；”分隔', example: '张三:教授:负责人', read: readTeam, write: (r) => joinList(r.row.team.map((m) => [m.name, m.title ?? '', m.role ?? ''].join(':').replace(/:+$/, ''))) },
  ];
  return [...headColumns, ...own, fieldColumn(fieldCount), keywordsColumn, ...rest, ...tailColumns, ...exportOnly];
}

function demandColumns(fieldCount: number): Array<Column<'demand'>> {
  type C = Column<'demand'>;
  const budget = (id: string, header: string, key: 'budgetMinFen' | 'budgetMaxFen'): C => ({
    id, header, keys: [key], width: 14, help: '金额，单位万元（精确到分）；也可填写“面议”', read: readMoney, write: (r) => moneyCell(r.row[key]),
  });
  const own: C[] = [
    budget('budgetMin', '预算下限（万元）', 'budgetMinFen'),
    budget('budgetMax', '预算上限（万元）', 'budgetMaxFen'),
    { id: 'budgetNegotiable', header: '预算面议', keys: ['budgetNegotiable'], width: 10, help: '“是”：预算可面议；未填预算时必须为“是”', read: readBool, write: (r) => yesNo(r.row.budgetNegotiable), validation: YES_NO },
    { id: 'cooperationModes', header: '合作方式', keys: ['cooperationModes'], required: true, width: 20, help: '一种或多种，用“；”分隔', example: '合作开发', read: readModes, write: (r) => modeLabels(r.row.cooperationModes), validation: dropdown(MODE_LIST, '可多选，用“；”分隔') },
    { id: 'trlMin', header: '最低TRL', keys: ['trlMin'], width: 10, help: '能承接的最低技术就绪水平，1–9，选填', read: readTrl, write: (r) => r.row.trlMin, validation: wholeTrl('选填，1–9 的整数') },
    { id: 'deadline', header: '截止日期', keys: ['deadline'], width: 12, help: '选填，格式 2026-12-31，不得早于今天', read: readDate, write: (r) => (r.row.deadline ? new Date(`${r.row.deadline}T00:00:00Z`) : null) },
  ];
  return [...headColumns, fieldColumn(fieldCount), keywordsColumn, ...own, ...tailColumns, ...exportOnly];
}

const columnsOf = (kind: RecordKind, fieldCount: number): Array<Column<RecordKind>> =>
  (kind === 'achievement' ? achievementColumns(fieldCount) : demandColumns(fieldCount)) as Array<Column<RecordKind>>;

const SHEET_NAME: Record<RecordKind, string> = { achievement: '科技成果', demand: '技术需求' };
const normaliseHeader = (h: string) => h.replace(/\s+/g, '').replace(/[*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** The row draft → the object AchievementInput / DemandInput validate. */
function assembleInput(kind: RecordKind, d: Record<string, unknown>): Record<string, unknown> {
  const names = (d.contactName as string[] | undefined) ?? [];
  const phones = (d.contactPhone as string[] | undefined) ?? [];
  const emails = (d.contactEmail as string[] | undefined) ?? [];
  const contacts = Array.from({ length: Math.max(names.length, phones.length, emails.length) }, (_, i) => ({
    name: names[i] ?? '',
    phone: phones[i] || undefined,
    email: emails[i] || undefined,
  }));
  const common = { title: d.title, summary: d.summary, fieldCode: d.fieldCode, keywords: d.keywords, contacts, attachments: d.attachments, restricted: d.restricted };
  type Money = { fen?: number; negotiable?: boolean } | undefined;
  if (kind === 'achievement') {
    const price = d.price as Money;
    return { ...common, problemSolved: d.problemSolved, advantage: d.advantage, trl: d.trl, ipAssets: d.ipAssets, transferModes: d.transferModes, priceFen: price?.fen ?? null, priceNegotiable: price?.negotiable ?? false, publicFunding: d.publicFunding, team: d.team };
  }
  const min = d.budgetMin as Money;
  const max = d.budgetMax as Money;
  return {
    ...common,
    budgetMinFen: min?.fen ?? null,
    budgetMaxFen: max?.fen ?? null,
    budgetNegotiable: Boolean(d.budgetNegotiable || min?.negotiable || max?.negotiable),
    cooperationModes: d.cooperationModes,
    trlMin: d.trlMin ?? null,
    deadline: d.deadline ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing: the template (no rows) and the export (the caller's records, plus status and id)

function writeDataSheet(wb: ExcelJS.Workbook, kind: RecordKind, columns: Array<Column<RecordKind>>, records: LoadedRecord[]) {
  const ws = wb.addWorksheet(SHEET_NAME[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.id, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = `${c.required ? '必填。' : ''}${c.help}${c.example ? `\n例：${c.example}` : ''}`;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.exportOnly ? 'FFEEEEEE' : c.required ? 'FFFFE7BA' : 'FFDDEBF7' } };
    const column = ws.getColumn(i + 1);
    if (c.id === 'deadline') column.numFmt = 'yyyy-mm-dd';
    if (c.validation) {
      // exceljs keeps range validations (untyped API); Excel shows the dropdown on every row of the range.
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${column.letter}2:${column.letter}${MAX_IMPORT_ROWS + 1}`,
        c.validation,
      );
    }
  });
  for (const rec of records) ws.addRow(columns.map((c) => c.write(rec)));
}

function writeInstructions(wb: ExcelJS.Workbook, kind: RecordKind, columns: Array<Column<RecordKind>>, fields: TechnicalField[]) {
  const ws = wb.addWorksheet('填写说明');
  const widths: Record<string, number> = { A: 16, B: 6, C: 60, D: 34, F: 26, G: 8, H: 8, J: 12, L: 18, M: 12, O: 6, P: 40 };
  for (const [col, width] of Object.entries(widths)) ws.getColumn(col).width = width;
  const title = (addr: string, value: string) => Object.assign(ws.getCell(addr), { value, font: { bold: true, size: 12 } });
  const tableHead = (row: number, cols: string[], values: string[]) => cols.forEach((c, i) => Object.assign(ws.getCell(`${c}${row}`), { value: values[i], font: { bold: true } }));

  title('A1', `${SHEET_NAME[kind]}导入：每列的填写方法`);
  tableHead(2, ['A', 'B', 'C', 'D'], ['列名', '必填', '说明', '示例']);
  columns.forEach((c, i) => {
    ws.getRow(i + 3).getCell('A').value = c.header;
    ws.getRow(i + 3).getCell('B').value = c.required ? '是' : '';
    ws.getRow(i + 3).getCell('C').value = c.help;
    ws.getRow(i + 3).getCell('D').value = c.example ?? '';
  });
  const notes = [
    `在“${SHEET_NAME[kind]}”表中每行填写一条；第 1 行为表头，请勿修改列名（列的顺序可以调整，多余的列会被忽略）。`,
    `每个文件最多 ${MAX_IMPORT_ROWS} 行。导入的记录均为草稿，需提交审核后才会发布。`,
    '任何一行有误时整个文件都不会导入，系统会列出每一行的错误；改正后重新上传即可。',
    '金额以万元为单位（1 万元 = 1,000,000 分），最多 6 位小数。导出的文件可直接修改后再次导入（状态、所属单位、编号列会被忽略，导入总是新建草稿）。',
  ];
  notes.forEach((n, i) => (ws.getRow(columns.length + 4 + i).getCell('A').value = n));

  title('F1', '技术领域');
  tableHead(2, ['F', 'G', 'H'], ['名称', '代码', '分类']);
  fields.forEach((f, i) => {
    const row = ws.getRow(i + 3);
    row.getCell('F').value = f.nameZh;
    row.getCell('G').value = f.code;
    row.getCell('H').value = f.scheme === 'industry' ? '产业' : '学科';
  });
  title('J1', kind === 'achievement' ? '转化方式' : '合作方式');
  tableHead(2, ['J'], ['名称']);
  TRANSFER_MODES.forEach((m, i) => (ws.getRow(i + 3).getCell('J').value = TRANSFER_MODE_LABELS[m].zh));
  title('L1', '知识产权类别');
  tableHead(2, ['L', 'M'], ['类别', '编号']);
  IP_KINDS.forEach((k, i) => {
    ws.getRow(i + 3).getCell('L').value = IP_KIND_LABELS[k].zh;
    ws.getRow(i + 3).getCell('M').value = ['invention_patent', 'utility_model', 'design_patent', 'pct'].includes(k) ? '专利申请号（必填）' : '登记号（选填）';
  });
  title('O1', '技术就绪水平（TRL）');
  tableHead(2, ['O', 'P'], ['级别', '定义']);
  TRL_LEVELS.forEach((l, i) => {
    ws.getRow(i + 3).getCell('O').value = l.level;
    ws.getRow(i + 3).getCell('P').value = l.zh;
  });
}

async function writeWorkbook(kind: RecordKind, fields: TechnicalField[], records: LoadedRecord[] | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jinqiao 津桥';
  wb.created = clock.now();
  const columns = columnsOf(kind, fields.length).filter((c) => records || !c.exportOnly);
  writeDataSheet(wb, kind, columns, records ?? []);
  writeInstructions(wb, kind, columns.filter((c) => !c.exportOnly), fields);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Reading: the workbook → one validated input (or its errors) per data row

/** One error: `row` is the worksheet row as Excel numbers it (0 for the file as a whole); `field` the input path. */
export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

type RecordInput = AchievementInput | DemandInput;
interface ParsedRow {
  row: number;
  input: RecordInput | null;
  issues: RowIssue[];
}

function columnForPath(columns: Array<Column<RecordKind>>, path: PropertyKey[]) {
  const candidates = [typeof path[2] === 'string' ? `${String(path[0])}.${path[2]}` : null, String(path[0])];
  for (const key of candidates) {
    const col = key && columns.find((c) => c.keys.includes(key));
    if (col) return col;
  }
  return undefined;
}

function parseRow(kind: RecordKind, columns: Array<Column<RecordKind>>, at: Map<string, number>, row: ExcelJS.Row, ctx: ReadContext): ParsedRow {
  const draft: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const failedKeys = new Set<string>();
  const order = new Map<RowIssue, number>();
  const fail = (c: Column<RecordKind>, message: string) => {
    issues.push({ row: row.number, field: c.keys[0] ?? c.id, message: `${c.header}: ${message}` });
    order.set(issues[issues.length - 1]!, columns.indexOf(c));
    c.keys.forEach((k) => failedKeys.add(k.split('.')[0]!));
  };
  for (const c of columns) {
    const index = at.get(c.id);
    if (index === undefined) continue;
    const value = scalar(row.getCell(index).value);
    if (c.required && text(value) === '') {
      fail(c, c.requiredMessage ?? 'is required');
      continue;
    }
    const r = c.read(value, ctx);
    if (r.ok) draft[c.id] = r.value;
    else fail(c, r.error);
  }
  const schema: z.ZodType<RecordInput> = kind === 'achievement' ? AchievementInput : DemandInput;
  const parsed = schema.safeParse(assembleInput(kind, draft));
  if (parsed.success) return { row: row.number, input: issues.length ? null : parsed.data, issues };
  for (const issue of parsed.error.issues) {
    // A cell that could not be read already has its error; zod would only add "expected …" for it.
    if (failedKeys.has(String(issue.path[0]))) continue;
    const col = columnForPath(columns, issue.path);
    const item = typeof issue.path[1] === 'number' ? `（第${issue.path[1] + 1}项）` : '';
    const field = issue.path.map(String).join('.') || 'row';
    issues.push({ row: row.number, field, message: `${col ? col.header : field}${item}: ${issue.message}` });
    order.set(issues[issues.length - 1]!, col ? columns.indexOf(col) : columns.length);
  }
  // Left to right, as the person reads the row.
  return { row: row.number, input: null, issues: issues.sort((a, b) => order.get(a)! - order.get(b)!) };
}

/** Reads the records sheet (by name, else the first sheet). A string is a problem with the file as a whole. */
async function readImportFile(kind: RecordKind, file: Buffer, fields: TechnicalField[]): Promise<ParsedRow[] | string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    return 'is not a readable .xlsx workbook';
  }
  const ws = wb.getWorksheet(SHEET_NAME[kind]) ?? wb.worksheets[0];
  if (!ws) return 'has no worksheet';
  const columns = columnsOf(kind, fields.length).filter((c) => !c.exportOnly);
  const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c]));
  const at = new Map<string, number>();
  ws.getRow(1).eachCell((cell, index) => {
    const col = byHeader.get(normaliseHeader(text(scalar(cell.value))));
    if (col && !at.has(col.id)) at.set(col.id, index);
  });
  const missing = columns.filter((c) => c.required && !at.has(c.id));
  if (missing.length) return `misses the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `「${c.header}」`).join('、')}; start from the template`;
  if (ws.actualRowCount - 1 > MAX_IMPORT_ROWS) return `has more than ${MAX_IMPORT_ROWS} rows; split it into several files`;
  const fieldCodes = new Map<string, string>();
  for (const f of fields) {
    fieldCodes.set(squash(f.code), f.code);
    fieldCodes.set(squash(f.nameZh), f.code);
  }
  const rows: ParsedRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.number === 1) return;
    if ([...at.values()].every((i) => text(scalar(row.getCell(i).value)) === '')) return;
    rows.push(parseRow(kind, columns, at, row, { fieldCodes }));
  });
  return rows.length ? rows : 'has no data rows under the header';
}

// ---------------------------------------------------------------------------------------------
// Service functions

/** The organisation the actor files for (the same rule as createRecord's). */
async function filingOrganization(db: Db, actor: Actor, organizationId?: string) {
  requirePermission(actor, 'catalog:file');
  const mine = organizationIdsOf(actor, ['org_member', 'org_admin', 'broker']);
  const id = organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!id) throw AppError.validation('query.organizationId', mine.length ? 'name the organisation to file for' : 'you belong to no active organisation');
  if (!mine.includes(id)) throw AppError.forbidden('You can only file for your own organisation');
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  return org;
}

export async function buildImportTemplate(opts: { db: Db; actor: Actor; kind: RecordKind }): Promise<Buffer> {
  requirePermission(opts.actor, 'catalog:file');
  return writeWorkbook(opts.kind, await listTechnicalFields({ db: opts.db }), null);
}

/** The actor's organisations' records, any status, in the template's layout plus status and id. */
export async function exportOwnRecords(opts: { db: Db; actor: Actor; kind: RecordKind }): Promise<Buffer> {
  const page = 500;
  const records: LoadedRecord[] = [];
  for (let offset = 0; ; offset += page) {
    const { items } = await listOwnRecords({ db: opts.db, actor: opts.actor, kind: opts.kind, limit: page, offset });
    records.push(...items);
    if (items.length < page) break;
  }
  return writeWorkbook(opts.kind, await listTechnicalFields({ db: opts.db }), records);
}

const capped = (issues: RowIssue[]): RowIssue[] =>
  issues.length <= MAX_REPORTED_ERRORS ? issues : [...issues.slice(0, MAX_REPORTED_ERRORS), { row: 0, field: 'rows', message: `… and ${issues.length - MAX_REPORTED_ERRORS} more errors` }];

async function finishJob(db: Db, id: string, status: 'succeeded' | 'failed', set: { errors?: RowIssue[]; processed?: number }) {
  await db
    .update(importJobs)
    .set({ status, finishedAt: clock.now(), ...set })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

/**
 * Progress written on another connection while the insert transaction is open, without awaiting it:
 * the transaction never waits on the pool, and GREATEST keeps a late write from moving it backwards.
 */
function reportProgress(db: Db, id: string, processed: number) {
  db.update(importJobs)
    .set({ processed: sql`GREATEST(${importJobs.processed}, ${processed})` })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')))
    .catch(() => undefined);
}

export interface ImportResult {
  jobId: string;
  imported: number;
  ids: string[];
}

/**
 * Imports a workbook as drafts of the actor's organisation, all or nothing. The import job row is
 * written outside the data transaction, so its progress and report can be read while it runs and
 * after it fails. `liveProgress`: the database has a second connection to write progress on while
 * the insert transaction is open (PostgreSQL; PGlite has one connection, and nobody can read until
 * the transaction ends anyway).
 */
export async function importRecords(opts: {
  db: Db;
  actor: Actor;
  kind: RecordKind;
  file: Buffer | null;
  organizationId?: string;
  jobId?: string;
  liveProgress?: boolean;
}): Promise<ImportResult> {
  const { db, actor, kind } = opts;
  requireUser(actor);
  const org = await filingOrganization(db, actor, opts.organizationId);
  const jobId = opts.jobId ?? newId();
  const created = await db
    .insert(importJobs)
    .values({ id: jobId, userId: actor.userId, organizationId: org.id, kind: `${kind}s`, status: 'running' })
    .onConflictDoNothing()
    .returning({ id: importJobs.id });
  if (created.length === 0) throw AppError.conflict('This import job id is already taken');
  const headers = { 'x-import-job-id': jobId };
  try {
    const rows = opts.file?.length
      ? await readImportFile(kind, opts.file, await listTechnicalFields({ db }))
      : `is missing: send the .xlsx file as the request body with content-type ${XLSX_MIME}`;
    if (typeof rows === 'string') {
      await finishJob(db, jobId, 'failed', { errors: [{ row: 0, field: 'file', message: `The file ${rows}` }] });
      throw new AppError('validation_failed', `file: The file ${rows}`, { fields: [{ field: 'file', message: `The file ${rows}` }], headers });
    }
    await db.update(importJobs).set({ total: rows.length }).where(eq(importJobs.id, jobId));

    const issues = rows.flatMap((r) => r.issues);
    if (issues.length) {
      const report = capped(issues);
      await finishJob(db, jobId, 'failed', { errors: report, processed: rows.length });
      const bad = new Set(issues.map((i) => i.row)).size;
      throw new AppError('validation_failed', `${bad} of ${rows.length} rows have errors; nothing was imported (import job ${jobId})`, {
        fields: report.map((i) => (i.row === 0 ? { field: i.field, message: i.message } : { field: `rows.${i.row}.${i.field}`, message: `第${i.row}行 ${i.message}` })),
        headers,
      });
    }

    const inputs = rows.map((r) => r.input!);
    const ids = inputs.map(() => newId());
    const table = TABLES[kind] as typeof achievements;
    await db.transaction(async (tx) => {
      for (let start = 0; start < inputs.length; start += INSERT_CHUNK) {
        const chunk = inputs.slice(start, start + INSERT_CHUNK);
        const values = chunk.map((input, i) => ({
          id: ids[start + i],
          organizationId: org.id,
          regionCode: org.regionCode,
          status: 'draft',
          createdBy: actor.userId,
          ...columnsFor(kind, input as never),
          searchVector: indexedText(kind, input, org.name),
        }));
        await tx.insert(table).values(values as unknown as Array<typeof achievements.$inferInsert>);
        for (const [i, input] of chunk.entries()) {
          await writeAudit(tx, actor, {
            action: `${kind}.create`,
            entity: kind,
            entityId: ids[start + i]!,
            organizationId: org.id,
            after: { ...columnsFor(kind, input as never), status: 'draft' },
          });
        }
        if (opts.liveProgress) reportProgress(db, jobId, start + chunk.length);
      }
    });
    await finishJob(db, jobId, 'succeeded', { processed: inputs.length });
    return { jobId, imported: ids.length, ids };
  } catch (err) {
    // Whatever stopped the import, the job must not stay `running` (a no-op when already finished).
    await finishJob(db, jobId, 'failed', { errors: [{ row: 0, field: 'file', message: 'The import stopped on an unexpected error; nothing was imported' }] }).catch(() => undefined);
    throw err;
  }
}

/** One import job, for the user who started it only (anyone else gets 404). */
export async function getImportJob(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'catalog:file');
  requireUser(opts.actor);
  const [job] = await opts.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, opts.id), eq(importJobs.userId, opts.actor.userId)))
    .limit(1);
  if (!job) throw AppError.notFound('Import job');
  return {
    id: job.id,
    kind: job.kind as 'achievements' | 'demands',
    status: job.status as 'running' | 'succeeded' | 'failed',
    total: job.total,
    processed: job.processed,
    errors: job.errors,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}
