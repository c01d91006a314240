import { eq } from 'drizzle-orm';
import { creditCodeFromSerialBody } from '../../../common/credit-code.js';
import type { Db } from '../client.js';
import {
  allianceMembers,
  alliances,
  brokerAccreditations,
  brokers,
  brokerTrainings,
  demonstrationApplications,
  demonstrationRounds,
  demonstrationTitles,
  institutionProfiles,
  organizations,
  users,
} from '../schema/index.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { addLocalDays, localDateOf, workingDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { openPanel, panelResult, submitScores } from '../../modules/experts/panels.js';
import { actorForUserId } from '../../modules/identity/service.js';
import { prefillFigures } from '../../modules/institutions/records.js';
import { checkThresholds, DEFAULT_THRESHOLDS } from '../../modules/institutions/rules.js';
import { termEnd } from '../../modules/institutions/rounds.js';

/**
 * Demo institutions and brokers: 津桥技术转移中心 (DEMO_ORGS `tti`) with its profile and the
 * demonstration title of this year's round — its application prefilled from the platform's registered
 * contracts and scored by five experts of the demo pool on the shared engine —, two more institutions,
 * brokers of each tier (周洋 = broker@jinqiao.demo, whose track record comes from the demo contracts
 * naming him) and an alliance led by 津桥.
 */
const DAY = 86_400_000;

const MORE_INSTITUTIONS = [
  { name: '天津滨海技术交易市场服务中心', body: '52120116MJ0000201', regionCode: '120116' },
  { name: '南开科创成果转化服务有限公司', body: '91120104MA0000202', regionCode: '120104' },
];

const SCORES = [
  { basic_conditions: 9, service_performance: 27, service_capability: 26, management: 18, reputation: 9 },
  { basic_conditions: 8, service_performance: 25, service_capability: 24, management: 17, reputation: 9 },
  { basic_conditions: 9, service_performance: 28, service_capability: 27, management: 18, reputation: 10 },
  { basic_conditions: 7, service_performance: 22, service_capability: 22, management: 15, reputation: 8 },
  { basic_conditions: 8, service_performance: 26, service_capability: 25, management: 17, reputation: 9 },
];

