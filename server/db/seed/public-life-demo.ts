import { and, asc, eq, inArray } from 'drizzle-orm';
import { creditCodeFromSerialBody } from '../../../common/credit-code.js';
import type { Tx } from '../client.js';
import {
  achievements,
  eventAgendaItems,
  eventIntents,
  eventPitchScores,
  eventProjects,
  eventRegistrations,
  events,
  organizations,
  policies,
  serviceOfferings,
  serviceRequests,
  users,
} from '../schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { workingDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { newId, randomToken } from '../../lib/ids.js';
import { ROADSHOW_PITCH, sheetTotal } from '../../modules/events/scoring.js';
import { policyVector } from '../../modules/policies/service.js';
import { DEMO_POLICIES } from './policies-demo.js';

/**
 * Demo data of C14 (issue 17): the policy library (real national and Tianjin documents, with their
 * issuers, numbers and dates), three events (an upcoming roadshow with registrations, an online
 * exhibition, a past roadshow with judges' scores and intents) and a service catalogue of four
 * providers with requests at several steps.
 */
type Org = { id: string; name: string };
const DAY = 86400_000;

const PROVIDERS = [
  { key: 'ipa', name: '天津滨海知识产权代理事务所（普通合伙）', body: '91120116MA0000401', regionCode: '120116' },
  { key: 'law', name: '天津津门律师事务所', body: '31120103MD0000402', regionCode: '120103' },
  { key: 'val', name: '天津华津资产评估有限公司', body: '91120101MA0000403', regionCode: '120101' },
  { key: 'eva', name: '天津市海河科技成果评价中心', body: '52120104MJ0000404', regionCode: '120104' },
] as const;

