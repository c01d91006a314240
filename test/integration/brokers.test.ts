// The broker registry: registry keepers register brokers with accreditations and training; the
// public directory ranks them by a track record computed only from registered contracts naming them.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { BrokerSummary, BrokerView } from '../../common/api/brokers.js';
import { auditLog } from '../../server/lib/schema.js';
import { createLoggedInUser, createOrganization, createUser, unique, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { certify, fieldErrors, registrationCast, submitApplication } from './contracts-fixtures.js';

const t = useTestApp();

async function register(officer: LoggedIn, payload: Record<string, unknown>): Promise<BrokerView> {
  const res = await officer.inject({ method: 'POST', url: '/api/brokers', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as BrokerView;
}

async function accredit(officer: LoggedIn, id: string, tier: string, expiresOn = '2029-12-31') {
  const res = await officer.inject({
    method: 'POST',
    url: `/api/brokers/${id}/accreditations`,
    payload: { tier, certificateNumber: `JJR-${unique()}`, issuedOn: '2024-06-30', expiresOn, issuer: '天津市科学技术局' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as BrokerView;
}

/** A contract of this amount, paid at once, without deductions. */
const amount = (fen: number) => ({
  contractAmountFen: fen,
  nonTechnicalCosts: [],
  payments: [{ dueOn: null, amountFen: fen, condition: '签约后 30 日内' }],
});

const directory = async (query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/brokers${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: BrokerSummary[]; total: number };
};

describe('brokers', { timeout: 120_000 }, () => {
  it('a registered contract naming the broker makes the track record; drafts, other brokers and typed names do not', async () => {
    const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer' })).session;
    const tti = await createOrganization(t.db, { type: 'transfer_institution', name: `天津某技术转移中心 ${unique()}` });
    const brokerUser = await createUser(t.db, { role: 'broker', organizationId: tti.id, name: '周洋' });
    const otherUser = await createUser(t.db, { role: 'broker', organizationId: tti.id });
    const name = `周洋 ${unique()}`;
    const broker = await register(officer, {
      name,
      userId: brokerUser.id,
      employingOrganizationId: tti.id,
      specialties: '新材料 专利许可',
      phone: '022-23456789',
    });
    await accredit(officer, broker.id, 'intermediate_broker');
    const training = await officer.inject({
      method: 'POST',
      url: `/api/brokers/${broker.id}/trainings`,
      payload: {
        course: '技术经纪人实务',
        module: 'practical_skills',
        hours: 16,
        completedOn: '2024-05-20',
        certificateNumber: 'PX-2024-001',
      },
    });
    expect(training.statusCode, training.body).toBe(201);

    const cast = await registrationCast(t);
    const named = await submitApplication(cast, { broker: { userId: brokerUser.id, name: '周洋' }, ...amount(80_000_000) });
    expect((await certify(cast, named.id)).statusCode).toBe(200);
    // Submitted but not registered; another broker's; a name typed without the account.
    await submitApplication(cast, { broker: { userId: brokerUser.id, name: '周洋' } });
    const other = await submitApplication(cast, { broker: { userId: otherUser.id, name: '其他' } });
    expect((await certify(cast, other.id)).statusCode).toBe(200);
    const typed = await submitApplication(cast, { broker: { name } });
    expect((await certify(cast, typed.id)).statusCode).toBe(200);

    const profile = (await t.app.inject({ method: 'GET', url: `/api/brokers/${broker.id}` })).json() as BrokerView;
    expect(profile).toMatchObject({
      name,
      tier: 'intermediate_broker',
      certified: true,
      employer: { id: tti.id },
      contact: null, // the public sees no phone
      declarations: null,
      trackRecord: { contracts: 1, contractAmountFen: 80_000_000, completedDeals: 0 },
      trainingHours: 16,
      hoursByModule: { practical_skills: 16, public_knowledge: 0 },
    });
    expect(profile.trackRecord.technologyTransactionAmountFen).toBe(named.amounts.technologyTransactionAmountFen);
    expect(profile.recentContracts).toEqual([expect.objectContaining({ title: named.title, contractAmountFen: 80_000_000 })]);
    expect(profile.recentContracts[0]!.registrationNumber).toMatch(/^\d{16}$/);

    const listed = (await directory(`?q=${encodeURIComponent(name)}`)).items;
    expect(listed).toEqual([expect.objectContaining({ id: broker.id, tier: 'intermediate_broker', rank: 1 })]);
    expect((await directory(`?q=${encodeURIComponent(name)}&tier=senior_manager`)).items).toEqual([]);

    const asOfficer = (await officer.inject({ method: 'GET', url: `/api/brokers/${broker.id}` })).json() as BrokerView;
    expect(asOfficer.contact).toEqual({ phone: '022-23456789', email: null });
    expect(asOfficer.actions).toEqual(expect.arrayContaining(['edit', 'accredit', 'suspend']));
  });

  it('ranks by registered contract amount; the tier follows valid accreditations only', async () => {
    const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer' })).session;
    const tti = await createOrganization(t.db, { type: 'transfer_institution' });
    const tag = unique();
    const users = [
      await createUser(t.db, { role: 'broker', organizationId: tti.id }),
      await createUser(t.db, { role: 'broker', organizationId: tti.id }),
    ];
    const small = await register(officer, { name: `小额 ${tag}`, userId: users[0]!.id, employingOrganizationId: tti.id });
    const large = await register(officer, { name: `大额 ${tag}`, userId: users[1]!.id, employingOrganizationId: tti.id });
    await accredit(officer, small.id, 'senior_manager', '2025-01-01'); // expired
    const cast = await registrationCast(t);
    for (const [u, fen] of [
      [users[0]!, 10_000_000],
      [users[1]!, 90_000_000],
    ] as const) {
      const c = await submitApplication(cast, { broker: { userId: u.id, name: '经纪人' }, ...amount(fen) });
      expect((await certify(cast, c.id)).statusCode).toBe(200);
    }
    const items = (await directory(`?q=${encodeURIComponent(tag)}`)).items;
    expect(items.map((i) => [i.id, i.rank, i.trackRecord.contractAmountFen, i.tier])).toEqual([
      [large.id, 1, 90_000_000, null],
      [small.id, 2, 10_000_000, null],
    ]);
  });

  it('a broker declares a conflict of interest once per contract naming them', async () => {
    const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer' })).session;
    const tti = await createOrganization(t.db, { type: 'transfer_institution' });
    const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'broker', organizationId: tti.id });
    const broker = await register(officer, { name: `申报人 ${unique()}`, userId: user.id, employingOrganizationId: tti.id });
    const cast = await registrationCast(t);
    const mine = await submitApplication(cast, { broker: { userId: user.id, name: '申报人' } });
    const notMine = await submitApplication(cast);

    const declare = (contractId: string, extra: Record<string, unknown> = {}) =>
      session.inject({
        method: 'POST',
        url: '/api/me/broker/declarations',
        payload: { contractId, hasConflict: true, relation: '本人持有买方 2% 股份', statement: '已向双方书面披露。', ...extra },
      });
    const notNamed = await declare(notMine.id);
    expect(notNamed.statusCode).toBe(400);
    expect(fieldErrors(notNamed)).toContainEqual(expect.objectContaining({ field: 'body.contractId' }));
    const noRelation = await declare(mine.id, { relation: '' });
    expect(fieldErrors(noRelation)).toContainEqual(expect.objectContaining({ field: 'body.relation' }));

    const ok = await declare(mine.id);
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as BrokerView).declarations).toEqual([
      expect.objectContaining({ contractId: mine.id, hasConflict: true, relation: '本人持有买方 2% 股份' }),
    ]);
    expect((await declare(mine.id)).statusCode).toBe(409);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, broker.id), eq(auditLog.action, 'broker.declare')));
    expect(audited).toHaveLength(1);
    // The public profile does not show declarations.
    expect(((await t.app.inject({ method: 'GET', url: `/api/brokers/${broker.id}` })).json() as BrokerView).declarations).toBeNull();
  });

  it('keepers act in their region; others cannot register; a withdrawn broker leaves the directory', async () => {
    const hexi = await createOrganization(t.db, { type: 'transfer_institution', regionCode: '120103' });
    const binhaiOfficer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' })).session;
    const cityOfficer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer' })).session;
    const member = (await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: hexi.id })).session;
    const payload = { name: `河西经纪人 ${unique()}`, employingOrganizationId: hexi.id };
    expect((await binhaiOfficer.inject({ method: 'POST', url: '/api/brokers', payload })).statusCode).toBe(403);
    expect((await member.inject({ method: 'POST', url: '/api/brokers', payload })).statusCode).toBe(403);
    const broker = await register(cityOfficer, payload);
    const withdraw = await cityOfficer.inject({
      method: 'POST',
      url: `/api/brokers/${broker.id}/transitions`,
      payload: { action: 'withdraw', reason: '本人申请注销' },
    });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    expect((await directory(`?q=${encodeURIComponent(payload.name)}`)).total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/brokers/${broker.id}` })).statusCode).toBe(404);
    expect(
      (await cityOfficer.inject({ method: 'POST', url: `/api/brokers/${broker.id}/transitions`, payload: { action: 'suspend' } }))
        .statusCode,
    ).toBe(409);
  });
});
