/**
 * The xlsx sheets of achievements and demands, declared for the spreadsheet engine
 * (server/lib/spreadsheet): one column layout per kind serves the template, the export and the
 * import, so an exported file can be edited and imported again. Amounts are in 万元 (exact to the 分).
 */
import type ExcelJS from 'exceljs';
import { AchievementInput, DemandInput } from '../../../common/api/catalog.js';
import {
  IP_KIND_LABELS,
  IP_KINDS,
  RECORD_STATUS_LABELS,
  TRANSFER_MODE_LABELS,
  TRANSFER_MODES,
  TRL_LEVELS,
  type RecordStatus,
} from '../../../common/catalog.js';
import {
  bad,
  ENTRY_SEPARATORS,
  entryParts,
  fromFen,
  joinList,
  MAX_IMPORT_ROWS,
  ok,
  readBool,
  readDate,
} from '../../lib/spreadsheet/index.js';
import { exportOnlyColumn, readMoney, readText, splitList, squash, text, toFen, WAN, yesNo } from '../../lib/spreadsheet/index.js';
import type { Column, Read, Scalar, SheetSpec } from '../../lib/spreadsheet/index.js';
import type { RecordKind } from './lifecycle.js';
import type { LoadedRecord } from './records.js';

export type TechnicalField = { code: string; nameZh: string; nameEn: string; scheme: string };
export interface ReadContext {
  /** Squashed field name or code → field code. */
  fieldCodes: Map<string, string>;
}
type C = Column<LoadedRecord, ReadContext>;

const NEGOTIABLE = '面议';
/** 万元 as written in a cell → integer fen (or what is wrong with it). */
export const wanToFen = (input: string | number) => toFen(WAN, input, `, or ${NEGOTIABLE}`);
/** Integer fen → the exact 万元 decimal string (123400 → "0.1234"). */
export const fenToWan = (fen: number) => fromFen(WAN, fen);

/** A money cell: a number when the double prints back exactly, else the decimal text. */
const moneyCell = (fen: number | null): Scalar => {
  if (fen == null) return null;
  const s = fenToWan(fen);
  return String(Number(s)) === s ? Number(s) : s;
};

/** Contact columns line up by position, so an empty slot (张三；李四 with phones ；139…) is kept. */
function readAligned(v: Scalar): Read {
  const parts = text(v)
    .split(/[；;\n]/)
    .map((s) => s.trim());
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return ok(parts);
}

