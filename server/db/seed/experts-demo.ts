import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { users } from '../schema/index.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { openPanel, submitScores } from '../../modules/experts/panels.js';
import { addRelation, createExpert } from '../../modules/experts/service.js';
import { assignRole } from '../../modules/identity/roles.js';
import { actorForUserId, createUser } from '../../modules/identity/service.js';

/**
 * The demo expert pool (专家库): twelve experts of Tianjin universities, institutes and firms across
 * fields, nine with accounts (expert@jinqiao.demo and expert.<surname>@jinqiao.demo) so that they can
 * be drawn; two roadshow panels on the shared scoring engine — one scored by five experts (the
 * aggregate drops the highest and the lowest), one open with expert@jinqiao.demo still to score.
 */
interface DemoExpert {
  email?: string;
  name: string;
  title: string;
  org?: string;
  organizationName?: string;
  fields: string[];
  keywords: string;
  bio: string;
  phone: string;
}

const EXPERTS: DemoExpert[] = [
  {
    email: 'expert@jinqiao.demo',
    name: '吴卫东',
    title: '研究员',
    org: 'inst',
    fields: ['D15', 'SEI3'],
    keywords: '锂离子电池 正极材料 固态电解质 高分子复合材料',
    bio: '长期从事储能材料研究，主持国家重点研发计划课题两项，获天津市科技进步一等奖。',
    phone: '022-25261001',
  },
  {
    email: 'expert.li@jinqiao.demo',
    name: '李振华',
    title: '教授',
    org: 'univ',
    fields: ['D15', 'D03'],
    keywords: '催化材料 膜分离 化工过程强化 反渗透膜',
    bio: '化工学院教授、博士生导师，研究方向为功能膜材料与分离过程。',
    phone: '022-27402002',
  },
  {
    email: 'expert.zhang@jinqiao.demo',
    name: '张晓燕',
    title: '正高级工程师',
    org: 'inst2',
    fields: ['D13', 'SEI2'],
    keywords: '工业机器人 智能制造 数控装备 产线数字化',
    bio: '先进制造研究院智能装备所所长，主持多项智能工厂改造项目。',
    phone: '022-29343003',
  },
  {
    email: 'expert.wang@jinqiao.demo',
    name: '王海涛',
    title: '教授',
    org: 'univ2',
    fields: ['D20', 'D22', 'SEI1'],
    keywords: '工业互联网 5G 边缘计算 数据安全',
    bio: '信息学院教授，天津市工业互联网专家咨询委员会委员。',
    phone: '022-23504004',
  },
  {
    email: 'expert.liu@jinqiao.demo',
    name: '刘静',
    title: '研究员',
    org: 'inst3',
    fields: ['D37', 'D07', 'SEI7'],
    keywords: '海水淡化 污水处理 海洋生态修复 膜污染控制',
    bio: '渤海海洋与环境研究所研究员，从事海水资源化利用与近岸生态修复。',
    phone: '022-66225005',
  },
  {
    email: 'expert.chen@jinqiao.demo',
    name: '陈明',
    title: '教授',
    org: 'univ3',
    fields: ['D45', 'D49', 'SEI4'],
    keywords: '肿瘤靶向药物 医疗器械 临床转化 药物制剂',
    bio: '医科大学药学院教授，国家药品审评专家库成员。',
    phone: '022-83336006',
  },
  {
    email: 'expert.zhao@jinqiao.demo',
    name: '赵建国',
    title: '教授',
    org: 'univ4',
    fields: ['D21', 'D13'],
    keywords: '自动控制 机器视觉 智能装备 工业机器人',
    bio: '滨海理工学院自动化系主任，研究方向为视觉伺服与智能检测。',
    phone: '022-59807007',
  },
  {
    email: 'expert.zhou@jinqiao.demo',
    name: '周斌',
    title: '高级工程师',
    org: 'tti',
    fields: ['D55', 'D50', 'SEI9'],
    keywords: '技术评估 知识产权运营 成果转化 技术经纪',
    bio: '津桥技术转移中心副主任，高级技术经理人，从事科技成果评估与交易服务十余年。',
    phone: '022-23318008',
  },
  {
    email: 'expert.ma@jinqiao.demo',
    name: '马俊',
    title: '教授',
    org: 'univ2',
    fields: ['D15', 'D13', 'SEI3'],
    keywords: '金属材料 增材制造 轻量化结构 表面工程',
    bio: '材料学院教授，天津市增材制造工程技术中心主任。',
    phone: '022-23509009',
  },
  {
    name: '孙丽',
    title: '研究员',
    org: 'univ5',
    fields: ['D39', 'D38'],
    keywords: '作物育种 食品安全检测 农产品加工',
    bio: '农学院研究员，从事小麦抗逆育种与农产品质量安全检测。',
    phone: '022-26781010',
  },
  {
    name: '郑雪梅',
    title: '律师',
    organizationName: '天津津港律师事务所',
    fields: ['D56'],
    keywords: '技术合同 知识产权许可 股权激励 合规审查',
    bio: '执业律师，专注技术交易与知识产权法律服务。',
    phone: '022-58301011',
  },
  {
    name: '黄志强',
    title: '注册会计师',
    organizationName: '天津信达会计师事务所',
    fields: ['D55'],
    keywords: '无形资产评估 财务尽职调查 作价入股',
    bio: '注册会计师、资产评估师，承办科技成果作价入股评估多项。',
    phone: '022-58301012',
  },
];

