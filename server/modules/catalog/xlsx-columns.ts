/**
 * The xlsx column layout of achievements and demands, shared by the template, the export and the
 * import, and the conversion of each cell to and from its value (incl. 万元 ⇄ fen).
 */
import type ExcelJS from 'exceljs';
import { IP_KIND_LABELS, IP_KINDS, RECORD_STATUS_LABELS, TRANSFER_MODE_LABELS, TRANSFER_MODES, type RecordStatus } from '../../../common/catalog.js';
import type { RecordKind } from './lifecycle.js';
import type { LoadedRecord } from './records.js';

const FEN_PER_WAN = 1_000_000n; // 1 万元 = 10,000 元 = 1,000,000 分

export type Scalar = string | number | boolean | Date | null;
export type TechnicalField = { code: string; nameZh: string; nameEn: string; scheme: string };
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

export function scalar(v: ExcelJS.CellValue): Scalar {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return v.result == null || (typeof v.result === 'object' && !(v.result instanceof Date)) ? null : v.result;
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : scalar(v.text as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  return null;
}

export const text = (v: Scalar): string => (v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());
const LIST_SEPARATORS = /[；;，,、\n]+/;
const ENTRY_SEPARATORS = /[；;\n]+/;
const splitList = (v: Scalar, by = LIST_SEPARATORS) => text(v).split(by).map((s) => s.trim()).filter(Boolean);
export const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
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

export interface ReadContext {
  /** Squashed field name or code → field code. */
  fieldCodes: Map<string, string>;
}

export interface Column<K extends RecordKind> {
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

export const columnsOf = (kind: RecordKind, fieldCount: number): Array<Column<RecordKind>> =>
  (kind === 'achievement' ? achievementColumns(fieldCount) : demandColumns(fieldCount)) as Array<Column<RecordKind>>;
