/**
 * The broker registry sheet, declared for the spreadsheet engine (server/lib/spreadsheet): one row
 * per broker with the employing institution (by credit code), the current accreditation and the
 * training records (课程:模块:学时:完成日期:证书编号；…), so a registry kept in Excel moves in whole.
 */
import { z } from 'zod';
import {
  AccreditationBody,
  BROKER_TIER_LABELS,
  BROKER_TIER_SOURCE,
  BROKER_TIERS,
  CreateBrokerBody,
  TRAINING_MODULE_LABELS,
  TRAINING_MODULES,
  TrainingBody,
} from '../../../common/api/brokers.js';
import {
  bad,
  ENTRY_SEPARATORS,
  entryParts,
  MAX_IMPORT_ROWS,
  ok,
  readDate,
  readLabel,
  readText,
  splitList,
} from '../../lib/spreadsheet/index.js';
import type { Column, Read, Scalar, SheetSpec } from '../../lib/spreadsheet/index.js';

export const BrokerImportRow = CreateBrokerBody.omit({ userId: true, employingOrganizationId: true }).extend({
  /** The employing institution's 统一社会信用代码, resolved to an organisation on the platform. */
  employerCreditCode: z.string().trim().max(18).optional(),
  accreditation: AccreditationBody.nullable(),
  trainings: z.array(TrainingBody).max(50),
});
export type BrokerImportRow = z.infer<typeof BrokerImportRow>;

type C = Column<never, unknown>;
const ACCREDITATION = ['tier', 'certificateNumber', 'issuedOn', 'expiresOn', 'issuer'] as const;

/** 课程:模块:学时:完成日期:证书编号:培训机构；… → training records. */
export function readTrainings(v: Scalar): Read {
  const out = [];
  for (const entry of splitList(v, ENTRY_SEPARATORS)) {
    const [course, moduleText, hoursText, day, certificateNumber, ...provider] = entryParts(entry);
    const module = TRAINING_MODULES.find((m) => TRAINING_MODULE_LABELS[m].zh === moduleText || m === moduleText);
    if (!module) return bad(`「${moduleText ?? ''}」 in 「${entry}」 is not one of 公共知识、政策法规、实务技能、能力提升`);
    const hours = Number(hoursText);
    if (!hoursText || !Number.isFinite(hours))
      return bad(`write each training as 课程:模块:学时:完成日期:证书编号 — the hours of 「${entry}」 are not a number`);
    const date = readDate(day ?? '', '2026-06-30');
    if (!date.ok || !date.value)
      return bad(`write each training as 课程:模块:学时:完成日期:证书编号 — the date of 「${entry}」 must be like 2026-06-30`);
    out.push({
      course: course ?? '',
      module,
      hours,
      completedOn: date.value,
      certificateNumber: certificateNumber || null,
      provider: provider.join(':') || null,
    });
  }
  return ok(out);
}

