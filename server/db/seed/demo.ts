import { count, eq } from 'drizzle-orm';
import { creditCodeFromSerialBody } from '../../../common/credit-code.js';
import type { AssignableRole, OrganizationType } from '../../../common/roles.js';
import type { Db } from '../client.js';
import { organizations, systemState, users } from '../schema/index.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import { assignRole } from '../../modules/identity/roles.js';
import { createUser } from '../../modules/identity/service.js';
import { seedCatalogDemo } from './catalog-demo.js';
import { seedTradingDemo } from './trading-demo.js';
import { seedContractsDemo } from './contracts-demo.js';
import { seedContractQueueDemo } from './contracts-queue-demo.js';
import { seedReportsDemo } from './reports-demo.js';
import { seedTtoDemo } from './tto-demo.js';
import { seedExpertsDemo } from './experts-demo.js';
import { seedPublicLifeDemo } from './public-life-demo.js';
import { seedChallengesDemo } from './challenges-demo.js';
import { TEST_PROCESS_SECRET } from '../../modules/challenges/secret.js';
import { seedInstitutionsDemo } from './institutions-demo.js';
import { seedFinanceDemo } from './finance-demo.js';
import { seedExportControlDemo } from './export-control-demo.js';
import { seedSearchDemo } from './search-demo.js';
import { seedNewsDemo } from './news-demo.js';

/** Demo password of every demo account (README lists them). Demo data exists only in demo mode. */
export const DEMO_PASSWORD = 'jinqiao-demo-2026';

interface DemoOrg {
  key: string;
  type: OrganizationType;
  name: string;
  /** 17-character credit-code body; the check character is computed. */
  body: string;
  regionCode: string;
  status: 'active' | 'pending';
}

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'univ', type: 'university', name: '津沽大学', body: '12120104MB0000011', regionCode: '120104', status: 'active' },
  {
    key: 'inst',
    type: 'research_institute',
    name: '海河新材料研究院',
    body: '12120116MB0000022',
    regionCode: '12011601',
    status: 'active',
  },
  { key: 'ent', type: 'enterprise', name: '天津滨港智能装备有限公司', body: '91120116MA0000033', regionCode: '120116', status: 'active' },
  { key: 'tti', type: 'transfer_institution', name: '津桥技术转移中心', body: '52120103MJ0000044', regionCode: '120103', status: 'active' },
  {
    key: 'reg',
    type: 'service_provider',
    name: '天津市技术合同登记站（河西）',
    body: '12120103MB0000055',
    regionCode: '120103',
    status: 'active',
  },
  { key: 'gov', type: 'government', name: '天津市科学技术局', body: '11120000MB0000066', regionCode: '120000', status: 'active' },
  {
    key: 'pending',
    type: 'enterprise',
    name: '津南生物医药科技有限公司',
    body: '91120112MA0000077',
    regionCode: '120112',
    status: 'pending',
  },
  // More owners of demo achievements and demands, without accounts.
  { key: 'univ2', type: 'university', name: '海河工业大学', body: '12120111MB0000101', regionCode: '120111', status: 'active' },
  { key: 'univ3', type: 'university', name: '津门医科大学', body: '12120101MB0000102', regionCode: '120101', status: 'active' },
  { key: 'univ4', type: 'university', name: '滨海理工学院', body: '12120116MB0000103', regionCode: '12011601', status: 'active' },
  { key: 'univ5', type: 'university', name: '北辰农业大学', body: '12120113MB0000104', regionCode: '120113', status: 'active' },
  {
    key: 'inst2',
    type: 'research_institute',
    name: '天津先进制造研究院',
    body: '12120114MB0000105',
    regionCode: '120114',
    status: 'active',
  },
  {
    key: 'inst3',
    type: 'research_institute',
    name: '渤海海洋与环境研究所',
    body: '12120116MB0000106',
    regionCode: '12011604',
    status: 'active',
  },
  {
    key: 'ent2',
    type: 'enterprise',
    name: '天津东丽新材料股份有限公司',
    body: '91120110MA0000107',
    regionCode: '120110',
    status: 'active',
  },
  {
    key: 'ent3',
    type: 'enterprise',
    name: '武清智慧物流科技有限公司',
    body: '91120114MA0000108',
    regionCode: '12011401',
    status: 'active',
  },
  { key: 'ent4', type: 'enterprise', name: '静海绿色食品有限公司', body: '91120118MA0000109', regionCode: '120118', status: 'active' },
  { key: 'ent5', type: 'enterprise', name: '西青电子信息有限公司', body: '91120111MA0000110', regionCode: '120111', status: 'active' },
  { key: 'ent6', type: 'enterprise', name: '天津港航工程有限公司', body: '91120116MA0000111', regionCode: '12011603', status: 'active' },
];

