/**
 * The contracts sheet, declared for the spreadsheet engine (server/lib/spreadsheet): one column
 * layout for the template, the export and both imports (applications and historical registrations),
 * and the conversion of each cell (元 ⇄ fen).
 */
import { z } from 'zod';
import { ContractInput } from '../../../common/api/contracts.js';
import { IP_KIND_LABELS } from '../../../common/catalog.js';
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_SUBTYPE_LABELS,
  CONTRACT_SUBTYPES,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
  COST_ITEM_KINDS,
  parseRegistrationNumber,
  type ContractStatus,
  type ContractSubtype,
  type ContractType,
  type CostItemKind,
} from '../../../common/contracts.js';
import { ORGANIZATION_TYPE_LABELS } from '../../../common/roles.js';
import { localDateOf } from '../../lib/calendar.js';
import { bad, entryParts, fromFen, joinList, MAX_IMPORT_ROWS, ok, readBool, readDate, readLabel } from '../../lib/spreadsheet/index.js';
import {
  exportOnlyColumn,
  readMoney,
  readText,
  splitList,
  ENTRY_SEPARATORS,
  squash,
  text,
  toFen,
  YUAN,
  yesNo,
} from '../../lib/spreadsheet/index.js';
import type { Column, Read, Scalar, SheetSpec } from '../../lib/spreadsheet/index.js';
import { readIpAssets } from '../catalog/xlsx-columns.js';
import type { Organization } from './content.js';
import type { LoadedContract, PartyRow } from './records.js';

export type ImportMode = 'applications' | 'historical';
export interface ReadContext {
  fieldCodes: Map<string, string>;
  /** Applications: the applicant organisation, which completes the applicant's party. */
  applicant: Organization | null;
}
type C = Column<LoadedContract, ReadContext>;

/** 元 as written in a cell → integer fen (or what is wrong with it). */
export const yuanToFen = (input: string | number) => toFen(YUAN, input);
/** Integer fen → the exact 元 decimal string (123456 → "1234.56"). */
export const fenToYuan = (fen: number) => fromFen(YUAN, fen);

const entries = (v: Scalar) => splitList(v, ENTRY_SEPARATORS);
const readDay = (v: Scalar) => readDate(v, '2026-09-01');

const PARTY_TYPE_LABELS: Record<string, { zh: string }> = {
  ...ORGANIZATION_TYPE_LABELS,
  individual: { zh: '个人' },
  other: { zh: '其他' },
};
const SUBTYPE_SHORT: Record<string, { zh: string }> = CONTRACT_SUBTYPE_LABELS;

/** Cost-item kinds as written in a cell. */
const COST_KIND_SHORT: Record<CostItemKind, string> = {
  equipment: '设备',
  instrument: '仪器',
  part: '零部件',
  raw_material: '原材料',
  technical_carrier: '技术载体',
};

function readCosts(v: Scalar): Read {
  const out = [];
  for (const entry of entries(v)) {
    const [kindText, description, amount, ...note] = entryParts(entry);
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
    const [day, amount, ...condition] = entryParts(entry);
    const date = day ? readDay(day) : ok(null);
    const fen = amount ? yuanToFen(amount) : 'is missing';
    if (!date.ok || typeof fen === 'string') return bad(`write each payment as 日期:金额(元):条件 (日期 may be empty) — 「${entry}」`);
    out.push({ dueOn: date.value ?? null, amountFen: fen, condition: condition.join(':') });
  }
  return ok(out);
}

function readField(v: Scalar, ctx: ReadContext): Read {
  const s = text(v);
  if (s === '') return ok(undefined);
  return ctx.fieldCodes.has(squash(s))
    ? ok(ctx.fieldCodes.get(squash(s)))
    : bad(`「${s}」 is not a known technical field (see the 填写说明 sheet)`);
}

function scanLink(c: LoadedContract, publicUrl: string): string | null {
  const scan = c.attachments.find((a) => a.kind === 'signed_contract');
  return scan ? (scan.url ?? `${publicUrl}/api/contracts/${c.row.id}/attachments/${scan.id}`) : null;
}

const BOTH: ImportMode[] = ['applications', 'historical'];
const money = readMoney(YUAN);

