/**
 * The xlsx column layout of contracts, shared by the template, the export and both imports
 * (applications and historical registrations), and the conversion of each cell (元 ⇄ fen).
 */
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_SUBTYPE_LABELS,
  CONTRACT_TYPE_LABELS,
  COST_ITEM_KINDS,
  type ContractStatus,
  type ContractSubtype,
  type ContractType,
  type CostItemKind,
} from '../../../common/contracts.js';
import { IP_KIND_LABELS, IP_KINDS } from '../../../common/catalog.js';
import { ORGANIZATION_TYPE_LABELS } from '../../../common/roles.js';
import { localDateOf } from '../../lib/calendar.js';
import type { LoadedContract, PartyRow } from './records.js';

export type Scalar = string | number | boolean | Date | null;
export type Read = { ok: true; value: unknown } | { ok: false; error: string };
const ok = (value: unknown): Read => ({ ok: true, value });
const bad = (error: string): Read => ({ ok: false, error });

/** 元 as written in a cell → integer fen, from the decimal digits (never through a float product). */
export function yuanToFen(input: string | number): number | string {
  let s = typeof input === 'number' ? String(input) : input.trim().replace(/\s+/g, '').replace(/元$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return 'must be an amount in 元 such as 1200000.00';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 2) return 'is finer than 1 分 (at most 2 decimals in 元)';
  const fen = BigInt(m[1]!) * 100n + BigInt(frac.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return 'is implausibly large';
  return Number(fen);
}

/** Integer fen → the exact 元 decimal string (123456 → "1234.56"). */
export function fenToYuan(fen: number): string {
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export const text = (v: Scalar): string => (v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());
export const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const ENTRY = /[；;\n]+/;
const entries = (v: Scalar) => text(v).split(ENTRY).map((s) => s.trim()).filter(Boolean);
const parts = (entry: string) => entry.split(/[:：]/).map((p) => p.trim());
const joinList = (items: readonly string[]) => (items.length ? items.join('；') : null);

const readText = (v: Scalar): Read => ok(text(v) === '' ? undefined : text(v));

function readBool(v: Scalar): Read {
  if (typeof v === 'boolean') return ok(v);
  const s = squash(text(v));
  if (s === '') return ok(undefined);
  if (['是', 'y', 'yes', 'true', '1'].includes(s)) return ok(true);
  if (['否', 'n', 'no', 'false', '0'].includes(s)) return ok(false);
  return bad('use 是 or 否');
}

function readDate(v: Scalar): Read {
  if (v instanceof Date) return ok(v.toISOString().slice(0, 10));
  if (typeof v === 'number') return ok(new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000).toISOString().slice(0, 10));
  const s = text(v);
  if (s === '') return ok(undefined);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? ok(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : bad('must be a date like 2026-09-01');
}

function readMoney(v: Scalar): Read {
  const s = typeof v === 'number' ? v : text(v);
  if (s === '') return ok(undefined);
  const fen = yuanToFen(s);
  return typeof fen === 'number' ? ok(fen) : bad(fen);
}

/** A label (zh) or a code from a vocabulary. */
function readLabel<K extends string>(labels: Record<K, { zh: string }>, what: string) {
  return (v: Scalar): Read => {
    const s = text(v);
    if (s === '') return ok(undefined);
    const key = (Object.keys(labels) as K[]).find((k) => squash(labels[k].zh) === squash(s) || k === s);
    return key ? ok(key) : bad(`「${s}」 is not a known ${what}`);
  };
}

const PARTY_TYPE_LABELS: Record<string, { zh: string }> = { ...ORGANIZATION_TYPE_LABELS, individual: { zh: '个人' }, other: { zh: '其他' } };
const SUBTYPE_SHORT: Record<string, { zh: string }> = CONTRACT_SUBTYPE_LABELS;

/** Cost-item kinds as written in a cell. */
const COST_KIND_SHORT: Record<CostItemKind, string> = { equipment: '设备', instrument: '仪器', part: '零部件', raw_material: '原材料', technical_carrier: '技术载体' };

function readCosts(v: Scalar): Read {
  const out = [];
  for (const entry of entries(v)) {
    const [kindText, description, amount, ...note] = parts(entry);
    const kind = COST_ITEM_KINDS.find((k) => COST_KIND_SHORT[k] === squash(kindText ?? '') || k === kindText);
    if (!kind) return bad(`「${kindText}」 is not one of 设备、仪器、零部件、原材料、技术载体`);
    const fen = amount ? yuanToFen(amount) : 'is missing';
    if (typeof fen === 'string') return bad(`write each item as 类别:说明:金额(元):备注 — the amount of 「${entry}」 ${fen}`);
    out.push({ kind, description: description ?? '', amountFen: fen, note: note.join(':') });
  }
  return ok(out);
}

function readPayments(v: Scalar): Read {
  const out = [];
  for (const entry of entries(v)) {
    const [day, amount, ...condition] = parts(entry);
    const date = day ? readDate(day) : ok(null);
    const fen = amount ? yuanToFen(amount) : 'is missing';
    if (!date.ok || typeof fen === 'string') return bad(`write each payment as 日期:金额(元):条件 (日期 may be empty) — 「${entry}」`);
    out.push({ dueOn: date.value ?? null, amountFen: fen, condition: condition.join(':') });
  }
  return ok(out);
}

function readIp(v: Scalar): Read {
  const out = [];
  for (const entry of entries(v)) {
    const p = parts(entry);
    const kind = IP_KINDS.find((k) => squash(IP_KIND_LABELS[k].zh) === squash(p[0]!) || k === p[0]);
    if (!kind || p.length < 2) return bad(`write each entry as 类别:编号:名称, e.g. 发明专利:200310102344.5:一种… — 「${entry}」`);
    out.push(p.length === 2 ? { kind, number: null, title: p[1] } : { kind, number: p[1] || null, title: p.slice(2).join(':') });
  }
  return ok(out);
}

function scanLink(c: LoadedContract, publicUrl: string): string | null {
  const scan = c.attachments.find((a) => a.kind === 'signed_contract');
  return scan ? (scan.url ?? `${publicUrl}/api/contracts/${c.row.id}/attachments/${scan.id}`) : null;
}

export interface ReadContext {
  fieldCodes: Map<string, string>;
}

export interface Column {
  /** Where the value goes in the row draft (see assembleInput); dotted for party fields. */
  id: string;
  header: string;
  /** Input paths whose validation issues belong to this column. */
  keys: string[];
  /** In which imports the column is required. */
  required?: Array<'applications' | 'historical'>;
  width: number;
  help: string;
  example?: string;
  read(v: Scalar, ctx: ReadContext): Read;
  write(c: LoadedContract): Scalar;
  /** Only in the export; ignored by both imports. */
  exportOnly?: boolean;
}

const BOTH: Array<'applications' | 'historical'> = ['applications', 'historical'];

function partyColumns(role: 'seller' | 'buyer' | 'intermediary', zh: string): Column[] {
  const p = (c: LoadedContract): PartyRow | null => c.parties[role];
  // The applicant's side is completed from the applicant organisation; the schema still names a missing name.
  const required: Column['required'] = role === 'intermediary' ? undefined : ['historical'];
  return [
    { id: `${role}.name`, header: `${zh}名称`, keys: [`${role}.name`, role], required, width: 26, help: role === 'seller' ? '技术输出方；申请登记时为本单位（以平台登记信息为准）' : role === 'buyer' ? '技术吸纳方' : '选填', read: readText, write: (c) => p(c)?.name ?? null },
    { id: `${role}.creditCode`, header: `${zh}统一社会信用代码`, keys: [`${role}.creditCode`], width: 22, help: '境内单位必填（18 位，校验位会被核对）；个人、境外当事人不填', read: readText, write: (c) => p(c)?.creditCode ?? null },
    { id: `${role}.organizationType`, header: `${zh}单位类型`, keys: [`${role}.organizationType`], width: 12, help: '高校、科研院所、企业、技术转移机构、服务机构、投资机构、金融机构、园区、政府、个人、其他；不填为企业', read: readLabel(PARTY_TYPE_LABELS, 'organisation type'), write: (c) => (p(c) ? (PARTY_TYPE_LABELS[p(c)!.organizationType]?.zh ?? p(c)!.organizationType) : null) },
    { id: `${role}.regionCode`, header: `${zh}地区代码`, keys: [`${role}.regionCode`], width: 12, help: '境内当事人的 6 位行政区划代码（天津各区，或外省市的省级代码如 110000）', example: '120116', read: readText, write: (c) => p(c)?.regionCode ?? null },
    { id: `${role}.country`, header: `${zh}国家或地区`, keys: [`${role}.country`], width: 10, help: 'ISO 两位代码；不填为 CN（中国）', example: 'DE', read: readText, write: (c) => p(c)?.country ?? null },
  ];
}

/** `publicUrl` makes the exported link of an uploaded scan absolute, so the export re-imports. */
export function contractColumns(publicUrl = ''): Column[] {
  return [
    { id: 'title', header: '合同名称', keys: ['title'], required: BOTH, width: 32, help: '2–200 字', read: readText, write: (c) => c.row.title },
    { id: 'type', header: '合同类别', keys: ['type'], required: BOTH, width: 12, help: '技术开发、技术转让、技术许可、技术咨询、技术服务', example: '技术转让', read: readLabel(CONTRACT_TYPE_LABELS, 'contract type'), write: (c) => CONTRACT_TYPE_LABELS[c.row.type as ContractType].zh },
    { id: 'subtype', header: '合同子类', keys: ['subtype'], width: 18, help: '如 委托开发、合作开发、专利权转让、专利实施许可、技术培训、技术中介；技术咨询不填', example: '专利权转让', read: readLabel(SUBTYPE_SHORT, 'contract subtype'), write: (c) => (c.row.subtype ? CONTRACT_SUBTYPE_LABELS[c.row.subtype as ContractSubtype].zh : null) },
    { id: 'subject', header: '标的及主要内容', keys: ['subject'], required: BOTH, width: 40, help: '10–5000 字', read: readText, write: (c) => c.row.subject },
    { id: 'fieldCode', header: '技术领域', keys: ['fieldCode'], required: BOTH, width: 20, help: '技术领域的中文名称或代码（见“填写说明”）', example: '材料科学与工程', read: (v, ctx) => (text(v) === '' ? ok(undefined) : ctx.fieldCodes.has(squash(text(v))) ? ok(ctx.fieldCodes.get(squash(text(v)))) : bad(`「${text(v)}」 is not a known technical field (see the 填写说明 sheet)`)), write: (c) => c.fieldName ?? c.row.fieldCode },
    { id: 'signedOn', header: '签订日期', keys: ['signedOn'], required: BOTH, width: 12, help: '格式 2026-09-01', read: readDate, write: (c) => c.row.signedOn },
    { id: 'validFrom', header: '生效日期', keys: ['validFrom'], width: 12, help: '选填', read: readDate, write: (c) => c.row.validFrom },
    { id: 'validUntil', header: '终止日期', keys: ['validUntil'], width: 12, help: '选填，不早于生效日期', read: readDate, write: (c) => c.row.validUntil },
    ...partyColumns('seller', '卖方'),
    ...partyColumns('buyer', '买方'),
    ...partyColumns('intermediary', '中介方').slice(0, 2),
    { id: 'brokerName', header: '技术经纪人', keys: ['broker'], width: 12, help: '选填', read: readText, write: (c) => c.row.brokerName },
    { id: 'contractAmountFen', header: '合同成交额（元）', keys: ['contractAmountFen'], required: BOTH, width: 16, help: '单位元，最多两位小数', example: '1200000.00', read: readMoney, write: (c) => fenToYuan(c.row.contractAmountFen) },
    { id: 'nonTechnicalCosts', header: '非技术性费用明细', keys: ['nonTechnicalCosts'], width: 40, help: '每项写作 类别:说明:金额(元):备注，多项用“；”分隔。类别为 设备、仪器、零部件、原材料（扣除）或 技术载体（合理数量，不扣除）', example: '设备:反应釜一台:150000:专用设备', read: readCosts, write: (c) => joinList(c.costs.map((x) => `${COST_KIND_SHORT[x.kind as CostItemKind]}:${x.description}:${fenToYuan(x.amountFen)}:${x.note}`)) },
    { id: 'relatedServicesInvoicedTogether', header: '相关咨询服务同票开具', keys: ['relatedServicesInvoicedTogether'], width: 12, help: '相关技术咨询、技术服务与技术转让/开发价款在同一张发票开具：是/否', read: readBool, write: (c) => (c.row.relatedServicesInvoicedTogether ? '是' : '否') },
    { id: 'payments', header: '支付安排', keys: ['payments'], width: 36, help: '每期写作 日期:金额(元):条件（日期可空），多期用“；”分隔；合计不超过合同成交额', example: '2026-09-15:600000:签约后15日内；:600000:验收后30日内', read: readPayments, write: (c) => joinList(c.payments.map((p) => `${p.dueOn ?? ''}:${fenToYuan(p.amountFen)}:${p.condition}`)) },
    { id: 'ipInvolved', header: '涉及知识产权', keys: ['ipInvolved'], width: 36, help: '每项写作 类别:编号:名称，多项用“；”分隔', example: '发明专利:200310102344.5:一种…', read: readIp, write: (c) => joinList(c.row.ipInvolved.map((a) => `${IP_KIND_LABELS[a.kind].zh}:${a.number ?? ''}:${a.title}`)) },
    { id: 'scanUrl', header: '合同扫描件链接', keys: ['scanUrl'], required: ['applications'], width: 30, help: '已签署合同扫描件的网址（https://…）；申请登记时必填，申请才算完整', read: readText, write: (c) => scanLink(c, publicUrl) },
    { id: 'registrationNumber', header: '登记编号', keys: ['registrationNumber'], required: ['historical'], width: 18, help: '历史登记导入必填：年份 4 位 + 登记机构地区代码 6 位 + 顺序号 6 位；申请登记时不填', example: '2023120116000123', read: readText, write: (c) => c.row.registrationNumber },
    { id: 'certifiedOn', header: '登记日期', keys: ['certifiedOn'], required: ['historical'], width: 12, help: '历史登记导入必填', read: readDate, write: (c) => (c.row.certifiedAt ? localDateOf(c.row.certifiedAt) : null) },
    { id: 'technologyTransactionAmountFen', header: '技术交易额（元）', keys: ['technologyTransactionAmountFen'], width: 16, help: '历史登记导入：登记时核定的技术交易额；不填为 合同成交额 − 非技术性费用', read: readMoney, write: (c) => fenToYuan(c.row.technologyTransactionAmountFen) },
    { id: 'adjustmentReason', header: '核定调整说明', keys: ['adjustmentReason'], width: 24, help: '技术交易额与计算值不同时必填', read: readText, write: (c) => c.row.adjustmentReason },
    { id: 'status', header: '状态', keys: [], width: 10, help: '导出时填写；导入时忽略', exportOnly: true, read: () => ok(undefined), write: (c) => CONTRACT_STATUS_LABELS[c.row.status as ContractStatus]?.zh ?? c.row.status },
    { id: 'id', header: '系统编号', keys: [], width: 38, help: '导出时填写；导入时忽略', exportOnly: true, read: () => ok(undefined), write: (c) => c.row.id },
  ];
}