export async function seedPublicLifeDemo(tx: Tx, actor: Actor, orgs: { univ: Org; inst: Org; ent: Org; ent2: Org; tti: Org; gov: Org }) {
  const now = clock.now();
  const userId = async (email: string) => (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null;

  // Policies, published.
  for (const p of DEMO_POLICIES) {
    const row = { id: newId(), ...p, status: 'published', publishedAt: now, createdBy: null, createdAt: now, updatedAt: now };
    await tx.insert(policies).values({ ...row, searchVector: policyVector(row) });
    await writeAudit(tx, actor, {
      action: 'policy.publish',
      entity: 'policy',
      entityId: row.id,
      after: { title: row.title, documentNumber: row.documentNumber },
    });
  }

  // Events.
  const published = await tx
    .select({ id: achievements.id, title: achievements.title, organizationId: achievements.organizationId })
    .from(achievements)
    .where(
      and(
        inArray(achievements.organizationId, [orgs.univ.id, orgs.inst.id]),
        eq(achievements.status, 'published'),
        eq(achievements.restricted, false),
      ),
    )
    .orderBy(asc(achievements.createdAt))
    .limit(6);
  const orgName = (id: string) => (id === orgs.univ.id ? orgs.univ.name : orgs.inst.name);
  const expert = await userId('expert@jinqiao.demo');
  const attendees = (
    await Promise.all(
      ['enterprise@jinqiao.demo', 'broker@jinqiao.demo', 'member@jinqiao.demo'].map(async (e) => ({ email: e, id: await userId(e) })),
    )
  ).filter((a): a is { email: string; id: string } => a.id !== null);
  const orgOf: Record<string, string> = {
    'enterprise@jinqiao.demo': orgs.ent.id,
    'broker@jinqiao.demo': orgs.tti.id,
    'member@jinqiao.demo': orgs.univ.id,
  };

  const makeEvent = async (e: {
    kind: string;
    mode: string;
    title: string;
    summary: string;
    venue: string | null;
    onlineUrl: string | null;
    regionCode: string | null;
    organizer: Org;
    startsInDays: number;
    hours: number;
    capacity: number;
    projects: typeof published;
    agenda: Array<[number, number, string, string | null]>;
  }) => {
    const startsAt = new Date(Math.floor((now.getTime() + e.startsInDays * DAY) / 3600_000) * 3600_000);
    const row = {
      id: newId(),
      kind: e.kind,
      mode: e.mode,
      title: e.title,
      summary: e.summary,
      venue: e.venue,
      onlineUrl: e.onlineUrl,
      regionCode: e.regionCode,
      organizerOrganizationId: e.organizer.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + e.hours * 3600_000),
      registrationClosesAt: new Date(startsAt.getTime() - 3600_000),
      capacity: e.capacity,
      pitchMinutes: 8,
      qaMinutes: 7,
      status: 'published',
      ticketKey: randomToken(32),
      judgeUserIds: expert ? [expert] : [],
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(events).values(row);
    await writeAudit(tx, actor, {
      action: 'event.create',
      entity: 'event',
      entityId: row.id,
      organizationId: e.organizer.id,
      after: { title: row.title, startsAt },
    });
    for (const [fromMin, toMin, title, speaker] of e.agenda)
      await tx.insert(eventAgendaItems).values({
        id: newId(),
        eventId: row.id,
        startsAt: new Date(startsAt.getTime() + fromMin * 60_000),
        endsAt: new Date(startsAt.getTime() + toMin * 60_000),
        title,
        speaker,
      });
    const projectIds: string[] = [];
    for (const [i, a] of e.projects.entries()) {
      const id = newId();
      projectIds.push(id);
      await tx.insert(eventProjects).values({
        id,
        eventId: row.id,
        position: i + 1,
        achievementId: a.id,
        title: a.title,
        presenterOrganizationId: a.organizationId,
        presenterOrganizationName: orgName(a.organizationId),
        pitchMinutes: 8,
        qaMinutes: 7,
      });
    }
    let seq = 0;
    for (const a of attendees) {
      seq += 1;
      await tx.insert(eventRegistrations).values({
        id: newId(),
        eventId: row.id,
        userId: a.id,
        organizationId: orgOf[a.email] ?? null,
        status: e.startsInDays < 0 ? 'checked_in' : 'registered',
        seq,
        createdAt: new Date(now.getTime() - 2 * DAY),
        checkedInAt: e.startsInDays < 0 ? startsAt : null,
      });
    }
    return { row, projectIds };
  };

  await makeEvent({
    kind: 'roadshow',
    mode: 'hybrid',
    title: '津沽科技成果路演·新材料与智能制造专场',
    summary: '聚焦新材料、智能制造领域高校院所成果，每个项目路演 8 分钟、问答 7 分钟，现场专家点评，企业与投资机构对接。',
    venue: '天津市河西区友谊路 35 号 津桥技术转移中心路演厅',
    onlineUrl: 'https://live.jinqiao.example/roadshow-2026-12',
    regionCode: '120103',
    organizer: orgs.tti,
    startsInDays: 12,
    hours: 4,
    capacity: 60,
    projects: published.slice(0, 3),
    agenda: [
      [0, 15, '开场致辞', '天津市科学技术局'],
      [15, 75, '成果路演（第一组）', null],
      [75, 90, '茶歇与自由对接', null],
      [90, 180, '专家点评与合作意向登记', '津桥技术转移中心'],
    ],
  });
  await makeEvent({
    kind: 'exhibition',
    mode: 'online',
    title: '津桥技术转移成果线上展（2027 春季）',
    summary: '线上展厅集中展示高校院所可转化成果，支持在线预约洽谈。',
    venue: null,
    onlineUrl: 'https://expo.jinqiao.example/2027-spring',
    regionCode: '120000',
    organizer: orgs.gov,
    startsInDays: 40,
    hours: 72,
    capacity: 500,
    projects: published.slice(3, 5),
    agenda: [[0, 60, '线上开幕式', '天津市科学技术局']],
  });
  const past = await makeEvent({
    kind: 'roadshow',
    mode: 'offline',
    title: '海河科技成果路演·先进材料专场（第三期）',
    summary: '往期路演：专家评分与对接意向已汇总。',
    venue: '天津市滨海新区 中新天津生态城 科技园报告厅',
    onlineUrl: null,
    regionCode: '120116',
    organizer: orgs.tti,
    startsInDays: -20,
    hours: 3,
    capacity: 80,
    projects: published.slice(0, 2),
    agenda: [
      [0, 10, '开场', null],
      [10, 150, '成果路演与专家点评', null],
    ],
  });
  if (expert) {
    const sheets = [
      { technology: 26, market: 21, business_model: 15, team: 13, presentation: 8.5 },
      { technology: 24, market: 19, business_model: 16, team: 12, presentation: 9 },
    ];
    for (const [i, projectId] of past.projectIds.entries()) {
      const scores = sheets[i % sheets.length]!;
      await tx.insert(eventPitchScores).values({
        id: newId(),
        eventId: past.row.id,
        projectId,
        judgeUserId: expert,
        sheetKey: ROADSHOW_PITCH.key,
        scores,
        total: sheetTotal(ROADSHOW_PITCH, scores),
        comment: i === 0 ? '技术成熟度较高，建议尽快开展中试。' : '市场分析可进一步细化。',
        createdAt: past.row.endsAt,
      });
    }
    const ent = attendees.find((a) => a.email === 'enterprise@jinqiao.demo');
    if (ent && past.projectIds[0])
      await tx.insert(eventIntents).values({
        id: newId(),
        eventId: past.row.id,
        projectId: past.projectIds[0],
        userId: ent.id,
        organizationId: orgs.ent.id,
        kind: 'licence',
        note: '希望以普通许可方式实施，拟安排技术团队现场考察。',
        createdAt: past.row.endsAt,
      });
  }

  // Service providers and the catalogue.
  const providerIds = new Map<string, string>();
  for (const p of PROVIDERS) {
    const id = newId();
    providerIds.set(p.key, id);
    const row = {
      id,
      type: 'service_provider',
      name: p.name,
      creditCode: creditCodeFromSerialBody(p.body),
      regionCode: p.regionCode,
      status: 'active',
    };
    await tx.insert(organizations).values(row);
    await writeAudit(tx, actor, { action: 'organization.register', entity: 'organization', entityId: id, organizationId: id, after: row });
  }
  const offering = async (
    provider: string,
    o: { category: string; title: string; description: string; priceFen: number | null; quote: number; deliver: number },
  ) => {
    const row = {
      id: newId(),
      providerOrganizationId: providerIds.get(provider)!,
      category: o.category,
      title: o.title,
      description: o.description,
      pricing: o.priceFen === null ? 'quote' : 'fixed',
      priceFen: o.priceFen,
      quoteWorkingDays: o.quote,
      deliveryWorkingDays: o.deliver,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(serviceOfferings).values(row);
    return row;
  };
  await offering('ipa', {
    category: 'ip_agency',
    title: '发明专利申请代理（含撰写）',
    description: '技术交底、检索、撰写、递交与审查意见答复（一次）。',
    priceFen: 680_000,
    quote: 2,
    deliver: 20,
  });
  await offering('ipa', {
    category: 'ip_agency',
    title: '专利权转让与许可备案代办',
    description: '办理专利权转让登记、专利实施许可合同备案。',
    priceFen: 150_000,
    quote: 2,
    deliver: 10,
  });
  const fto = await offering('ipa', {
    category: 'ip_agency',
    title: '专利自由实施（FTO）分析',
    description: '针对目标产品与市场的侵权风险检索与分析报告。',
    priceFen: null,
    quote: 3,
    deliver: 15,
  });
  await offering('law', {
    category: 'legal',
    title: '技术合同起草与审查',
    description: '技术转让、许可、开发、服务合同的起草与审查，含权属与收益分配条款。',
    priceFen: 300_000,
    quote: 2,
    deliver: 5,
  });
  await offering('law', {
    category: 'legal',
    title: '职务科技成果赋权法律咨询',
    description: '成果赋权、作价入股、收益分配方案的合规咨询。',
    priceFen: null,
    quote: 3,
    deliver: 10,
  });
  await offering('val', {
    category: 'valuation',
    title: '知识产权资产评估（转让/作价入股/质押）',
    description: '依资产评估准则出具评估报告，适用于转让定价、作价投资与质押融资。',
    priceFen: null,
    quote: 3,
    deliver: 15,
  });
  const evaluation = await offering('eva', {
    category: 'evaluation',
    title: '科技成果评价（五元价值）',
    description: '依国办发〔2021〕26号从科学、技术、经济、社会、文化五方面评价，并按 GB/T 44731-2024 的程序出具评价报告。',
    priceFen: null,
    quote: 3,
    deliver: 20,
  });
  const enterpriseUser = attendees.find((a) => a.email === 'enterprise@jinqiao.demo');
  if (enterpriseUser) {
    const created = new Date(now.getTime() - 30 * DAY);
    await tx.insert(serviceRequests).values({
      id: newId(),
      offeringId: evaluation.id,
      offeringTitle: evaluation.title,
      category: evaluation.category,
      providerOrganizationId: evaluation.providerOrganizationId,
      requesterOrganizationId: orgs.ent.id,
      requesterUserId: enterpriseUser.id,
      status: 'rated',
      description: '拟受让的“高精度伺服控制技术”成果，请开展五元价值评价，供定价参考。',
      quoteFen: 2_800_000,
      quoteNote: '含专家现场考察一次',
      quotedAt: new Date(created.getTime() + 2 * DAY),
      acceptedAt: new Date(created.getTime() + 3 * DAY),
      deliveredAt: new Date(created.getTime() + 20 * DAY),
      deliveryNote: '评价报告（编号 HHPJ-2026-117）已交付。',
      evaluationValues: {
        scientific: '控制算法有一定原创性，发表高水平论文 3 篇。',
        technical: '定位精度等关键指标达到国内先进水平，技术就绪度 6 级。',
        economic: '预计实施后三年累计新增销售收入约 1.2 亿元。',
        social: '有助于高端装备核心部件国产化。',
        cultural: '不适用。',
      },
      deliveredLate: false,
      rating: 5,
      ratingComment: '报告专业，周期符合约定。',
      ratedAt: new Date(created.getTime() + 22 * DAY),
      createdAt: created,
      updatedAt: new Date(created.getTime() + 22 * DAY),
    });
    await tx.insert(serviceRequests).values({
      id: newId(),
      offeringId: fto.id,
      offeringTitle: fto.title,
      category: fto.category,
      providerOrganizationId: fto.providerOrganizationId,
      requesterOrganizationId: orgs.ent.id,
      requesterUserId: enterpriseUser.id,
      status: 'requested',
      description: '新一代协作机器人关节模组拟出口欧洲，请做 FTO 分析。',
      dueAt: workingDayDeadline(now, fto.quoteWorkingDays),
      createdAt: now,
      updatedAt: now,
    });
  }
}