function partyColumns(role: 'seller' | 'buyer' | 'intermediary', zh: string): C[] {
  const p = (c: LoadedContract): PartyRow | null => c.parties[role];
  // The applicant's side is completed from the applicant organisation; the schema still names a missing name.
  const required: ImportMode[] | undefined = role === 'intermediary' ? undefined : ['historical'];
  const nameHelp = role === 'seller' ? '技术输出方；申请登记时为本单位（以平台登记信息为准）' : role === 'buyer' ? '技术吸纳方' : '选填';
  const typeOf = (c: LoadedContract) => (p(c) ? (PARTY_TYPE_LABELS[p(c)!.organizationType]?.zh ?? p(c)!.organizationType) : null);
  return [
    {
      id: `${role}.name`,
      header: `${zh}名称`,
      keys: [`${role}.name`, role],
      required,
      width: 26,
      help: nameHelp,
      read: readText,
      write: (c) => p(c)?.name ?? null,
    },
    {
      id: `${role}.creditCode`,
      header: `${zh}统一社会信用代码`,
      keys: [`${role}.creditCode`],
      width: 22,
      help: '境内单位必填（18 位，校验位会被核对）；个人、境外当事人不填',
      read: readText,
      write: (c) => p(c)?.creditCode ?? null,
    },
    {
      id: `${role}.organizationType`,
      header: `${zh}单位类型`,
      keys: [`${role}.organizationType`],
      width: 12,
      help: '高校、科研院所、企业、技术转移机构、服务机构、投资机构、金融机构、园区、政府、个人、其他；不填为企业',
      read: readLabel(PARTY_TYPE_LABELS, 'organisation type'),
      write: typeOf,
    },
    {
      id: `${role}.regionCode`,
      header: `${zh}地区代码`,
      keys: [`${role}.regionCode`],
      width: 12,
      help: '境内当事人的 6 位行政区划代码（天津各区，或外省市的省级代码如 110000）',
      example: '120116',
      read: readText,
      write: (c) => p(c)?.regionCode ?? null,
    },
    {
      id: `${role}.country`,
      header: `${zh}国家或地区`,
      keys: [`${role}.country`],
      width: 10,
      help: 'ISO 两位代码；不填为 CN（中国）',
      example: 'DE',
      read: readText,
      write: (c) => p(c)?.country ?? null,
    },
  ];
}

