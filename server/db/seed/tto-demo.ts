import type { DecisionInput, DisclosureInput } from '../../../common/api/disclosures.js';
import { patentCheckChar } from '../../../common/patent-number.js';
import type { Db } from '../client.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { assignRole } from '../../modules/identity/roles.js';
import { actorForUserId, createUser } from '../../modules/identity/service.js';
import {
  assessDisclosure,
  confirmInventor,
  createAchievementFromDisclosure,
  createDisclosure,
  decideDisclosure,
  getDisclosure,
  transitionDisclosure,
} from '../../modules/disclosures/service.js';
import { createDistribution, transitionDistribution } from '../../modules/distributions/service.js';
import { listDeals, ownDealsWhere } from '../../modules/trading/deals.js';

/**
 * The university TTO's year at 津沽大学 (demo mode only), through the services as the demo accounts:
 * disclosures at every stage (draft awaiting a confirmation, submitted, returned, assessing, decided
 * and turned into an achievement, released), and the income of its paid deal distributed, approved
 * by another person than its maker, and paid. Adds the TTO's technology manager (tto@jinqiao.demo).
 */
export async function seedTtoDemo(
  db: Db,
  opts: { universityId: string; researcherUserId: string; adminUserId: string; password: string },
): Promise<void> {
  const system = systemActor('seed:tto-demo');
  const managerId = await db.transaction(async (tx) => {
    const user = await createUser(tx, {
      email: 'tto@jinqiao.demo',
      name: '津沽大学 技术转移中心 技术经理人 何静',
      password: opts.password,
    });
    await writeAudit(tx, system, { action: 'user.create', entity: 'user', entityId: user.id, after: { email: user.email } });
    await assignRole(tx, system, { userId: user.id, role: 'broker', organizationId: opts.universityId });
    return user.id;
  });
  const researcher = (await actorForUserId({ db, userId: opts.researcherUserId }))!;
  const manager = (await actorForUserId({ db, userId: managerId }))!;
  const admin = (await actorForUserId({ db, userId: opts.adminUserId }))!;

  const base = (title: string, summary: string, extra: Partial<DisclosureInput> = {}): DisclosureInput => ({
    title,
    summary,
    keywords: [],
    fieldCode: 'D15',
    trl: 4,
    confidentialDescription: '技术方案细节、实验数据与关键工艺参数（保密）。',
    confidentialAttachments: [],
    publications: [],
    fundingSources: [{ funder: '国家自然科学基金委员会', programme: '面上项目', grantNumber: '52272118', publicFunding: true }],
    thirdPartyMaterials: [],
    inventors: [
      { name: '刘教授', userId: opts.researcherUserId, organizationName: '津沽大学', contributionPct: 70 },
      { name: '王博士（博士后）', organizationName: '津沽大学', contributionPct: 30 },
    ],
    ...extra,
  });
  /** Creates and confirms (the researcher himself; the TTO records the post-doc's paper form); optionally submits. */
  const disclose = async (input: DisclosureInput, submit: boolean) => {
    const id = await createDisclosure({ db, actor: researcher, input });
    const d = await getDisclosure({ db, actor: manager, id });
    for (const inv of d.inventors) await confirmInventor({ db, actor: inv.userId ? researcher : manager, id, inventorId: inv.id });
    if (submit) await transitionDisclosure({ db, actor: researcher, id, action: 'submit' });
    return id;
  };

  // A draft still waiting for the post-doc's confirmation.
  await createDisclosure({
    db,
    actor: researcher,
    input: base(
      '一种海水淡化用石墨烯复合膜及其制备方法',
      '以氧化石墨烯与聚酰胺复合形成选择层，提高通量并抑制膜污染，适用于反渗透海水淡化。',
      {
        keywords: ['石墨烯', '反渗透', '海水淡化'],
        publications: [{ title: '石墨烯复合反渗透膜的抗污染性能', venue: '膜科学与技术', date: '2027-03-15', planned: true }],
      },
    ),
  });
  // Submitted, waiting for the TTO.
  await disclose(
    base('基于机器视觉的焊缝缺陷在线检测系统', '利用深度学习识别焊缝气孔、裂纹等缺陷，检测速度满足产线节拍，可接入现有焊接机器人。', {
      keywords: ['机器视觉', '焊缝检测', '深度学习'],
      fieldCode: 'D15',
      firstPublicDisclosureOn: '2026-10-12',
    }),
    true,
  );
  // Returned for more detail.
  const returned = await disclose(
    base('一种低温固化粉末涂料', '在 130 ℃ 下固化的环氧-聚酯粉末涂料配方，降低能耗并适用于热敏基材。', {
      keywords: ['粉末涂料', '低温固化'],
    }),
    true,
  );
  await transitionDisclosure({
    db,
    actor: manager,
    id: returned,
    action: 'return',
    reason: '请补充与现有 140 ℃ 固化配方的对比实验数据及第三方原料来源。',
  });
  // Being assessed.
  const assessing = await disclose(
    base('锂硫电池用多孔碳硫正极材料', '以生物质衍生多孔碳负载硫，抑制多硫化物穿梭，0.5C 循环 500 次容量保持率 82%。', {
      keywords: ['锂硫电池', '多孔碳'],
    }),
    true,
  );
  await transitionDisclosure({ db, actor: manager, id: assessing, action: 'start_assessment' });
  await assessDisclosure({
    db,
    actor: manager,
    id: assessing,
    input: { scores: { patentability: 32, market: 24, readiness: 18 }, recommendation: 'file_patent' },
  });
  // Decided (file a patent) and turned into an achievement.
  const decided = await disclose(
    base(
      '一种高镍三元正极材料的原子层沉积包覆方法',
      '通过原子层沉积在高镍正极颗粒表面形成约 2 nm 的氧化铝包覆层，抑制界面副反应，循环寿命提升 30% 以上。',
      {
        keywords: ['高镍正极', '原子层沉积', '锂离子电池'],
        trl: 5,
      },
    ),
    true,
  );
  await transitionDisclosure({ db, actor: manager, id: decided, action: 'start_assessment' });
  await assessDisclosure({
    db,
    actor: manager,
    id: decided,
    input: {
      scores: { patentability: 36, market: 27, readiness: 22 },
      recommendation: 'file_patent',
      comment: '检索未见相同技术方案，已有企业问询。',
    },
  });
  const digits = '202612345678';
  const decision: DecisionInput = {
    decision: 'file_patent',
    reason: '可专利性强、市场前景明确，申请发明专利后择机许可。',
    patent: { kind: 'invention_patent', number: `${digits}.${patentCheckChar(digits)}`, title: '一种高镍三元正极材料的原子层沉积包覆方法' },
    patentFiledOn: '2026-11-18',
  };
  await decideDisclosure({ db, actor: manager, id: decided, input: decision });
  await createAchievementFromDisclosure({ db, actor: manager, id: decided });
  // Released to the inventors.
  const released = await disclose(
    base('一种实验室用移液枪架', '可折叠、可调角度的移液枪架，节省台面空间。', { keywords: ['实验室器具'], trl: 7, fundingSources: [] }),
    true,
  );
  await transitionDisclosure({ db, actor: manager, id: released, action: 'start_assessment' });
  await assessDisclosure({
    db,
    actor: manager,
    id: released,
    input: { scores: { patentability: 8, market: 10, readiness: 25 }, recommendation: 'release' },
  });
  await decideDisclosure({
    db,
    actor: manager,
    id: released,
    input: { decision: 'release', reason: '创造性不足、转化价值有限，放弃权利并告知发明人。' },
  });

  // The income of the university's paid deal: distributed, approved (maker ≠ checker) and paid.
  const deals = await listDeals({ db, actor: manager, where: ownDealsWhere(manager), limit: 50, offset: 0 });
  const deal = deals.items.find((d) => d.status === 'completed' && d.seller.id === opts.universityId);
  if (!deal) return;
  const id = await createDistribution({
    db,
    actor: manager,
    input: {
      sourceKind: 'deal',
      sourceId: deal.id,
      route: deal.transferMode === 'equity' ? 'equity' : deal.transferMode.startsWith('license') ? 'licence' : 'transfer',
      achievementId: deal.achievement.id,
      receipts: [
        {
          receivedOn: (deal.paymentConfirmedAt ?? deal.createdAt).slice(0, 10),
          amountFen: deal.priceFen,
          reference: deal.paymentReference ?? '成交价款',
        },
      ],
      costs: [
        { kind: 'patent_fee', description: '专利申请费、实审费与三年年费', amountFen: Math.min(1_200_000, Math.floor(deal.priceFen / 20)) },
        { kind: 'evaluation', description: '资产评估费', amountFen: Math.min(800_000, Math.floor(deal.priceFen / 40)) },
      ],
      mainContributorsMinPct: 50,
      organizationRule: '《津沽大学科技成果转化管理办法》（校发〔2024〕12号）第十四条：主要贡献人员所得不低于团队奖励的50%',
      inventors: [
        { name: '刘教授', userId: opts.researcherUserId, contributionPct: 55, mainContributor: true },
        { name: '王博士（博士后）', contributionPct: 25, mainContributor: false },
        { name: '赵工（实验员）', contributionPct: 20, mainContributor: false },
      ],
      attachments: [],
    },
  });
  await transitionDistribution({ db, actor: manager, id, action: 'submit' });
  await transitionDistribution({ db, actor: admin, id, action: 'approve' });
  await transitionDistribution({ db, actor: manager, id, action: 'pay', reference: '津沽大学财务处 奖励发放批次 2026-12-01' });
}
