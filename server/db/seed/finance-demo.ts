import { creditCodeFromSerialBody } from '../../../common/credit-code.js';
import { patentCheckChar } from '../../../common/patent-number.js';
import { assessSme, type SmeInput } from '../../../common/sme.js';
import type { Tx } from '../client.js';
import {
  financingInterests,
  financingMessages,
  financingRequests,
  investorProfiles,
  organizations,
  pledgeLoans,
  smeAssessments,
  subsidyApplications,
  subsidyContractPayments,
  subsidyProgrammes,
  users,
} from '../schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import { registeredContractsOf } from '../../modules/contracts/lookups.js';
import { computeEstimate } from '../../modules/subsidies/estimate.js';
import { eq } from 'drizzle-orm';

/**
 * Demo finance and subsidies (demo mode only): two investment institutions and a bank with profiles,
 * two financing requests (one with an investor's interest and a thread), one 科技型中小企业
 * self-assessment, one IP-pledge loan with its pledge registered, and two subsidy programmes — the
 * 2023 one with applications computed from the real demo contracts registered in 2023 (payments
 * recorded for them), in several states; the 2026 one open for applications.
 */
type Org = { id: string; name: string; regionCode: string };
const WAN = 1_000_000;
const at = (iso: string) => new Date(iso);

const NEW_ORGS = [
  { key: 'vc', type: 'investor', name: '天津海河科创投资管理有限公司', body: '91120116MA0000301', regionCode: '120116' },
  { key: 'angel', type: 'investor', name: '津沽天使创业投资合伙企业（有限合伙）', body: '91120104MA0000302', regionCode: '120104' },
  { key: 'bank', type: 'financial_institution', name: '津门银行科技支行', body: '91120103MA0000303', regionCode: '120103' },
] as const;