export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: AssignableRole; org?: string; region?: string; label: string }> = [
  { email: 'admin@jinqiao.demo', name: '平台管理员', role: 'platform_admin', label: '平台管理员 platform admin' },
  {
    email: 'officer@jinqiao.demo',
    name: '市科技局 王科长',
    role: 'gov_officer',
    org: 'gov',
    region: '120000',
    label: '政府管理人员（市级） city officer',
  },
  {
    email: 'officer.binhai@jinqiao.demo',
    name: '滨海新区科技局 李科长',
    role: 'gov_officer',
    org: 'gov',
    region: '120116',
    label: '政府管理人员（滨海新区） district officer',
  },
  { email: 'registrar@jinqiao.demo', name: '登记员 赵敏', role: 'registrar', org: 'reg', label: '技术合同登记员 contract registrar' },
  {
    email: 'orgadmin@jinqiao.demo',
    name: '津沽大学 技术转移办 陈主任',
    role: 'org_admin',
    org: 'univ',
    label: '单位管理员（高校） organisation admin',
  },
  { email: 'member@jinqiao.demo', name: '津沽大学 刘教授', role: 'org_member', org: 'univ', label: '单位用户（高校） organisation member' },
  {
    email: 'enterprise@jinqiao.demo',
    name: '滨港智能 孙经理',
    role: 'org_admin',
    org: 'ent',
    label: '单位管理员（企业） enterprise admin',
  },
  { email: 'broker@jinqiao.demo', name: '技术经纪人 周洋', role: 'broker', org: 'tti', label: '技术经纪人 broker' },
  { email: 'expert@jinqiao.demo', name: '专家 吴研究员', role: 'expert', org: 'inst', label: '专家 expert' },
  {
    email: 'pending@jinqiao.demo',
    name: '津南生物 郑总',
    role: 'org_admin',
    org: 'pending',
    label: '待审核单位的管理员 admin of a pending organisation',
  },
];