/** `publicUrl` makes the exported link of an uploaded scan absolute, so the export re-imports. */
function contractColumns(publicUrl: string): C[] {
  return [
    {
      id: 'title',
      header: '合同名称',
      keys: ['title'],
      required: BOTH,
      width: 32,
      help: '2–200 字',
      read: readText,
      write: (c) => c.row.title,
    },
    {
      id: 'type',
      header: '合同类别',
      keys: ['type'],
      required: BOTH,
      width: 12,
      help: '技术开发、技术转让、技术许可、技术咨询、技术服务',
      example: '技术转让',
      read: readLabel(CONTRACT_TYPE_LABELS, 'contract type'),
      write: (c) => CONTRACT_TYPE_LABELS[c.row.type as ContractType].zh,
    },
    {
      id: 'subtype',
      header: '合同子类',
      keys: ['subtype'],
      width: 18,
      help: '如 委托开发、合作开发、专利权转让、专利实施许可、技术培训、技术中介；技术咨询不填',
      example: '专利权转让',
      read: readLabel(SUBTYPE_SHORT, 'contract subtype'),
      write: (c) => (c.row.subtype ? CONTRACT_SUBTYPE_LABELS[c.row.subtype as ContractSubtype].zh : null),
    },
    {
      id: 'subject',
      header: '标的及主要内容',
      keys: ['subject'],
      required: BOTH,
      width: 40,
      help: '10–5000 字',
      read: readText,
      write: (c) => c.row.subject,
    },
    {
      id: 'fieldCode',
      header: '技术领域',
      keys: ['fieldCode'],
      required: BOTH,
      width: 20,
      help: '技术领域的中文名称或代码（见“填写说明”）',
      example: '材料科学与工程',
      read: readField,
      write: (c) => c.fieldName ?? c.row.fieldCode,
    },
    {
      id: 'signedOn',
      header: '签订日期',
      keys: ['signedOn'],
      required: BOTH,
      width: 12,
      help: '格式 2026-09-01',
      read: readDay,
      write: (c) => c.row.signedOn,
    },
    { id: 'validFrom', header: '生效日期', keys: ['validFrom'], width: 12, help: '选填', read: readDay, write: (c) => c.row.validFrom },
    {
      id: 'validUntil',
      header: '终止日期',
      keys: ['validUntil'],
      width: 12,
      help: '选填，不早于生效日期',
      read: readDay,
      write: (c) => c.row.validUntil,
    },
    ...partyColumns('seller', '卖方'),
    ...partyColumns('buyer', '买方'),
    ...partyColumns('intermediary', '中介方').slice(0, 2),
    { id: 'brokerName', header: '技术经纪人', keys: ['broker'], width: 12, help: '选填', read: readText, write: (c) => c.row.brokerName },
    {
      id: 'contractAmountFen',
      header: '合同成交额（元）',
      keys: ['contractAmountFen'],
      required: BOTH,
      width: 16,
      help: '单位元，最多两位小数',
      example: '1200000.00',
      read: money,
      write: (c) => fenToYuan(c.row.contractAmountFen),
    },
    {
      id: 'nonTechnicalCosts',
      header: '非技术性费用明细',
      keys: ['nonTechnicalCosts'],
      width: 40,
      help: '每项写作 类别:说明:金额(元):备注，多项用“；”分隔。类别为 设备、仪器、零部件、原材料（扣除）或 技术载体（合理数量，不扣除）',
      example: '设备:反应釜一台:150000:专用设备',
      read: readCosts,
      write: (c) =>
        joinList(c.costs.map((x) => `${COST_KIND_SHORT[x.kind as CostItemKind]}:${x.description}:${fenToYuan(x.amountFen)}:${x.note}`)),
    },
    {
      id: 'relatedServicesInvoicedTogether',
      header: '相关咨询服务同票开具',
      keys: ['relatedServicesInvoicedTogether'],
      width: 12,
      help: '相关技术咨询、技术服务与技术转让/开发价款在同一张发票开具：是/否',
      read: readBool,
      write: (c) => yesNo(c.row.relatedServicesInvoicedTogether),
    },
    {
      id: 'payments',
      header: '支付安排',
      keys: ['payments'],
      width: 36,
      help: '每期写作 日期:金额(元):条件（日期可空），多期用“；”分隔；合计不超过合同成交额',
      example: '2026-09-15:600000:签约后15日内；:600000:验收后30日内',
      read: readPayments,
      write: (c) => joinList(c.payments.map((p) => `${p.dueOn ?? ''}:${fenToYuan(p.amountFen)}:${p.condition}`)),
    },
    {
      id: 'ipInvolved',
      header: '涉及知识产权',
      keys: ['ipInvolved'],
      width: 36,
      help: '每项写作 类别:编号:名称，多项用“；”分隔',
      example: '发明专利:200310102344.5:一种…',
      read: readIpAssets,
      write: (c) => joinList(c.row.ipInvolved.map((a) => `${IP_KIND_LABELS[a.kind].zh}:${a.number ?? ''}:${a.title}`)),
    },
    {
      id: 'scanUrl',
      header: '合同扫描件链接',
      keys: ['scanUrl'],
      required: ['applications'],
      width: 30,
      help: '已签署合同扫描件的网址（https://…）；申请登记时必填，申请才算完整',
      read: readText,
      write: (c) => scanLink(c, publicUrl),
    },
    {
      id: 'registrationNumber',
      header: '登记编号',
      keys: ['registrationNumber'],
      required: ['historical'],
      width: 18,
      help: '历史登记导入必填：年份 4 位 + 登记机构地区代码 6 位 + 顺序号 6 位；申请登记时不填',
      example: '2023120116000123',
      read: readText,
      write: (c) => c.row.registrationNumber,
    },
    {
      id: 'certifiedOn',
      header: '登记日期',
      keys: ['certifiedOn'],
      required: ['historical'],
      width: 12,
      help: '历史登记导入必填',
      read: readDay,
      write: (c) => (c.row.certifiedAt ? localDateOf(c.row.certifiedAt) : null),
    },
    {
      id: 'technologyTransactionAmountFen',
      header: '技术交易额（元）',
      keys: ['technologyTransactionAmountFen'],
      width: 16,
      help: '历史登记导入：登记时核定的技术交易额；不填为 合同成交额 − 非技术性费用',
      read: money,
      write: (c) => fenToYuan(c.row.technologyTransactionAmountFen),
    },
    {
      id: 'adjustmentReason',
      header: '核定调整说明',
      keys: ['adjustmentReason'],
      width: 24,
      help: '技术交易额与计算值不同时必填',
      read: readText,
      write: (c) => c.row.adjustmentReason,
    },
    exportOnlyColumn('status', '状态', 10, (c) => CONTRACT_STATUS_LABELS[c.row.status as ContractStatus]?.zh ?? c.row.status),
    exportOnlyColumn('id', '系统编号', 38, (c) => c.row.id),
  ];
}