export async function seedFinanceDemo(tx: Tx, actor: Actor, orgs: { ent: Org; ent2: Org; univ: Org; inst: Org; all: Org[] }) {
  const made = new Map<string, Org>();
  for (const o of NEW_ORGS) {
    const row = {
      id: newId(),
      type: o.type,
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
    made.set(o.key, { id: row.id, name: o.name, regionCode: o.regionCode });
  }
  const vc = made.get('vc')!;
  const bank = made.get('bank')!;
  const profiles = [
    {
      organizationId: vc.id,
      stages: ['series_a', 'series_b', 'growth'],
      instruments: ['equity'],
      ticketMinFen: 1000 * WAN,
      ticketMaxFen: 8000 * WAN,
      fieldCodes: ['D', 'F'],
      regionCodes: ['120000'],
      trlMin: 5,
      trlMax: 8,
      smeOnly: false,
      description: '市级产业引导基金参股子基金，重点投资智能制造、新材料与海洋装备领域的成长期企业。',
    },
    {
      organizationId: made.get('angel')!.id,
      stages: ['seed', 'angel'],
      instruments: ['equity'],
      ticketMinFen: 100 * WAN,
      ticketMaxFen: 800 * WAN,
      fieldCodes: [],
      regionCodes: ['120000', '110000', '130000'],
      trlMin: 3,
      trlMax: 6,
      smeOnly: false,
      description: '由高校校友发起的天使基金，关注京津冀高校与科研院所成果转化早期项目。',
    },
    {
      organizationId: bank.id,
      stages: ['working_capital', 'growth'],
      instruments: ['debt'],
      ticketMinFen: 100 * WAN,
      ticketMaxFen: 3000 * WAN,
      fieldCodes: [],
      regionCodes: ['120000'],
      trlMin: 6,
      trlMax: 9,
      smeOnly: true,
      description: '“科技贷”与知识产权质押贷款，服务通过科技型中小企业评价的本市企业。',
    },
  ];
  for (const p of profiles) {
    const row = { ...p, published: true, updatedAt: at('2026-10-15T02:00:00Z') };
    await tx.insert(investorProfiles).values(row);
    await writeAudit(tx, actor, {
      action: 'investor_profile.create',
      entity: 'investor_profile',
      entityId: p.organizationId,
      organizationId: p.organizationId,
      after: row,
    });
  }

  // Financing requests, one with an interest and its thread.
  const r1 = {
    id: newId(),
    organizationId: orgs.ent.id,
    title: '港口智能装卸机器人产业化 A 轮融资',
    summary: '自主研发的集装箱智能装卸机器人已在天津港完成试运行，拟建设年产 200 台的生产线。',
    amountFen: 3000 * WAN,
    use: '生产线建设 60%，研发 25%，市场推广 15%',
    stage: 'series_a',
    instrument: 'equity',
    equityOfferedBp: 1200,
    fieldCode: 'D',
    trl: 7,
    regionCode: orgs.ent.regionCode,
    achievementId: null,
    achievementTitle: null,
    status: 'open',
    createdAt: at('2026-11-03T03:00:00Z'),
    updatedAt: at('2026-11-03T03:00:00Z'),
  };
  const r2 = {
    ...r1,
    id: newId(),
    organizationId: orgs.ent2.id,
    title: '高性能复合材料扩产流动资金贷款',
    summary: '订单增长，需补充原材料采购流动资金。',
    amountFen: 800 * WAN,
    use: '原材料采购与产线技改',
    stage: 'working_capital',
    instrument: 'debt',
    equityOfferedBp: null,
    fieldCode: 'D',
    trl: 8,
    regionCode: orgs.ent2.regionCode,
    createdAt: at('2026-11-20T03:00:00Z'),
    updatedAt: at('2026-11-20T03:00:00Z'),
  };
  for (const r of [r1, r2]) {
    await tx.insert(financingRequests).values(r);
    await writeAudit(tx, actor, {
      action: 'financing_request.create',
      entity: 'financing_request',
      entityId: r.id,
      organizationId: r.organizationId,
      after: r,
    });
  }
  const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'enterprise@jinqiao.demo'));
  if (admin) {
    const interest = {
      id: newId(),
      requestId: r1.id,
      investorOrganizationId: vc.id,
      amountFen: 1500 * WAN,
      status: 'accepted',
      createdAt: at('2026-11-06T06:00:00Z'),
      updatedAt: at('2026-11-08T02:00:00Z'),
    };
    await tx.insert(financingInterests).values(interest);
    await tx.insert(financingMessages).values([
      {
        id: newId(),
        interestId: interest.id,
        authorUserId: admin.id,
        side: 'investor',
        body: '（海河科创）我们拟领投 1500 万元，希望下周到贵司现场尽调。',
        createdAt: at('2026-11-06T06:00:00Z'),
      },
      {
        id: newId(),
        interestId: interest.id,
        authorUserId: admin.id,
        side: 'requester',
        body: '欢迎，下周二上午可安排参观中试线。',
        createdAt: at('2026-11-07T01:30:00Z'),
      },
    ]);
    await writeAudit(tx, actor, {
      action: 'financing_interest.express',
      entity: 'financing_interest',
      entityId: interest.id,
      organizationId: r1.organizationId,
      after: interest,
    });
  }

  // One 科技型中小企业 self-assessment (2025 figures): 35% staff → 20, R&D 5.2% of revenue → 40, 4 Class II → 24: 84.
  const sme: SmeInput = {
    staff: 180,
    techStaff: 63,
    revenueFen: 15_000 * WAN,
    assetsFen: 12_000 * WAN,
    rdExpenseFen: 780 * WAN,
    costExpenseFen: null,
    classIRights: 0,
    classIIRights: 4,
    directQualifications: [],
    declarationsConfirmed: true,
  };
  const r = assessSme(sme);
  const smeRow = { organizationId: orgs.ent.id, year: 2025, input: sme, ...r, assessedAt: at('2026-03-10T02:00:00Z') };
  const { rdBasis: _b, ...smeStored } = smeRow;
  void _b;
  await tx.insert(smeAssessments).values(smeStored);
  await writeAudit(tx, actor, {
    action: 'sme_assessment.assess',
    entity: 'sme_assessment',
    entityId: orgs.ent.id,
    organizationId: orgs.ent.id,
    after: smeStored,
  });

  // One IP-pledge loan, pledge registered.
  const loan = {
    id: newId(),
    applicantOrganizationId: orgs.ent.id,
    bankOrganizationId: bank.id,
    amountFen: 500 * WAN,
    termMonths: 12,
    purpose: '补充智能装卸机器人研发与生产流动资金',
    patents: [
      { number: '202210123456.0', title: '一种集装箱智能抓取机构及其控制方法', legalStatus: 'valid', patentee: orgs.ent.name },
      { number: '202320456789.0', title: '一种港口装卸机器人的防摇摆装置', legalStatus: 'valid', patentee: orgs.ent.name },
    ].map((p) => ({ ...p, number: `${p.number.slice(0, 12)}.${patentCheckChar(p.number.slice(0, 12))}` })),
    valuation: {
      valuer: '天津中联资产评估有限公司',
      valueFen: 1350 * WAN,
      reportName: '专利权质押评估报告（津中联评报字〔2026〕第 318 号）.pdf',
      reportUrl: 'https://example.org/demo/valuation-318.pdf',
      valuedOn: '2026-09-20',
    },
    status: 'pledged',
    approvedFen: 450 * WAN,
    rateBp: 365,
    decisionNote: '知识产权质押 + 科技型中小企业贴息',
    pledgeRegistrationNo: 'Y2026120000318',
    pledgor: orgs.ent.name,
    pledgee: bank.name,
    pledgeRegisteredOn: '2026-10-12',
    pledgeUntil: '2027-10-11',
    createdAt: at('2026-09-25T02:00:00Z'),
    updatedAt: at('2026-10-12T02:00:00Z'),
  };
  await tx.insert(pledgeLoans).values(loan);
  await writeAudit(tx, actor, {
    action: 'pledge_loan.apply',
    entity: 'pledge_loan',
    entityId: loan.id,
    organizationId: orgs.ent.id,
    after: loan,
  });

  // Subsidy programmes.
  const base = {
    issuer: '天津市科学技术局',
    applicantRoles: ['seller', 'buyer'],
    contractTypes: ['development', 'transfer', 'license', 'consulting', 'service'],
    basis: 'paid',
    buyerRegionCode: null,
    minLicenceYears: 3,
    requireSme: false,
    noticeWorkingDays: 5,
    minReviewers: 3,
  };
  const p2023 = {
    ...base,
    id: newId(),
    name: '2023 年度技术合同登记补助（示例）',
    documentNumber: '示例：参照豫科〔2022〕技术合同补助办法',
    regionCode: '120000',
    year: 2023,
    schedule: { tiers: [{ uptoFen: null, basisPoints: 200 }], capFenPerOrganizationYear: 100 * WAN },
    opensOn: '2024-03-01',
    closesOn: '2024-04-30',
    sources: {
      schedule: '河南省 2022：按技术合同实际到账金额的 2% 补助，单位年度最高 100 万元',
      minLicenceYears: '许可合同许可期限不少于 3 年（示例）',
    },
    description: '对上年度在本市登记、已实际到账的技术开发、转让、许可、咨询、服务合同给予补助。',
    createdAt: at('2024-02-20T02:00:00Z'),
    updatedAt: at('2024-02-20T02:00:00Z'),
  };
  const p2026 = {
    ...base,
    id: newId(),
    name: '2026 年度滨海新区技术交易奖励（示例）',
    documentNumber: '示例：参照福清市技术交易奖励办法',
    regionCode: '120116',
    year: 2026,
    buyerRegionCode: '120000',
    schedule: {
      tiers: [
        { uptoFen: 3000 * WAN, basisPoints: 50 },
        { uptoFen: null, basisPoints: 30 },
      ],
      capFenPerOrganizationYear: 100 * WAN,
    },
    opensOn: '2026-12-01',
    closesOn: '2027-01-31',
    sources: { schedule: '福清：3000 万元以下部分 0.5%，以上部分 0.3%，单位年度最高 100 万元', buyerRegionCode: '买方为本市单位' },
    description: '奖励本年度在滨海新区登记、买方在本市的技术合同，按实际到账金额分段计算。',
    createdAt: at('2026-11-25T02:00:00Z'),
    updatedAt: at('2026-11-25T02:00:00Z'),
  };
  for (const p of [p2023, p2026]) {
    await tx.insert(subsidyProgrammes).values(p);
    await writeAudit(tx, actor, { action: 'subsidy_programme.create', entity: 'subsidy_programme', entityId: p.id, after: p });
  }
  // Payments recorded (voucher and invoice) on the 2023 contracts of the demo organisations, then their applications.
  const states = ['paid', 'noticed', 'in_review', 'returned', 'submitted'] as const;
  let n = 0;
  for (const org of orgs.all) {
    const contracts = await registeredContractsOf(tx, { organizationId: org.id, roles: ['seller', 'buyer'], year: 2023 });
    if (contracts.length === 0) continue;
    for (const [i, c] of contracts.entries()) {
      // The last contract of each organisation is only partly paid, so the lines show both cases.
      const amount =
        i === contracts.length - 1 && contracts.length > 1
          ? Math.floor(c.technologyTransactionAmountFen / 2)
          : c.technologyTransactionAmountFen;
      if (amount <= 0) continue;
      const key = `${c.registrationNumber.slice(-6)}${i}`;
      await tx
        .insert(subsidyContractPayments)
        .values({
          id: newId(),
          contractId: c.id,
          organizationId: org.id,
          amountFen: amount,
          paidOn: '2023-12-20',
          bankVoucherNo: `JZ2023${key}`,
          invoiceNo: `120023${key}`,
          createdAt: at('2024-03-05T02:00:00Z'),
        })
        .onConflictDoNothing();
    }
    const status = states[n % states.length]!;
    const [prog] = await tx.select().from(subsidyProgrammes).where(eq(subsidyProgrammes.id, p2023.id));
    const e = await computeEstimate(tx, prog!, org);
    if (e.amountFen === 0) continue;
    const granted = ['paid', 'noticed'].includes(status);
    const app = {
      id: newId(),
      programmeId: p2023.id,
      organizationId: org.id,
      regionCode: org.regionCode,
      status,
      contractIds: e.contracts.filter((c) => c.eligible).map((c) => c.contractId),
      lines: e.lines,
      baseFen: e.baseFen,
      requestedFen: e.amountFen,
      approvedFen: granted ? e.amountFen : null,
      paidFen: status === 'paid' ? e.amountFen : null,
      officerNote: status === 'returned' ? '请补充 2023 年 12 月到账的银行进账单扫描件' : null,
      reviewMean: granted ? 86.5 : null,
      meetingOn: granted ? '2024-05-20' : null,
      noticeFrom: granted ? '2024-05-27' : null,
      noticeUntil: granted ? '2024-05-31' : null,
      paidOn: status === 'paid' ? '2024-06-28' : null,
      paymentReference: status === 'paid' ? `CZ2024${String(n).padStart(4, '0')}` : null,
      submittedAt: at('2024-03-15T02:00:00Z'),
      createdAt: at('2024-03-15T02:00:00Z'),
      updatedAt: at('2024-06-28T02:00:00Z'),
    };
    await tx.insert(subsidyApplications).values(app);
    await writeAudit(tx, actor, {
      action: 'subsidy_application.submit',
      entity: 'subsidy_application',
      entityId: app.id,
      organizationId: org.id,
      after: app,
    });
    n++;
  }
  return n;
}