/** Seeds demo organisations and one account per role, once, on an empty database. */
export async function seedDemo(db: Db, opts: { challengeSealSecret?: Buffer } = {}): Promise<boolean> {
  const [seeded] = await db.select().from(systemState).where(eq(systemState.key, 'demo_seeded'));
  if (seeded) return false;
  const [{ n }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
  if (Number(n) > 0) return false; // never mix demo data into a database that has real users
  const actor = systemActor('seed:demo');
  const orgIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const o of DEMO_ORGS) {
      const id = newId();
      orgIds.set(o.key, id);
      const row = {
        id,
        type: o.type,
        name: o.name,
        creditCode: creditCodeFromSerialBody(o.body),
        regionCode: o.regionCode,
        status: o.status,
      };
      await tx.insert(organizations).values(row);
      await writeAudit(tx, actor, {
        action: 'organization.register',
        entity: 'organization',
        entityId: id,
        organizationId: id,
        after: row,
      });
    }
    for (const a of DEMO_ACCOUNTS) {
      const user = await createUser(tx, { email: a.email, name: a.name, password: DEMO_PASSWORD });
      await writeAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: user.id, after: { email: user.email, name: a.name } });
      if (a.role === 'gov_officer') {
        await assignRole(tx, actor, { userId: user.id, role: 'gov_officer', regionCode: a.region! });
        await assignRole(tx, actor, { userId: user.id, role: 'org_member', organizationId: orgIds.get(a.org!)! });
      } else {
        await assignRole(tx, actor, { userId: user.id, role: a.role, organizationId: a.org ? orgIds.get(a.org)! : null });
      }
    }
    const seedOrg = (k: string) => ({
      id: orgIds.get(k)!,
      name: DEMO_ORGS.find((o) => o.key === k)!.name,
      regionCode: DEMO_ORGS.find((o) => o.key === k)!.regionCode,
    });
    await seedCatalogDemo(
      tx,
      actor,
      ['univ', 'inst', 'univ2', 'univ3', 'univ4', 'univ5', 'inst2', 'inst3'].map(seedOrg),
      ['ent', 'ent2', 'ent3', 'ent4', 'ent5', 'ent6'].map(seedOrg),
    );
    const cityOrgs = DEMO_ORGS.filter((o) => o.status === 'active' && !['reg', 'gov'].includes(o.key));
    await seedContractsDemo(tx, actor, {
      organizations: cityOrgs.map((o) => ({ ...seedOrg(o.key), type: o.type })),
      registrationPointId: orgIds.get('reg')!,
    });
    await seedTradingDemo(tx, actor, {
      univ: seedOrg('univ'),
      ent: seedOrg('ent'),
      ent2: seedOrg('ent2'),
      ent3: seedOrg('ent3'),
      inst: seedOrg('inst'),
    });
    await seedPublicLifeDemo(tx, actor, {
      univ: seedOrg('univ'),
      inst: seedOrg('inst'),
      ent: seedOrg('ent'),
      ent2: seedOrg('ent2'),
      tti: seedOrg('tti'),
      gov: seedOrg('gov'),
    });
    await seedFinanceDemo(tx, actor, {
      ent: seedOrg('ent'),
      ent2: seedOrg('ent2'),
      univ: seedOrg('univ'),
      inst: seedOrg('inst'),
      all: cityOrgs.map((o) => seedOrg(o.key)),
    });
    await tx.insert(systemState).values({ key: 'demo_seeded', value: new Date().toISOString() });
  });
  // Through the services (each in its own transaction), after the accounts exist.
  const userId = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  await seedContractQueueDemo(db, {
    memberUserId: await userId('member@jinqiao.demo'),
    enterpriseUserId: await userId('enterprise@jinqiao.demo'),
    registrarUserId: await userId('registrar@jinqiao.demo'),
    registrationPointId: orgIds.get('reg')!,
  });
  await seedReportsDemo(
    db,
    DEMO_ORGS.filter((o) => ['univ', 'inst', 'univ2', 'univ3', 'univ4', 'univ5', 'inst2', 'inst3'].includes(o.key)).map((o) => ({
      key: o.key,
      id: orgIds.get(o.key)!,
      name: o.name,
      regionCode: o.regionCode,
      creditCode: creditCodeFromSerialBody(o.body),
    })),
    await userId('officer@jinqiao.demo'),
  );
  await seedTtoDemo(db, {
    universityId: orgIds.get('univ')!,
    researcherUserId: await userId('member@jinqiao.demo'),
    adminUserId: await userId('orgadmin@jinqiao.demo'),
    password: DEMO_PASSWORD,
  });
  await seedExpertsDemo(db, { orgIds, password: DEMO_PASSWORD });
  await seedChallengesDemo(db, {
    // Without the server's secret (tests seeding by hand) the proposals are sealed under the test process's.
    secret: opts.challengeSealSecret ?? TEST_PROCESS_SECRET,
    orgs: Object.fromEntries(
      ['ent', 'ent2', 'ent3', 'univ', 'univ2', 'univ4', 'inst', 'inst2'].map((k) => [k, orgIds.get(k)!]),
    ) as Parameters<typeof seedChallengesDemo>[1]['orgs'],
    enterpriseUserId: await userId('enterprise@jinqiao.demo'),
    memberUserId: await userId('member@jinqiao.demo'),
  });
  await seedInstitutionsDemo(db, { orgIds });
  await seedExportControlDemo(db, {
    memberUserId: await userId('member@jinqiao.demo'),
    officerUserId: await userId('officer@jinqiao.demo'),
    password: DEMO_PASSWORD,
  });
  await seedSearchDemo(db);
  await seedNewsDemo(db, { adminUserId: await userId('admin@jinqiao.demo') });
  return true;
}