/** The row draft → the object ContractInput validates; the applicant's side is completed from the applicant organisation. */
function assembleInput(d: Record<string, unknown>, applicant: Organization | null): Record<string, unknown> {
  const party = (role: string) => ({
    name: d[`${role}.name`],
    creditCode: d[`${role}.creditCode`] ?? null,
    organizationType: d[`${role}.organizationType`] ?? 'enterprise',
    regionCode: d[`${role}.regionCode`] ?? null,
    country: d[`${role}.country`] ?? 'CN',
  });
  const seller = party('seller');
  const buyer = party('buyer');
  if (applicant) {
    const own = squash(String(seller.country)) === 'cn' ? seller : buyer;
    Object.assign(own, {
      name: own.name ?? applicant.name,
      creditCode: own.creditCode ?? applicant.creditCode,
      regionCode: own.regionCode ?? applicant.regionCode,
      organizationType: d[`${own === seller ? 'seller' : 'buyer'}.organizationType`] ?? applicant.type,
    });
  }
  return {
    type: d.type,
    subtype: d.subtype ?? null,
    title: d.title,
    subject: d.subject,
    fieldCode: d.fieldCode,
    signedOn: d.signedOn,
    validFrom: d.validFrom ?? null,
    validUntil: d.validUntil ?? null,
    seller,
    buyer,
    intermediary: d['intermediary.name'] ? { ...party('intermediary'), organizationType: 'transfer_institution' } : null,
    broker: d.brokerName ? { name: d.brokerName } : null,
    contractAmountFen: d.contractAmountFen,
    nonTechnicalCosts: d.nonTechnicalCosts ?? [],
    relatedServicesInvoicedTogether: d.relatedServicesInvoicedTogether ?? false,
    payments: d.payments ?? [],
    ipInvolved: d.ipInvolved ?? [],
  };
}

const Url = z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).max(500);

/** What a row carries besides the contract itself. */
export interface RowExtras {
  scanUrl: string | null;
  registrationNumber: string | null;
  certifiedOn: string | null;
  technologyTransactionAmountFen: number | undefined;
  adjustmentReason: string | null;
}

export const extrasOf = (draft: Record<string, unknown>): RowExtras => ({
  scanUrl: (draft.scanUrl as string | undefined) ?? null,
  registrationNumber: (draft.registrationNumber as string | undefined) ?? null,
  certifiedOn: (draft.certifiedOn as string | undefined) ?? null,
  technologyTransactionAmountFen: draft.technologyTransactionAmountFen as number | undefined,
  adjustmentReason: (draft.adjustmentReason as string | undefined) ?? null,
});

export const SHEET = '技术合同';

/** The contracts sheet; `fields` fill the 填写说明 sheet's technical-field table. */
export function contractSheet(
  fields: Array<{ code: string; nameZh: string }>,
  publicUrl = '',
): SheetSpec<LoadedContract, ContractInput, ReadContext> {
  return {
    sheet: SHEET,
    columns: contractColumns(publicUrl),
    modes: { applications: '申请登记', historical: '历史登记' },
    errorField: 'header',
    schema: ContractInput,
    assemble: (draft, ctx) => assembleInput(draft, ctx.applicant),
    check: (draft, fail, mode) => {
      const extras = extrasOf(draft);
      if (extras.scanUrl && !Url.safeParse(extras.scanUrl).success) fail('scanUrl', 'must be an http(s) link');
      if (mode === 'historical' && extras.registrationNumber && !parseRegistrationNumber(extras.registrationNumber))
        fail('registrationNumber', 'must be 16 digits: year (4) + region code (6) + sequence (6)');
    },
    notes: [
      `每行一份合同，第 1 行为表头，请勿修改列名（顺序可调整，多余的列被忽略）。每个文件最多 ${MAX_IMPORT_ROWS} 行。`,
      '申请登记导入：每行成为一份已提交的认定登记申请（本单位为卖方，技术引进时为买方），登记机构的办理时限自导入时起算。',
      '历史登记导入（登记员）：每行成为本登记机构一份已认定登记的合同，保留原登记编号与登记日期。',
      '任何一行有误时整个文件都不导入，系统列出每一行每一列的错误；改正后重新上传即可。导出的文件可直接再次导入。',
    ],
    lists: [
      { id: 'fields', title: '技术领域', headers: ['名称', '代码'], widths: [26, 10], rows: fields.map((f) => [f.nameZh, f.code]) },
      {
        id: 'types',
        title: '合同类别',
        headers: ['类别', '子类'],
        widths: [14, 30],
        rows: CONTRACT_TYPES.map((t) => [
          CONTRACT_TYPE_LABELS[t].zh,
          CONTRACT_SUBTYPES[t].map((s) => CONTRACT_SUBTYPE_LABELS[s].zh).join('、') || '（无子类）',
        ]),
      },
    ],
  };
}

/** The column header an input path belongs to (for reference issues found after parsing). */
export function headerFor(field: string): string {
  const columns = contractColumns('');
  const col = columns.find((c) => c.keys.includes(field)) ?? columns.find((c) => c.keys.includes(field.split('.')[0]!));
  return col?.header ?? field;
}