/** Roadshow scores (技术与产品, 市场, 商业模式, 团队, 路演): each row is one expert's sheet, in the order they are drawn. */
const PITCH_SCORES: Array<Record<string, number>> = [
  { technology: 26, market: 21, business_model: 16, team: 13, presentation: 8 },
  { technology: 24, market: 20, business_model: 15, team: 12, presentation: 8 },
  { technology: 28, market: 23, business_model: 18, team: 14, presentation: 9 },
  { technology: 22, market: 17, business_model: 13, team: 11, presentation: 7 },
  { technology: 27, market: 22, business_model: 17, team: 12, presentation: 9 },
];

export async function seedExpertsDemo(db: Db, opts: { orgIds: Map<string, string>; password: string }): Promise<void> {
  const actor = systemActor('seed:demo');
  const userIds = new Map<string, string>();
  const expertIds = new Map<string, string>();
  for (const e of EXPERTS) {
    let userId: string | null = null;
    if (e.email) {
      userId = await db.transaction(async (tx) => {
        // expert@jinqiao.demo is one of the demo accounts already; the others are made here.
        const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.email, e.email!));
        if (found) return found.id;
        const user = await createUser(tx, { email: e.email!, name: `专家 ${e.name}`, password: opts.password });
        await writeAudit(tx, actor, {
          action: 'user.create',
          entity: 'user',
          entityId: user.id,
          after: { email: user.email, name: e.name },
        });
        await assignRole(tx, actor, { userId: user.id, role: 'expert', organizationId: opts.orgIds.get(e.org!)! });
        return user.id;
      });
      userIds.set(e.name, userId);
    }
    const id = await createExpert({
      db,
      actor,
      input: {
        userId,
        name: e.name,
        title: e.title,
        organizationId: e.org ? opts.orgIds.get(e.org)! : null,
        organizationName: e.organizationName,
        fieldCodes: e.fields,
        keywords: e.keywords,
        bio: e.bio,
        email: e.email ?? null,
        phone: e.phone,
        available: true,
      },
    });
    expertIds.set(e.name, id);
  }
  await addRelation({
    db,
    actor,
    id: expertIds.get('李振华')!,
    input: { kind: 'relation', organizationId: opts.orgIds.get('ent2')!, partyName: '天津东丽新材料股份有限公司（兼任技术顾问）' },
  });
  await addRelation({
    db,
    actor,
    id: expertIds.get('马俊')!,
    input: { kind: 'coauthorship', organizationId: opts.orgIds.get('inst')!, partyName: '海河新材料研究院（合作发表论文）', year: 2025 },
  });

  const now = clock.now();
  const day = 86_400_000;
  // A roadshow scored by five experts: its aggregate drops the highest and the lowest total.
  const scored = await db.transaction((tx) =>
    openPanel(tx, actor, {
      subjectType: 'roadshow_entry',
      subjectId: 'demo-roadshow-2026-11-01',
      subjectTitle: '2026津门科技成果路演·新材料专场：高性能锂硫电池隔膜材料（津沽大学）',
      sheetKey: 'roadshow_pitch',
      size: 5,
      excludeOrganizationIds: [opts.orgIds.get('univ')!],
      dueAt: new Date(now.getTime() - 20 * day),
    }),
  );
  for (const [i, m] of scored.members.entries()) {
    const expertActor = await actorForUserId({ db, userId: m.userId });
    await db.transaction((tx) =>
      submitScores(tx, expertActor!, scored.panelId, { scores: PITCH_SCORES[i]!, comment: '技术路线清晰，建议补充中试数据。' }),
    );
  }
  // An open one in materials: expert@jinqiao.demo is on it (the panel takes every eligible D15 expert).
  const open = await db.transaction((tx) =>
    openPanel(tx, actor, {
      subjectType: 'roadshow_entry',
      subjectId: 'demo-roadshow-2026-12-15',
      subjectTitle: '2026津门科技成果路演·海洋专场：海水淡化反渗透膜组件（渤海海洋与环境研究所）',
      sheetKey: 'roadshow_pitch',
      size: 3,
      fieldCode: 'D15',
      excludeOrganizationIds: [opts.orgIds.get('inst3')!],
      dueAt: new Date(now.getTime() + 10 * day),
    }),
  );
  const li = open.members.find((m) => m.name === '李振华');
  if (li) {
    const liActor = await actorForUserId({ db, userId: li.userId });
    await db.transaction((tx) =>
      submitScores(tx, liActor!, open.panelId, {
        scores: { technology: 25, market: 22, business_model: 15, team: 13, presentation: 8 },
        comment: '膜通量指标有优势，产业化路径需进一步论证。',
      }),
    );
  }
}
