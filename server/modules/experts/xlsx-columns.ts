/**
 * The expert pool sheet, declared for the spreadsheet engine (server/lib/spreadsheet): one row per
 * expert, validated with the JSON API's ExpertBody; the employer is named (and, when it is on the
 * platform, given by credit code so the same-organisation conflict rule applies).
 */
import { z } from 'zod';
import { ExpertBody, EXPERT_TITLES } from '../../../common/api/experts.js';
import { bad, MAX_IMPORT_ROWS, ok, readBool, readText, splitList, squash } from '../../lib/spreadsheet/index.js';
import type { Column, Read, Scalar, SheetSpec } from '../../lib/spreadsheet/index.js';

export const ExpertImportRow = ExpertBody.omit({ userId: true, organizationId: true }).extend({
  /** The employer's 统一社会信用代码 when it is on the platform (resolved to its organisation). */
  organizationCreditCode: z.string().trim().max(18).optional(),
});
export type ExpertImportRow = z.infer<typeof ExpertImportRow>;

export interface ExpertReadContext {
  /** Squashed field name or code → field code. */
  fieldCodes: Map<string, string>;
}
type C = Column<never, ExpertReadContext>;

function readFields(v: Scalar, ctx: ExpertReadContext): Read {
  const codes: string[] = [];
  for (const item of splitList(v)) {
    const code = ctx.fieldCodes.get(squash(item));
    if (!code) return bad(`「${item}」 is not a known technical field (see the 填写说明 sheet)`);
    if (!codes.includes(code)) codes.push(code);
  }
  return ok(codes);
}

const none = () => null;
const columns: C[] = [
  {
    id: 'name',
    header: '姓名',
    keys: ['name'],
    required: true,
    width: 12,
    help: '最多 60 字',
    example: '李文静',
    read: readText,
    write: none,
  },
  {
    id: 'title',
    header: '职称',
    keys: ['title'],
    required: true,
    width: 14,
    help: `如 ${EXPERT_TITLES.slice(0, 6).join('、')}`,
    example: '教授',
    read: readText,
    write: none,
    choices: { list: 'titles', prompt: '可从列表选择，也可填写其他职称' },
  },
  {
    id: 'organizationName',
    header: '工作单位',
    keys: ['organizationName'],
    width: 26,
    help: '填写了统一社会信用代码时以平台登记的名称为准',
    example: '天津大学',
    read: readText,
    write: none,
  },
  {
    id: 'organizationCreditCode',
    header: '工作单位统一社会信用代码',
    keys: ['organizationCreditCode'],
    width: 24,
    help: '单位已在平台注册时填写（18 位）：评审时回避本单位的项目',
    read: readText,
    write: none,
  },
  {
    id: 'fieldCodes',
    header: '技术领域',
    keys: ['fieldCodes'],
    required: true,
    width: 26,
    help: '名称或代码，多个用；分隔（最多 10 个），见“技术领域”表',
    example: '新材料；高端装备制造',
    read: readFields,
    write: none,
    choices: { list: 'fields', prompt: '从列表选择，多个用；分隔' },
  },
  {
    id: 'keywords',
    header: '研究方向',
    keys: ['keywords'],
    width: 30,
    help: '用于与技术需求匹配，最多 500 字',
    read: readText,
    write: none,
  },
  { id: 'bio', header: '个人简介', keys: ['bio'], width: 30, help: '选填，最多 2000 字', read: readText, write: none },
  { id: 'email', header: '电子邮箱', keys: ['email'], width: 22, help: '选填；仅管理人员和本人可见', read: readText, write: none },
  { id: 'phone', header: '联系电话', keys: ['phone'], width: 16, help: '选填；仅管理人员和本人可见', read: readText, write: none },
  { id: 'available', header: '可参加评审', keys: ['available'], width: 10, help: '是 / 否，不填为是', read: readBool, write: none },
  {
    id: 'availabilityNote',
    header: '时间说明',
    keys: ['availabilityNote'],
    width: 20,
    help: '选填，如 2027 年 3 月前出国访学',
    read: readText,
    write: none,
  },
];

export function expertSheet(fields: Array<{ code: string; nameZh: string }>): SheetSpec<never, ExpertImportRow, ExpertReadContext> {
  return {
    sheet: '评审专家',
    columns,
    errorField: 'header',
    schema: ExpertImportRow,
    assemble: (d) => ({
      name: d.name,
      title: d.title,
      organizationName: d.organizationName,
      organizationCreditCode: d.organizationCreditCode,
      fieldCodes: d.fieldCodes ?? [],
      keywords: d.keywords,
      bio: d.bio ?? null,
      email: d.email ?? null,
      phone: d.phone ?? null,
      available: d.available,
      availabilityNote: d.availabilityNote ?? null,
    }),
    check: (d, fail) => {
      if (!d.organizationName && !d.organizationCreditCode)
        fail('organizationName', 'is required (or give the credit code of an organisation on the platform)');
    },
    notes: [
      '在“评审专家”表中每行填写一名专家；第 1 行为表头，请勿修改列名。',
      `每个文件最多 ${MAX_IMPORT_ROWS} 行。任何一行有误时整个文件都不会导入，系统会按行、列列出错误。`,
      '导入的专家没有平台账号，不会被抽取；为专家开通“专家”角色的账号并在专家库中关联后方可参加评审。',
      '已在专家库中的同名同单位专家会被拒绝导入。',
    ],
    lists: [
      { id: 'fields', title: '技术领域', headers: ['名称', '代码'], widths: [26, 8], rows: fields.map((f) => [f.nameZh, f.code]) },
      { id: 'titles', title: '常见职称', headers: ['职称'], widths: [14], rows: EXPERT_TITLES.map((t) => [t]) },
    ],
  };
}