function readTrl(v: Scalar): Read {
  if (typeof v === 'number') return ok(v);
  const s = text(v);
  if (s === '') return ok(undefined);
  const m = /^(?:TRL)?\s*(\d+)\s*级?$/i.exec(s);
  return m ? ok(Number(m[1])) : bad('must be a whole number 1–9');
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

/** 类别:编号:名称；… → IP assets (also read by the contracts sheet's 涉及知识产权). */
export function readIpAssets(v: Scalar): Read {
  const assets = [];
  for (const entry of splitList(v, ENTRY_SEPARATORS)) {
    const parts = entryParts(entry);
    const kind = IP_KINDS.find((k) => squash(IP_KIND_LABELS[k].zh) === squash(parts[0]!) || k === parts[0]);
    if (!kind) return bad(`「${parts[0]}」 is not one of ${IP_KINDS.map((k) => IP_KIND_LABELS[k].zh).join('、')}`);
    if (parts.length < 2) return bad(`write each entry as 类别:编号:名称, e.g. 发明专利:200310102344.5:一种…`);
    assets.push(
      parts.length === 2 ? { kind, number: null, title: parts[1] } : { kind, number: parts[1] || null, title: parts.slice(2).join(':') },
    );
  }
  return ok(assets);
}

function readTeam(v: Scalar): Read {
  return ok(
    splitList(v, ENTRY_SEPARATORS).map((entry) => {
      const [name, title, role] = entryParts(entry);
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

function readField(v: Scalar, ctx: ReadContext): Read {
  const s = text(v);
  if (s === '') return ok(undefined);
  const code = ctx.fieldCodes.get(squash(s));
  return code ? ok(code) : bad(`「${s}」 is not a known technical field (see the 填写说明 sheet)`);
}

const YES_NO: ExcelJS.DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: ['"是,否"'],
  showErrorMessage: true,
  error: '请选择“是”或“否”',
};
const wholeTrl = (prompt: string): ExcelJS.DataValidation => ({
  type: 'whole',
  operator: 'between',
  allowBlank: true,
  formulae: [1, 9],
  showErrorMessage: true,
  error: '技术就绪水平为 1–9 的整数',
  showInputMessage: true,
  prompt,
});
const modeLabels = (modes: string[]) => joinList(modes.map((m) => TRANSFER_MODE_LABELS[m as (typeof TRANSFER_MODES)[number]]?.zh ?? m));
const contactList = (rec: LoadedRecord, key: 'name' | 'phone' | 'email') =>
  rec.row.contacts.some((c) => c[key]) ? rec.row.contacts.map((c) => c[key] ?? '').join('；') : null;
const MODE_CHOICES = { list: 'modes', prompt: '可多选，用“；”分隔' };
const ach = (r: LoadedRecord) => (r as LoadedRecord<'achievement'>).row;
const dem = (r: LoadedRecord) => (r as LoadedRecord<'demand'>).row;

const headColumns: C[] = [
  {
    id: 'title',
    header: '标题',
    keys: ['title'],
    required: true,
    width: 30,
    help: '成果或需求的名称，2–200 字',
    example: '高效锂离子电池正极材料制备技术',
    read: readText,
    write: (r) => r.row.title,
  },
  {
    id: 'summary',
    header: '摘要',
    keys: ['summary'],
    required: true,
    width: 50,
    help: '简介，10–5000 字',
    read: readText,
    write: (r) => r.row.summary,
  },
];
const fieldColumn: C = {
  id: 'fieldCode',
  header: '技术领域',
  keys: ['fieldCode'],
  required: true,
  width: 22,
  help: '技术领域的中文名称或代码，见本页右侧“技术领域”表',
  example: '材料科学与工程',
  read: readField,
  write: (r) => r.fieldName,
  choices: { list: 'fields', prompt: '从列表选择，或填写领域代码' },
};
const keywordsColumn: C = {
  id: 'keywords',
  header: '关键词',
  keys: ['keywords'],
  width: 24,
  help: '最多 10 个，用“；”或“,”分隔',
  example: '锂电池；正极材料',
  read: (v) => ok(splitList(v)),
  write: (r) => joinList(r.row.keywords),
};
const tailColumns: C[] = [
  {
    id: 'contactName',
    header: '联系人',
    keys: ['contacts', 'contacts.name'],
    width: 12,
    help: '多个联系人用“；”分隔，与联系电话、联系邮箱按顺序对应',
    read: readAligned,
    write: (r) => contactList(r, 'name'),
  },
  {
    id: 'contactPhone',
    header: '联系电话',
    keys: ['contacts.phone'],
    width: 16,
    help: '与联系人按顺序对应',
    read: readAligned,
    write: (r) => contactList(r, 'phone'),
  },
  {
    id: 'contactEmail',
    header: '联系邮箱',
    keys: ['contacts.email'],
    width: 22,
    help: '与联系人按顺序对应',
    read: readAligned,
    write: (r) => contactList(r, 'email'),
  },
  {
    id: 'attachments',
    header: '附件',
    keys: ['attachments'],
    width: 24,
    help: '每项写作 名称|链接，多项用“；”或换行分隔',
    example: '技术说明书|https://example.org/a.pdf',
    read: readAttachments,
    write: (r) => joinList(r.row.attachments.map((a) => `${a.name}|${a.url}`)),
  },
  {
    id: 'restricted',
    header: '限制公开',
    keys: ['restricted'],
    width: 10,
    help: '“是”：仅本单位与政府可见',
    read: readBool,
    write: (r) => yesNo(r.row.restricted),
    validation: YES_NO,
  },
];
const exportOnly: C[] = [
  exportOnlyColumn('status', '状态', 10, (r) => RECORD_STATUS_LABELS[r.row.status as RecordStatus]?.zh ?? r.row.status),
  exportOnlyColumn('organization', '所属单位', 24, (r) => r.organization.name, '导出时填写；导入时忽略（导入到所选单位）'),
  exportOnlyColumn('id', '编号', 38, (r) => r.row.id, '导出时填写；导入时忽略（导入总是新建草稿）'),
];

const achievementColumns: C[] = [
  ...headColumns,
  {
    id: 'problemSolved',
    header: '解决的问题',
    keys: ['problemSolved'],
    width: 30,
    help: '选填，至多 3000 字',
    read: readText,
    write: (r) => ach(r).problemSolved,
  },
  {
    id: 'advantage',
    header: '技术优势',
    keys: ['advantage'],
    width: 30,
    help: '选填，至多 3000 字',
    read: readText,
    write: (r) => ach(r).advantage,
  },
  fieldColumn,
  keywordsColumn,
  {
    id: 'trl',
    header: '技术就绪水平',
    keys: ['trl'],
    required: true,
    width: 12,
    help: '1–9 的整数，定义见本页右侧',
    example: '6',
    read: readTrl,
    write: (r) => ach(r).trl,
    validation: wholeTrl('1–9 的整数'),
  },
  {
    id: 'ipAssets',
    header: '知识产权',
    keys: ['ipAssets'],
    width: 40,
    help: '每项写作 类别:编号:名称，多项用“；”分隔；专利编号为中国专利申请号（校验位会被核对）；技术秘密等可省略编号',
    example: '发明专利:200310102344.5:一种正极材料的制备方法',
    read: readIpAssets,
    write: (r) => joinList(ach(r).ipAssets.map((a) => `${IP_KIND_LABELS[a.kind].zh}:${a.number ?? ''}:${a.title}`)),
  },
  {
    id: 'transferModes',
    header: '转化方式',
    keys: ['transferModes'],
    required: true,
    width: 20,
    help: '一种或多种，用“；”分隔',
    example: '转让；普通许可',
    read: readModes,
    write: (r) => modeLabels(ach(r).transferModes),
    choices: MODE_CHOICES,
  },
  {
    id: 'price',
    header: '价格（万元）',
    keys: ['priceFen', 'priceNegotiable'],
    required: true,
    requiredMessage: 'is required: an amount in 万元, or 面议',
    width: 14,
    help: '金额，单位万元（最多 6 位小数，即精确到分），或填写“面议”',
    example: '12.34',
    read: readMoney(WAN, NEGOTIABLE),
    write: (r) => (ach(r).priceNegotiable ? NEGOTIABLE : moneyCell(ach(r).priceFen)),
  },
  {
    id: 'publicFunding',
    header: '财政资金',
    keys: ['publicFunding'],
    width: 10,
    help: '是否由财政资金支持形成：“是”或“否”',
    read: readBool,
    write: (r) => yesNo(ach(r).publicFunding),
    validation: YES_NO,
  },
  {
    id: 'team',
    header: '团队成员',
    keys: ['team'],
    width: 24,
    help: '每人写作 姓名:职称:角色，多人用“；”分隔',
    example: '张三:教授:负责人',
    read: readTeam,
    write: (r) => joinList(ach(r).team.map((m) => [m.name, m.title ?? '', m.role ?? ''].join(':').replace(/:+$/, ''))),
  },
  ...tailColumns,
  ...exportOnly,
];

const budget = (id: string, header: string, key: 'budgetMinFen' | 'budgetMaxFen'): C => ({
  id,
  header,
  keys: [key],
  width: 14,
  help: '金额，单位万元（精确到分）；也可填写“面议”',
  read: readMoney(WAN, NEGOTIABLE),
  write: (r) => moneyCell(dem(r)[key]),
});
const demandColumns: C[] = [
  ...headColumns,
  fieldColumn,
  keywordsColumn,
  budget('budgetMin', '预算下限（万元）', 'budgetMinFen'),
  budget('budgetMax', '预算上限（万元）', 'budgetMaxFen'),
  {
    id: 'budgetNegotiable',
    header: '预算面议',
    keys: ['budgetNegotiable'],
    width: 10,
    help: '“是”：预算可面议；未填预算时必须为“是”',
    read: readBool,
    write: (r) => yesNo(dem(r).budgetNegotiable),
    validation: YES_NO,
  },
  {
    id: 'cooperationModes',
    header: '合作方式',
    keys: ['cooperationModes'],
    required: true,
    width: 20,
    help: '一种或多种，用“；”分隔',
    example: '合作开发',
    read: readModes,
    write: (r) => modeLabels(dem(r).cooperationModes),
    choices: MODE_CHOICES,
  },
  {
    id: 'trlMin',
    header: '最低TRL',
    keys: ['trlMin'],
    width: 10,
    help: '能承接的最低技术就绪水平，1–9，选填',
    read: readTrl,
    write: (r) => dem(r).trlMin,
    validation: wholeTrl('选填，1–9 的整数'),
  },
  {
    id: 'deadline',
    header: '截止日期',
    keys: ['deadline'],
    width: 12,
    help: '选填，格式 2026-12-31，不得早于今天，也不得晚于五年后',
    numFmt: 'yyyy-mm-dd',
    read: (v) => readDate(v),
    write: (r) => (dem(r).deadline ? new Date(`${dem(r).deadline}T00:00:00Z`) : null),
  },
  ...tailColumns,
  ...exportOnly,
];

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
  const common = {
    title: d.title,
    summary: d.summary,
    fieldCode: d.fieldCode,
    keywords: d.keywords,
    contacts,
    attachments: d.attachments,
    restricted: d.restricted,
  };
  type Money = { fen?: number; negotiable?: boolean } | undefined;
  if (kind === 'achievement') {
    const price = d.price as Money;
    return {
      ...common,
      problemSolved: d.problemSolved,
      advantage: d.advantage,
      trl: d.trl,
      ipAssets: d.ipAssets,
      transferModes: d.transferModes,
      priceFen: price?.fen ?? null,
      priceNegotiable: price?.negotiable ?? false,
      publicFunding: d.publicFunding,
      team: d.team,
    };
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

export const SHEET_NAME: Record<RecordKind, string> = { achievement: '科技成果', demand: '技术需求' };
export type RecordInput = AchievementInput | DemandInput;

/** The sheet of one kind, with the technical fields of the 填写说明 sheet. */
export function catalogSheet(kind: RecordKind, fields: TechnicalField[]): SheetSpec<LoadedRecord, RecordInput, ReadContext> {
  return {
    sheet: SHEET_NAME[kind],
    columns: kind === 'achievement' ? achievementColumns : demandColumns,
    errorField: 'path',
    schema: kind === 'achievement' ? AchievementInput : DemandInput,
    assemble: (draft) => assembleInput(kind, draft),
    notes: [
      `在“${SHEET_NAME[kind]}”表中每行填写一条；第 1 行为表头，请勿修改列名（列的顺序可以调整，多余的列会被忽略）。`,
      `每个文件最多 ${MAX_IMPORT_ROWS} 行。导入的记录均为草稿，需提交审核后才会发布。`,
      '任何一行有误时整个文件都不会导入，系统会列出每一行的错误；改正后重新上传即可。',
      '金额以万元为单位（1 万元 = 1,000,000 分），最多 6 位小数。导出的文件可直接修改后再次导入（状态、所属单位、编号列会被忽略，导入总是新建草稿）。',
    ],
    lists: [
      {
        id: 'fields',
        title: '技术领域',
        headers: ['名称', '代码', '分类'],
        widths: [26, 8, 8],
        rows: fields.map((f) => [f.nameZh, f.code, f.scheme === 'industry' ? '产业' : '学科']),
      },
      {
        id: 'modes',
        title: kind === 'achievement' ? '转化方式' : '合作方式',
        headers: ['名称'],
        widths: [12],
        rows: TRANSFER_MODES.map((m) => [TRANSFER_MODE_LABELS[m].zh]),
      },
      {
        id: 'ipKinds',
        title: '知识产权类别',
        headers: ['类别', '编号'],
        widths: [18, 12],
        rows: IP_KINDS.map((k) => [
          IP_KIND_LABELS[k].zh,
          ['invention_patent', 'utility_model', 'design_patent', 'pct'].includes(k) ? '专利申请号（必填）' : '登记号（选填）',
        ]),
      },
      { id: 'trl', title: '技术就绪水平（TRL）', headers: ['级别', '定义'], widths: [6, 40], rows: TRL_LEVELS.map((l) => [l.level, l.zh]) },
    ],
  };
}