export async function seedInstitutionsDemo(db: Db, opts: { orgIds: Map<string, string> }): Promise<void> {
  const actor = systemActor('seed:demo');
  const now = clock.now();
  const day = (offsetDays: number) => localDateOf(new Date(now.getTime() + offsetDays * DAY));
  const tti = opts.orgIds.get('tti')!;
  const [brokerUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'broker@jinqiao.demo'));
  const more: string[] = [];

  await db.transaction(async (tx) => {
    for (const o of MORE_INSTITUTIONS) {
      const row = {
        id: newId(),
        type: 'transfer_institution',
        name: o.name,
        creditCode: creditCodeFromSerialBody(o.body),
        regionCode: o.regionCode,
        status: 'active',
      };
      await tx.insert(organizations).values(row);
      await writeAudit(tx, actor, {
        action: 'organization.register',
        entity: 'organization',
        entityId: row.id,
        organizationId: row.id,
        after: row,
      });
      more.push(row.id);
    }
    const profiles = [
      {
        organizationId: tti,
        services: ['transfer', 'consulting_service', 'evaluation', 'investment_financing', 'online_platform'],
        serviceDescription:
          '面向京津冀高校院所与制造业企业，提供成果评价、专利转让许可居间、技术合同登记辅导与投融资对接；运营“津桥”线上技术交易平台。',
        foundedOn: '2018-05-16',
        fullTimeStaff: 18,
        totalStaff: 26,
        updatedAt: now,
      },
      {
        organizationId: more[0]!,
        services: ['transfer', 'online_platform'],
        serviceDescription: '滨海新区技术交易市场运营机构，组织挂牌、拍卖与协议定价公示。',
        foundedOn: '2020-09-01',
        fullTimeStaff: 9,
        totalStaff: 12,
        updatedAt: now,
      },
      {
        organizationId: more[1]!,
        services: ['development', 'consulting_service'],
        serviceDescription: '依托高校科研团队开展委托开发与技术咨询，服务中小企业技术升级。',
        foundedOn: day(-500),
        fullTimeStaff: 4,
        totalStaff: 6,
        updatedAt: now,
      },
    ];
    await tx.insert(institutionProfiles).values(profiles);

    // Brokers of each tier (火炬中心 2020 syllabus), accredited by the city bureau.
    const entries = [
      {
        name: '周洋',
        userId: brokerUser?.id ?? null,
        org: tti,
        tier: 'intermediate_broker',
        cert: 'TJJJ-0412',
        issued: day(-530),
        specialties: '新材料 专利许可 技术合同登记辅导',
      },
      {
        name: '王建国',
        userId: null,
        org: tti,
        tier: 'senior_manager',
        cert: 'TJJL-0037',
        issued: day(-400),
        specialties: '高端装备 作价入股 成果评价',
      },
      {
        name: '李红梅',
        userId: null,
        org: more[0]!,
        tier: 'junior_broker',
        cert: 'TJJJ-1186',
        issued: day(-150),
        specialties: '生物医药 挂牌交易',
      },
      {
        name: '张立新',
        userId: null,
        org: more[0]!,
        tier: 'intermediate_broker',
        cert: 'TJJJ-0655',
        issued: day(-460),
        specialties: '电子信息 技术拍卖',
      },
      {
        name: '陈静',
        userId: null,
        org: more[1]!,
        tier: 'junior_broker',
        cert: 'TJJJ-0219',
        issued: day(-220),
        specialties: '农业科技 技术咨询',
      },
    ];
    for (const e of entries) {
      const id = newId();
      const row = {
        id,
        userId: e.userId,
        name: e.name,
        employingOrganizationId: e.org,
        status: 'active',
        specialties: e.specialties,
        bio: '',
        phone: null,
        email: null,
        statusReason: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(brokers).values(row);
      await writeAudit(tx, actor, { action: 'broker.register', entity: 'broker', entityId: id, organizationId: e.org, after: row });
      const expires = `${Number(e.issued.slice(0, 4)) + 4}${e.issued.slice(4)}`;
      await tx.insert(brokerAccreditations).values({
        id: newId(),
        brokerId: id,
        tier: e.tier,
        certificateNumber: `${e.cert.slice(0, 4)}-${e.issued.slice(0, 4)}-${e.cert.slice(5)}`, // e.g. TJJJ-2025-0412
        issuedOn: e.issued,
        expiresOn: expires,
        issuer: '天津市科学技术局',
        revoked: false,
        revokeReason: null,
        createdAt: now,
      });
      const modules = ['public_knowledge', 'policy_regulation', 'practical_skills', 'capability_improvement'] as const;
      const hours = e.tier === 'senior_manager' ? [16, 16, 32, 32] : e.tier === 'intermediate_broker' ? [12, 12, 24, 16] : [8, 8, 16, 0];
      const courses = [
        '技术转移概论与知识产权基础',
        '促进科技成果转化法与技术合同登记规则',
        '技术评价、谈判与交易实务',
        '技术经理人能力提升：投融资与产业化',
      ];
      for (const [i, m] of modules.entries())
        if (hours[i]! > 0)
          await tx.insert(brokerTrainings).values({
            id: newId(),
            brokerId: id,
            course: courses[i]!,
            module: m,
            hours: hours[i]!,
            completedOn: addLocalDays(e.issued, -30 + i * 5),
            certificateNumber: `PX-${e.issued.slice(0, 4)}-${e.cert.slice(-4)}-${i + 1}`,
            provider: '天津市技术转移人才培训基地',
            createdAt: now,
          });
    }

    const alliance = {
      id: newId(),
      name: '京津冀技术转移协同创新联盟（天津）',
      description: '由津桥技术转移中心牵头，联合高校院所、企业与服务机构，共享成果库与需求库，协同开展路演与评价。',
      foundedOn: '2021-10-20',
      leadOrganizationId: tti,
      createdBy: null,
      createdAt: now,
    };
    await tx.insert(alliances).values(alliance);
    const members = [tti, opts.orgIds.get('univ')!, opts.orgIds.get('inst')!, opts.orgIds.get('ent')!, more[0]!];
    await tx
      .insert(allianceMembers)
      .values(members.map((organizationId) => ({ allianceId: alliance.id, organizationId, joinedOn: '2021-10-20' })));
    await writeAudit(tx, actor, { action: 'alliance.create', entity: 'alliance', entityId: alliance.id, after: { ...alliance, members } });
  });

  // This year's round, finalised: 津桥 applied (figures from the platform), five experts scored it.
  const year = Number(localDateOf(now).slice(0, 4));
  const publishedAt = new Date(now.getTime() - 120 * DAY);
  const noticeEndsAt = workingDayDeadline(publishedAt, 7);
  const finalisedAt = new Date(noticeEndsAt.getTime() + 2 * DAY);
  const round = {
    id: newId(),
    year,
    title: `${year}年度天津市技术转移示范机构认定`,
    status: 'final',
    applicationDeadline: day(-200),
    thresholds: DEFAULT_THRESHOLDS,
    passMark: 70,
    panelSize: 5,
    noticeWorkingDays: 7,
    termYears: 3,
    openedBy: null,
    publishedAt,
    noticeEndsAt,
    finalisedAt,
    createdAt: new Date(now.getTime() - 260 * DAY),
    updatedAt: finalisedAt,
  };
  const appId = newId();
  await db.transaction(async (tx) => {
    await tx.insert(demonstrationRounds).values(round);
    await writeAudit(tx, actor, { action: 'demonstration_round.open', entity: 'demonstration_round', entityId: round.id, after: round });
    const figures = await prefillFigures(tx, tti, year, { incomeLastYearFen: 86_000_000, complaintsLast2Years: 0 });
    await tx.insert(demonstrationApplications).values({
      id: appId,
      roundId: round.id,
      organizationId: tti,
      status: 'scoring',
      declaredIncomeLastYearFen: 86_000_000,
      declaredComplaintsLast2Years: 0,
      statement: '上年度促成技术转移项目数十项，服务京津冀企业百余家；建有专职技术经纪人团队与线上交易平台。',
      figures,
      checks: checkThresholds(DEFAULT_THRESHOLDS, figures),
      meanScore: null,
      submittedAt: new Date(now.getTime() - 210 * DAY),
      createdBy: null,
      createdAt: new Date(now.getTime() - 215 * DAY),
      updatedAt: now,
    });
  });
  const panel = await db.transaction((tx) =>
    openPanel(tx, actor, {
      subjectType: 'demonstration_application',
      subjectId: appId,
      subjectTitle: `津桥技术转移中心 ${round.title}申报`,
      sheetKey: 'demonstration_institution',
      size: 5,
      excludeOrganizationIds: [tti],
      dueAt: new Date(now.getTime() - 130 * DAY),
    }),
  );
  for (const [i, m] of panel.members.entries()) {
    const expertActor = await actorForUserId({ db, userId: m.userId });
    await db.transaction((tx) =>
      submitScores(tx, expertActor!, panel.panelId, {
        scores: SCORES[i]!,
        comment: '服务绩效突出，专业化团队完整，建议加强技术评价规范化。',
      }),
    );
  }
  const result = await panelResult(db, panel.panelId);
  await db.transaction(async (tx) => {
    await tx
      .update(demonstrationApplications)
      .set({ status: 'approved', meanScore: result.mean })
      .where(eq(demonstrationApplications.id, appId));
    await writeAudit(tx, actor, {
      action: 'demonstration_application.approve',
      entity: 'demonstration_application',
      entityId: appId,
      organizationId: tti,
      after: { status: 'approved', meanScore: result.mean },
    });
    const awardedOn = localDateOf(finalisedAt);
    const title = {
      id: newId(),
      organizationId: tti,
      roundId: round.id,
      status: 'held',
      awardedOn,
      expiresOn: termEnd(awardedOn, 3),
      failingYears: 0,
      checkedYears: [year],
      updatedAt: finalisedAt,
    };
    await tx.insert(demonstrationTitles).values(title);
    await writeAudit(tx, actor, {
      action: 'demonstration_title.grant',
      entity: 'demonstration_title',
      entityId: title.id,
      organizationId: tti,
      after: title,
    });
  });
}