const columns: C[] = [
  {
    id: 'name',
    header: '姓名',
    keys: ['name'],
    required: true,
    width: 12,
    help: '2–60 字',
    example: '王海峰',
    read: readText,
    write: () => null,
  },
  {
    id: 'employerCreditCode',
    header: '所在机构统一社会信用代码',
    keys: ['employerCreditCode'],
    width: 24,
    help: '已在平台注册的所在机构（18 位）；不填为未在机构执业',
    example: '91120116MA05K8XX1Q',
    read: readText,
    write: () => null,
  },
  {
    id: 'specialties',
    header: '擅长领域',
    keys: ['specialties'],
    width: 24,
    help: '选填，最多 500 字',
    example: '新材料；专利运营',
    read: readText,
    write: () => null,
  },
  { id: 'bio', header: '个人简介', keys: ['bio'], width: 30, help: '选填，最多 2000 字', read: readText, write: () => null },
  {
    id: 'phone',
    header: '联系电话',
    keys: ['phone'],
    width: 16,
    help: '选填；仅登记管理人员和本人可见',
    read: readText,
    write: () => null,
  },
  {
    id: 'email',
    header: '电子邮箱',
    keys: ['email'],
    width: 22,
    help: '选填；仅登记管理人员和本人可见',
    read: readText,
    write: () => null,
  },
  {
    id: 'tier',
    header: '等级',
    keys: ['accreditation.tier'],
    width: 16,
    help: `${BROKER_TIERS.map((t) => BROKER_TIER_LABELS[t].zh).join('、')}（${BROKER_TIER_SOURCE}）；与证书编号、发证日期、有效期至、发证机构一并填写`,
    read: readLabel(BROKER_TIER_LABELS, 'tier'),
    write: () => null,
    choices: { list: 'tiers', prompt: '从列表选择等级' },
  },
  {
    id: 'certificateNumber',
    header: '证书编号',
    keys: ['accreditation.certificateNumber'],
    width: 20,
    help: '全平台唯一',
    read: readText,
    write: () => null,
  },
  {
    id: 'issuedOn',
    header: '发证日期',
    keys: ['accreditation.issuedOn'],
    width: 12,
    help: '如 2025-06-30',
    read: (v) => readDate(v, '2025-06-30'),
    write: () => null,
  },
  {
    id: 'expiresOn',
    header: '有效期至',
    keys: ['accreditation.expiresOn'],
    width: 12,
    help: '晚于发证日期',
    read: (v) => readDate(v, '2028-06-29'),
    write: () => null,
  },
  {
    id: 'issuer',
    header: '发证机构',
    keys: ['accreditation.issuer'],
    width: 24,
    help: '如 天津市科学技术局',
    read: readText,
    write: () => null,
  },
  {
    id: 'trainings',
    header: '培训记录',
    keys: ['trainings'],
    width: 40,
    help: '每条写作 课程:模块:学时:完成日期:证书编号:培训机构，多条用；分隔；模块为 公共知识、政策法规、实务技能、能力提升',
    example: '技术合同实务:实务技能:16:2025-05-20:TJJS-2025-0112',
    read: readTrainings,
    write: () => null,
  },
];

export const brokerSheet: SheetSpec<never, BrokerImportRow, unknown> = {
  sheet: '技术经纪人',
  columns,
  errorField: 'header',
  schema: BrokerImportRow,
  assemble: (d) => ({
    name: d.name,
    employerCreditCode: d.employerCreditCode,
    specialties: d.specialties,
    bio: d.bio,
    phone: d.phone ?? null,
    email: d.email ?? null,
    accreditation: ACCREDITATION.some((k) => d[k] !== undefined) ? Object.fromEntries(ACCREDITATION.map((k) => [k, d[k]])) : null,
    trainings: d.trainings ?? [],
  }),
  check: (d, fail) => {
    if (ACCREDITATION.some((k) => d[k] !== undefined))
      for (const k of ACCREDITATION)
        if (d[k] === undefined) fail(k, 'is required with the other certificate columns (等级、证书编号、发证日期、有效期至、发证机构)');
    if (typeof d.issuedOn === 'string' && typeof d.expiresOn === 'string' && d.expiresOn <= d.issuedOn)
      fail('expiresOn', 'must be after 发证日期');
  },
  notes: [
    '在“技术经纪人”表中每行填写一名技术经纪人/技术经理人；第 1 行为表头，请勿修改列名。',
    `每个文件最多 ${MAX_IMPORT_ROWS} 行。任何一行有误时整个文件都不会导入，系统会按行、列列出错误。`,
    '等级证书的五列（等级、证书编号、发证日期、有效期至、发证机构）要么都填，要么都不填。',
    '业绩（登记合同、成交项目）由平台根据登记的技术合同计算，不能导入。已在名录中的同名同机构人员会被拒绝导入。',
  ],
  lists: [
    { id: 'tiers', title: '等级', headers: ['等级'], widths: [18], rows: BROKER_TIERS.map((t) => [BROKER_TIER_LABELS[t].zh]) },
    {
      id: 'modules',
      title: '培训模块',
      headers: ['模块'],
      widths: [12],
      rows: TRAINING_MODULES.map((m) => [TRAINING_MODULE_LABELS[m].zh]),
    },
  ],
};
