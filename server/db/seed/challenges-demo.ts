/**
 * Demo challenges (揭榜比拼): one awarded — registrations, sealed proposals, three experts' scores, a
 * shortlist, a roadshow, a prize and the winner's contract application (filed through the challenges
 * service, which calls contracts' createContract) — one open with two sealed proposals and its
 * deadline ahead, and one enterprise need waiting for screening.
 */
import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { systemActor, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { CreateChallengeBody, ProposalBody } from '../../../common/api/challenges.js';
import { listOwnRecords } from '../../modules/catalog/service.js';
import { applyForContract } from '../../modules/challenges/award.js';
import { rewardTotal } from '../../modules/challenges/service.js';
import { openProposalPanels } from '../../modules/challenges/proposals.js';
import { panelOf, submitScores } from '../../modules/experts/panels.js';
import { createChallengeKeys, sealProposal } from '../../modules/challenges/seal.js';
import { challengeAwards, challengeProposals, challengeRegistrations, challenges } from '../../modules/challenges/schema.js';
import { actorForUserId } from '../../modules/identity/service.js';
import { findOrganizations, findRegion } from '../../modules/organizations/repository.js';

const DAY = 86_400_000;

interface Team {
  organizationId: string;
  teamName: string;
  contactName: string;
  consortium?: { name: string; creditCode: string }[];
  proposal: ProposalBody;
  /** Per expert, per criterion of CHALLENGE_PROPOSAL_SHEET. */
  scores?: Record<string, number>[];
}

async function insertChallenge(
  tx: Tx,
  actor: Actor,
  opts: {
    organizationId: string;
    input: Omit<CreateChallengeBody, 'timeline' | 'sponsorAnonymous'> & { sponsorAnonymous?: boolean };
    status: string;
    at: { publishedAt: Date | null; registrationDeadline: Date; submissionDeadline: Date; roadshowAt?: Date; awardedAt?: Date };
    secret: Buffer;
    roadshowPlace?: string;
  },
) {
  const id = newId();
  const now = clock.now();
  const [org] = await findOrganizations(tx, [opts.organizationId]);
  const region = await findRegion(tx, org!.regionCode);
  const keys = opts.at.publishedAt ? createChallengeKeys(opts.secret, id) : null;
  const row = {
    id,
    organizationId: opts.organizationId,
    regionPath: region?.path ?? `/${org!.regionCode}/`,
    demandId: opts.input.demandId ?? null,
    title: opts.input.title,
    problem: opts.input.problem,
    targets: opts.input.targets,
    fieldCode: opts.input.fieldCode,
    reward: opts.input.reward,
    rewardTotalFen: rewardTotal(opts.input.reward),
    ipTerms: opts.input.ipTerms,
    sponsorAnonymous: opts.input.sponsorAnonymous ?? false,
    status: opts.status,
    registrationDeadline: opts.at.registrationDeadline,
    submissionDeadline: opts.at.submissionDeadline,
    scoringDueAt: new Date(opts.at.submissionDeadline.getTime() + 14 * DAY),
    roadshowAt: opts.at.roadshowAt ?? null,
    roadshowPlace: opts.roadshowPlace ?? null,
    awardAt: opts.at.awardedAt ?? null,
    publishedAt: opts.at.publishedAt,
    awardedAt: opts.at.awardedAt ?? null,
    publicKeyPem: keys?.publicKeyPem ?? null,
    wrappedPrivateKey: keys?.wrappedPrivateKey ?? null,
    createdBy: null,
    returnReason: null,
    createdAt: opts.at.publishedAt ?? now,
    updatedAt: opts.at.awardedAt ?? opts.at.publishedAt ?? now,
  };
  await tx.insert(challenges).values(row);
  const { publicKeyPem: _pk, wrappedPrivateKey: _wk, ...audited } = row;
  await writeAudit(tx, actor, {
    action: 'challenge.create',
    entity: 'challenge',
    entityId: id,
    organizationId: row.organizationId,
    after: audited,
  });
  if (row.publishedAt)
    await writeAudit(tx, actor, {
      action: 'challenge.publish',
      entity: 'challenge',
      entityId: id,
      organizationId: row.organizationId,
      after: { status: 'published', publishedAt: row.publishedAt.toISOString() },
    });
  return row;
}

async function insertTeams(
  tx: Tx,
  actor: Actor,
  challenge: { id: string; publicKeyPem: string | null; ipTerms: string },
  teams: Team[],
  secret: Buffer,
  userId: string,
  submittedAt: Date,
) {
  const ids: string[] = [];
  for (const t of teams) {
    const registrationId = newId();
    await tx.insert(challengeRegistrations).values({
      id: registrationId,
      challengeId: challenge.id,
      organizationId: t.organizationId,
      userId,
      teamName: t.teamName,
      contactName: t.contactName,
      contactPhone: '022-2345 6789',
      consortiumMembers: t.consortium ?? [],
      agreementIpTerms: challenge.ipTerms,
      agreementAcceptedAt: submittedAt,
      createdAt: submittedAt,
    });
    const id = newId();
    const sealed = sealProposal({
      secret,
      publicKeyPem: challenge.publicKeyPem!,
      proposalId: id,
      organizationId: t.organizationId,
      plaintext: Buffer.from(JSON.stringify(t.proposal), 'utf8'),
    });
    await tx.insert(challengeProposals).values({
      id,
      challengeId: challenge.id,
      registrationId,
      organizationId: t.organizationId,
      submittedBy: userId,
      ciphertext: sealed.ciphertext,
      keyForChallenge: sealed.keyForChallenge,
      keyForSubmitter: sealed.keyForSubmitter,
      digest: sealed.digest,
      submittedAt,
    });
    await writeAudit(tx, actor, {
      action: 'challenge.register',
      entity: 'challenge',
      entityId: challenge.id,
      organizationId: t.organizationId,
      after: { teamName: t.teamName, agreementAccepted: true },
    });
    await writeAudit(tx, actor, {
      action: 'challenge.proposal_submit',
      entity: 'challenge_proposal',
      entityId: id,
      organizationId: t.organizationId,
      after: { challengeId: challenge.id, digest: sealed.digest },
    });
    ids.push(id);
  }
  return ids;
}

export async function seedChallengesDemo(
  db: Db,
  opts: {
    secret: Buffer;
    orgs: { ent: string; ent2: string; ent3: string; univ: string; univ2: string; univ4: string; inst: string; inst2: string };
    enterpriseUserId: string;
    memberUserId: string;
  },
) {
  const actor = systemActor('seed:demo');
  const { orgs, secret } = opts;
  const now = clock.now();
  const enterprise = (await actorForUserId({ db, userId: opts.enterpriseUserId }))!;
  const demands = await listOwnRecords({ db, actor: enterprise, kind: 'demand', status: 'published', limit: 1, offset: 0 });
  const demand = demands.items[0]?.row;

  const sheetsByProposal: Array<{ id: string; sheets: Record<string, number>[] }> = [];
  const awardedId = await db.transaction(async (tx) => {
    const c = await insertChallenge(tx, actor, {
      organizationId: orgs.ent,
      status: 'awarded',
      secret,
      roadshowPlace: '天津市科技成果展示交易运营中心（河西区友谊路）路演厅',
      input: {
        title: demand ? `揭榜：${demand.title}` : '焊接机器人焊缝视觉跟踪技术',
        problem:
          '我公司薄板焊接产线现有焊接机器人依靠示教轨迹，工件装夹误差和热变形导致焊缝偏移 0.5–1.5 mm，返修率约 6%。' +
          '需要一套可在强弧光、飞溅环境下实时识别焊缝并修正轨迹的视觉跟踪方案，兼容现有六轴机器人控制柜。',
        targets: '跟踪精度 ≤ 0.2 mm；跟踪速度 ≥ 1.2 m/min；弧光干扰下识别率 ≥ 99%；单站改造成本 ≤ 15 万元。',
        fieldCode: 'D13',
        reward: { kind: 'prize', prizes: [{ label: '揭榜奖', count: 1, amountFen: 80_000_000 }] },
        ipTerms: 'sponsor_acquires',
        demandId: demand?.id ?? null,
      },
      at: {
        publishedAt: new Date(now.getTime() - 120 * DAY),
        registrationDeadline: new Date(now.getTime() - 90 * DAY),
        submissionDeadline: new Date(now.getTime() - 75 * DAY),
        roadshowAt: new Date(now.getTime() - 40 * DAY),
        awardedAt: new Date(now.getTime() - 30 * DAY),
      },
    });
    const score = (a: number, b: number, cc: number, d: number, e: number) => ({
      advancement: a,
      feasibility: b,
      team: cc,
      benefit: d,
      budget_schedule: e,
    }); // the challenge_proposal sheet of the shared scoring engine (experts/scoring.ts)
    const teams: Team[] = [
      {
        organizationId: orgs.univ,
        teamName: '津沽大学 智能焊接视觉团队',
        contactName: '刘教授',
        consortium: [],
        proposal: {
          title: '基于结构光与深度学习的焊缝实时跟踪系统',
          summary: '采用窄带滤光结构光传感器与轻量化分割网络，在弧光和飞溅下稳定提取焊缝特征点，闭环修正机器人轨迹。',
          report:
            '一、技术路线：激光结构光 + 660nm 窄带滤光，抑制弧光；焊缝特征由轻量化语义分割网络提取，推理时延 8 ms。\n' +
            '二、已有基础：团队在船舶薄板焊接中完成 3 条产线验证，跟踪精度 0.15 mm。\n三、实施计划：6 个月完成样机，9 个月产线联调。',
          attachments: [
            { name: '产线验证报告摘要.txt', mediaType: 'text/plain', text: '2025 年在某船厂完成 3 条产线 1,200 小时连续运行验证。' },
          ],
        },
        scores: [score(27, 22, 17, 13, 9), score(26, 23, 18, 14, 8)],
      },
      {
        organizationId: orgs.univ2,
        teamName: '海河工业大学 机器人感知团队',
        contactName: '高副教授',
        proposal: {
          title: '多传感融合的焊缝跟踪与变形补偿方案',
          summary: '融合电弧传感与视觉传感，结合热变形预测模型进行前馈补偿，适用于长焊缝薄板工件。',
          report:
            '一、技术路线：电弧摆动传感获取横向偏差，视觉传感提供起弧点定位，热变形有限元模型前馈补偿。\n' +
            '二、预期指标：跟踪精度 0.2 mm，速度 1.5 m/min。\n三、实施计划：8 个月完成样机。',
          attachments: [],
        },
        scores: [score(24, 20, 15, 12, 8), score(23, 19, 16, 12, 7)],
      },
    ];
    const ids = await insertTeams(tx, actor, c, teams, secret, opts.memberUserId, new Date(now.getTime() - 80 * DAY));
    // Scored on the shared engine: a panel of two per proposal drawn from the expert pool's D13
    // experts (the sponsor and the submitter excluded); the seated experts score below.
    await openProposalPanels(tx, actor, c, 2);
    sheetsByProposal.push(...ids.map((id, i) => ({ id, sheets: teams[i]!.scores! })));
    await tx.update(challengeProposals).set({ shortlisted: true }).where(inArrayIds(ids));
    await tx.insert(challengeAwards).values({
      id: newId(),
      challengeId: c.id,
      proposalId: ids[0]!,
      organizationId: orgs.univ,
      rank: 1,
      prizeLabel: '揭榜奖',
      amountFen: 80_000_000,
      contractId: null,
      createdAt: new Date(now.getTime() - 30 * DAY),
    });
    for (const action of ['challenge.start_scoring', 'challenge.shortlist', 'challenge.schedule_roadshow', 'challenge.award'])
      await writeAudit(tx, actor, {
        action,
        entity: 'challenge',
        entityId: c.id,
        organizationId: c.organizationId,
        after: { seeded: true },
      });
    return c.id;
  });
  for (const { id, sheets } of sheetsByProposal) {
    const panel = (await panelOf(db, 'challenge_proposal', id))!;
    for (const [j, m] of panel.members.entries()) {
      const expert = (await actorForUserId({ db, userId: m.userId }))!;
      const comment = j === 0 ? '技术路线清晰，指标可达。' : '方案可行，建议补充中试数据。';
      await db.transaction((tx) => submitScores(tx, expert, panel.id, { scores: sheets[j % sheets.length]!, comment }));
    }
  }
  // The winner files the contract application through the service, as a member would.
  const member = (await actorForUserId({ db, userId: opts.memberUserId }))!;
  await applyForContract({
    db,
    actor: member,
    id: awardedId,
    input: { signedOn: new Date(now.getTime() - 20 * DAY).toISOString().slice(0, 10) },
  });

  await db.transaction(async (tx) => {
    const c = await insertChallenge(tx, actor, {
      organizationId: orgs.ent2,
      status: 'published',
      secret,
      input: {
        title: '高镍三元正极材料表面包覆改性技术',
        problem:
          '我公司高镍三元正极材料（NCM811）在 45℃ 循环 500 周后容量保持率仅 82%，表面残碱高导致浆料凝胶。' +
          '征集可规模化的表面包覆或掺杂改性方案，要求工艺可在现有烧结线上实施。',
        targets: '45℃ 循环 500 周容量保持率 ≥ 90%；残碱（LiOH+Li2CO3）≤ 0.3%；吨成本增加 ≤ 3,000 元。',
        fieldCode: 'D15',
        reward: {
          kind: 'prize',
          prizes: [
            { label: '一等奖', count: 1, amountFen: 50_000_000 },
            { label: '二等奖', count: 2, amountFen: 20_000_000 },
          ],
        },
        ipTerms: 'shared_licence',
        sponsorAnonymous: true,
      },
      at: {
        publishedAt: new Date(now.getTime() - 20 * DAY),
        registrationDeadline: new Date(now.getTime() + 15 * DAY),
        submissionDeadline: new Date(now.getTime() + 30 * DAY),
      },
    });
    await insertTeams(
      tx,
      actor,
      c,
      [
        {
          organizationId: orgs.inst,
          teamName: '海河新材料研究院 能源材料课题组',
          contactName: '吴研究员',
          proposal: {
            title: '快离子导体 Li3PO4 原位包覆与 Zr 体相掺杂协同改性',
            summary: '湿法原位包覆 Li3PO4 消耗表面残碱，Zr 掺杂稳定层状结构，两步工艺兼容现有烧结线。',
            report: '技术路线、实验数据（45℃ 500 周 91.5%）、中试计划与成本测算见正文。',
            attachments: [],
          },
        },
        {
          organizationId: orgs.univ4,
          teamName: '滨海理工学院 电化学储能团队',
          contactName: '马教授',
          proposal: {
            title: '原子层沉积 Al2O3 超薄包覆规模化工艺',
            summary: '流化床 ALD 实现 2 nm 级 Al2O3 均匀包覆，抑制界面副反应。',
            report: '流化床 ALD 设备方案、包覆均匀性表征与循环数据、放大路线。',
            attachments: [],
          },
        },
      ],
      secret,
      opts.memberUserId,
      new Date(now.getTime() - 5 * DAY),
    );
  });

  await db.transaction(async (tx) => {
    await insertChallenge(tx, actor, {
      organizationId: orgs.ent3,
      status: 'screening',
      secret,
      input: {
        title: '冷链仓储无人叉车低温环境定位导航',
        problem: '−25℃ 冷库内激光雷达结霜、电池续航下降，现有无人叉车定位漂移。征集低温环境可靠定位导航方案。',
        targets: '−25℃ 连续作业 8 小时；定位精度 ±10 mm；除霜功耗 ≤ 50 W。',
        fieldCode: 'D21',
        reward: { kind: 'contract_budget', budgetFen: 150_000_000 },
        ipTerms: 'solver_keeps',
      },
      at: {
        publishedAt: null,
        registrationDeadline: new Date(now.getTime() + 40 * DAY),
        submissionDeadline: new Date(now.getTime() + 70 * DAY),
      },
    });
  });
}

const inArrayIds = (ids: string[]) => inArray(challengeProposals.id, ids);
