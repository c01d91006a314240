/**
 * Helpers for the reports and integrity suites: a publicly funded university (credit code issued by
 * a 机构编制 authority, so it must file the annual report) with a member and an admin, a
 * registration point, and deals and registered contracts sold by the university.
 */
import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { ContractInput, ContractView } from '../../common/api/contracts.js';
import { addYears } from '../../common/reports.js';
import { CREDIT_CODE_ALPHABET, completeCreditCode } from '../../common/credit-code.js';
import { systemActor } from '../../server/lib/actor.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { insertDeal } from '../../server/modules/trading/deals.js';
import { createAchievement, createOrganization, createUser, loginAs, unique, type LoggedIn } from '../factories.js';
import type { TestApp } from '../harness.js';
import { contractInput, uploadScan, transition } from './contracts-fixtures.js';

/** A valid credit code of a public institution (事业单位: registration authority 1, category 2). */
export function publicInstitutionCode(division = '120104'): string {
  let orgCode = '';
  for (let i = 0; i < 9; i++) orgCode += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)];
  return completeCreditCode(`12${division}${orgCode}`);
}

export async function university(t: TestApp, regionCode = '120104') {
  const org = await createOrganization(t.db, {
    type: 'university',
    name: `天津某大学 ${unique()}`,
    regionCode,
    creditCode: publicInstitutionCode(regionCode.slice(0, 6)),
  });
  const member = await createUser(t.db, { role: 'org_member', organizationId: org.id });
  const admin = await createUser(t.db, { role: 'org_admin', organizationId: org.id });
  const point = await createOrganization(t.db, { type: 'government', name: `技术合同登记处 ${unique()}`, regionCode: '120104' });
  const registrar = await createUser(t.db, { role: 'registrar', organizationId: point.id });
  return {
    org,
    member,
    admin,
    memberSession: await loginAs(t.app, member),
    adminSession: await loginAs(t.app, admin),
    point,
    registrarSession: await loginAs(t.app, registrar),
  };
}
export type University = Awaited<ReturnType<typeof university>>;

/** A deal the university concluded as the seller now (trading's own insert, as its closing jobs do). */
export async function dealSold(t: TestApp, u: University, o: { priceFen: number; transferMode: string; title: string }) {
  const achievement = await createAchievement(t.db, { by: u.member, status: 'published', input: { title: o.title } });
  const buyer = await createOrganization(t.db, { name: `天津某科技有限公司 ${unique()}` });
  const id = await t.db.transaction((tx) =>
    insertDeal(tx, systemActor('test'), {
      route: 'agreement',
      achievementId: achievement.id,
      sellerOrganizationId: u.org.id,
      buyerOrganizationId: buyer.id,
      regionCode: u.org.regionCode,
      title: o.title,
      achievementSummary: '测试成果简介',
      fieldCode: 'D15',
      priceFen: o.priceFen,
      transferMode: o.transferMode,
    }),
  );
  return { id, achievementId: achievement.id };
}

/** A contract the university applies for (as the seller, signed today) and the registrar certifies. */
export async function registeredContract(u: University, overrides: Partial<ContractInput>): Promise<ContractView> {
  const today = localDateOf(clock.now());
  const amount = overrides.contractAmountFen ?? 120_000_000;
  const input = contractInput(
    { registrationOrganizationId: u.point.id },
    {
      signedOn: today,
      validFrom: today,
      validUntil: addYears(today, 1),
      nonTechnicalCosts: [],
      payments: [{ dueOn: null, amountFen: amount, condition: '签约后 30 日内' }],
      seller: {
        name: u.org.name,
        organizationType: 'university',
        country: 'CN',
        regionCode: u.org.regionCode,
        creditCode: u.org.creditCode,
      },
      ...overrides,
    },
  );
  const draft = await fileContract(u.memberSession, input);
  expect((await uploadScan(u.memberSession, draft.id)).statusCode).toBe(201);
  const submitted = await transition(u.memberSession, draft.id, { action: 'submit' });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const certified = await transition(u.registrarSession, draft.id, { action: 'certify' });
  expect(certified.statusCode, certified.body).toBe(200);
  return certified.json() as ContractView;
}

async function fileContract(session: LoggedIn, input: ContractInput): Promise<ContractView> {
  const res = await session.inject({ method: 'POST', url: '/api/contracts', payload: input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ContractView;
}

/** Logs the university's member and admin in again (after the clock moved past their sessions). */
export async function relogin(t: TestApp, u: University): Promise<void> {
  u.memberSession = await loginAs(t.app, u.member);
  u.adminSession = await loginAs(t.app, u.admin);
}
