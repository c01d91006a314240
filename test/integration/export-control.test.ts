// Export control (C12): a cross-border deal is screened against the catalogue; a prohibited one is
// stopped, a restricted one held until its letter of intent and licence are recorded; certification
// refuses a technology export without a screening; a held record's confidential part is closed to
// the party abroad until the letter of intent.
import { describe, expect, it } from 'vitest';
import type { ScreeningView } from '../../common/api/export-control.js';
import { addWorkingDays, endOfLocalDate, localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { insertDeal } from '../../server/modules/trading/deals.js';
import {
  actorFor,
  createAchievement,
  createLoggedInUser,
  createOrganization,
  createUser,
  loginAs,
  unique,
  type LoggedIn,
} from '../factories.js';
import { useTestApp } from '../harness.js';
import { CATHODE, RARE_EARTH } from './export-control-fixtures.js';
import { certify, registrationCast, submitApplication } from './contracts-fixtures.js';

const t = useTestApp();

async function foreignBuyer() {
  const org = await createOrganization(t.db, { name: `Acme Semiconductor Inc. ${unique()}` });
  const admin = await createUser(t.db, { role: 'org_admin', organizationId: org.id });
  const session = await loginAs(t.app, admin);
  // Only a platform admin sets the country: the organisation cannot change it, either way.
  const own = await session.inject({ method: 'PATCH', url: `/api/organizations/${org.id}`, payload: { country: 'us' } });
  expect(own.statusCode).toBe(403);
  expect(own.json().errors).toEqual([expect.objectContaining({ field: 'body.country' })]);
  const { session: platformAdmin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
  const res = await platformAdmin.inject({ method: 'PATCH', url: `/api/organizations/${org.id}`, payload: { country: 'us' } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ country: 'US' });
  const back = await session.inject({ method: 'PATCH', url: `/api/organizations/${org.id}`, payload: { country: 'CN' } });
  expect(back.statusCode).toBe(403);
  return { org, session };
}

/** A published achievement of a Tianjin seller and a deal on it with a buyer abroad. */
async function crossBorderDeal(input: typeof CATHODE) {
  const sellerUser = await createUser(t.db, { role: 'org_member' });
  const achievement = await createAchievement(t.db, {
    by: sellerUser,
    status: 'published',
    input: { ...input, contacts: [{ name: '王工', phone: '022-12345678' }] },
  });
  const buyer = await foreignBuyer();
  const actor = await actorFor(t.db, sellerUser);
  const dealId = await t.db.transaction((tx) =>
    insertDeal(tx, actor, {
      route: 'listing',
      achievementId: achievement.id,
      sellerOrganizationId: sellerUser.organizationId!,
      buyerOrganizationId: buyer.org.id,
      regionCode: '120116',
      title: input.title,
      achievementSummary: input.summary,
      fieldCode: 'D15',
      priceFen: 300_000_000,
      transferMode: 'license',
    }),
  );
  return { seller: await loginAs(t.app, sellerUser), achievement, buyer, dealId };
}

const officer = async () => loginAs(t.app, await createUser(t.db, { role: 'gov_officer' }));
const screen = (s: LoggedIn, payload: Record<string, unknown>) =>
  s.inject({ method: 'POST', url: '/api/export-control/screenings', payload });
const move = (s: LoggedIn, id: string, payload: Record<string, unknown>) =>
  s.inject({ method: 'POST', url: `/api/export-control/screenings/${id}/transitions`, payload });
const holdOf = async (s: LoggedIn, subject: string, id: string) =>
  (await s.inject({ method: 'GET', url: `/api/export-control/holds?subject=${subject}&id=${id}` })).json() as {
    hold: string;
    status: string | null;
  };

describe('export-control screening', () => {
  it('the seller asks for a screening of its deal with a US buyer: the battery-cathode item is proposed with its control point', async () => {
    const { seller, dealId } = await crossBorderDeal(CATHODE);
    expect(await holdOf(seller, 'deal', dealId)).toMatchObject({ hold: 'pending', status: null });
    const res = await screen(seller, { subject: 'deal', id: dealId });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as ScreeningView;
    expect(s).toMatchObject({ status: 'pending', hold: 'pending', crossBorder: true, foreignCountry: 'US', actions: [] });
    expect(s.candidates[0]).toMatchObject({ code: '252604X', class: 'restricted', name: '电池正极材料制备技术' });
    expect(s.candidates[0]!.controlPoints[0]!.matched).toBe(true);
    expect(s.catalogue.sourceDocument).toContain('2025年第28号');
    // Screening again while pending refreshes it; it is one screening.
    const again = await screen(seller, { subject: 'deal', id: dealId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(s.id);
  });

  it('a prohibited deal is stopped, and nothing moves it on', async () => {
    const { seller, dealId, buyer } = await crossBorderDeal(RARE_EARTH);
    const reviewer = await officer();
    const s = (await screen(reviewer, { subject: 'deal', id: dealId })).json() as ScreeningView;
    const rare = s.candidates.find((c) => c.class === 'prohibited')!;
    expect(rare.name).toBe('稀土的提炼、加工、利用技术');
    expect(rare.controlPoints.find((p) => p.text === '稀土萃取分离工艺技术')!.matched).toBe(true);
    expect(s.actions).toEqual(['decide']);

    // A prohibited decision must rest on a prohibited item.
    const wrong = await move(reviewer, s.id, { action: 'decide', decision: 'prohibited', itemIds: [], reason: '属于禁止出口技术' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.itemIds');

    const res = await move(reviewer, s.id, {
      action: 'decide',
      decision: 'prohibited',
      itemIds: [rare.itemId],
      reason: '稀土萃取分离工艺技术属于禁止出口技术',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'stopped', hold: 'stopped', decision: 'prohibited', actions: [] });
    expect(await holdOf(seller, 'deal', dealId)).toMatchObject({ hold: 'stopped', status: 'stopped' });
    expect(await holdOf(buyer.session, 'deal', dealId)).toMatchObject({ hold: 'stopped' });
    const after = await move(reviewer, s.id, { action: 'record_intent', number: '津商技出意〔2026〕1号', issuedOn: '2026-12-01' });
    expect(after.statusCode).toBe(409);
    // Screening a decided record answers the decision as it stands.
    expect((await screen(seller, { subject: 'deal', id: dealId })).json()).toMatchObject({ id: s.id, status: 'stopped' });
  });

  it('a restricted deal is held until the letter of intent and the licence are recorded; the buyer abroad sees no contacts until the letter', async () => {
    const { seller, dealId, achievement, buyer } = await crossBorderDeal(CATHODE);
    const reviewer = await officer();
    const s = (await screen(seller, { subject: 'deal', id: dealId })).json() as ScreeningView;
    const item = s.candidates.find((c) => c.code === '252604X')!;
    const decided = await move(reviewer, s.id, {
      action: 'decide',
      decision: 'restricted',
      itemIds: [item.itemId],
      reason: '磷酸铁锂正极材料参数达到 252604X 控制要点 1',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const held = decided.json() as ScreeningView;
    expect(held).toMatchObject({ status: 'held', hold: 'held', negotiationAllowed: false, actions: ['record_intent', 'record_refusal'] });
    // The authority's 30 working days, counted on the calendar from the decision.
    expect(held.deadlineAt).toBe(endOfLocalDate(addWorkingDays(localDateOf(clock.now()), 30)).toISOString());
    expect(await holdOf(seller, 'deal', dealId)).toMatchObject({ hold: 'held' });

    const contactsFor = async (session: LoggedIn) =>
      (await session.inject({ method: 'GET', url: `/api/achievements/${achievement.id}` })).json().contacts as unknown[] | null;
    expect(await contactsFor(buyer.session)).toBeNull();
    expect(await contactsFor(seller)).toHaveLength(1);
    const domestic = await loginAs(t.app, await createUser(t.db, { role: 'org_member' }));
    expect(await contactsFor(domestic)).toHaveLength(1);

    const intent = await move(reviewer, s.id, { action: 'record_intent', number: '津商技出意〔2026〕12号', issuedOn: '2026-12-02' });
    expect(intent.statusCode, intent.body).toBe(200);
    expect(intent.json()).toMatchObject({
      status: 'intent_granted',
      hold: 'held',
      negotiationAllowed: true,
      letterOfIntentNo: '津商技出意〔2026〕12号',
    });
    expect(await contactsFor(buyer.session)).toHaveLength(1);

    const licence = await move(reviewer, s.id, { action: 'record_licence', number: '2026-TJ-XK-0012', issuedOn: '2026-12-20' });
    expect(licence.json()).toMatchObject({ status: 'licensed', hold: 'none', licenceNo: '2026-TJ-XK-0012' });
    expect(await holdOf(buyer.session, 'deal', dealId)).toMatchObject({ hold: 'none', status: 'licensed' });
  });

  it('only reviewers in scope decide, and outsiders cannot see a screening', async () => {
    const { seller, dealId } = await crossBorderDeal(CATHODE);
    const s = (await screen(seller, { subject: 'deal', id: dealId })).json() as ScreeningView;
    const outsider = await loginAs(t.app, await createUser(t.db, { role: 'org_member' }));
    expect((await outsider.inject({ method: 'GET', url: `/api/export-control/screenings/${s.id}` })).statusCode).toBe(404);
    expect((await screen(outsider, { subject: 'deal', id: dealId })).statusCode).toBe(404);
    expect((await move(seller, s.id, { action: 'decide', decision: 'free', reason: '不在目录内' })).statusCode).toBe(403);
    const elsewhere = await loginAs(t.app, await createUser(t.db, { role: 'gov_officer', regionCode: '120101' }));
    expect((await move(elsewhere, s.id, { action: 'decide', decision: 'free', reason: '不在目录内' })).statusCode).toBe(404);
  });
});

describe('certification of a technology export', () => {
  it('is refused without a screening and goes through once the screening clears it', async () => {
    const cast = await registrationCast(t);
    const app = await submitApplication(cast, {
      buyer: { name: 'Acme Semiconductor Inc.', organizationType: 'enterprise', country: 'US', regionCode: null, creditCode: null },
    });
    const refused = await certify(cast, app.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/export-control screening/);

    const reviewer = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
    const s = (await screen(reviewer, { subject: 'contract', id: app.id })).json() as ScreeningView;
    expect(s).toMatchObject({ crossBorder: true, foreignCountry: 'US' });
    expect((await certify(cast, app.id)).statusCode).toBe(409); // pending is not enough
    const item = s.candidates.find((c) => c.code === '252604X');
    expect(item).toBeDefined(); // 正极材料 in the title
    await move(reviewer, s.id, { action: 'decide', decision: 'free', reason: '包覆方法不属于磷酸盐正极材料制备，参数未达控制要点' });
    const ok = await certify(cast, app.id);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('a domestic contract needs no screening', async () => {
    const cast = await registrationCast(t);
    const app = await submitApplication(cast);
    expect((await certify(cast, app.id)).statusCode).toBe(200);
  });
});

describe('the catalogue', () => {
  it('keeps its versions; an administrator imports a revision from xlsx and it is in force', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/export-control/catalogues' })).json().items as Array<{
      id: string;
      status: string;
      itemCount: number;
    }>;
    const active = list.find((c) => c.status === 'active')!;
    expect(list.filter((c) => c.status === 'superseded').length).toBeGreaterThanOrEqual(1);
    const one = (await t.app.inject({ method: 'GET', url: `/api/export-control/catalogues/${active.id}` })).json();
    expect(one.items.find((i: { code: string | null }) => i.code === '252604X')).toMatchObject({
      class: 'restricted',
      sourceDate: '2025-07-15',
    });

    const admin = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/export-control/catalogues/${active.id}/items.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const query = `label=${encodeURIComponent('测试修订')}&sourceDocument=${encodeURIComponent('商务部 科技部公告2026年第1号')}&publishedOn=2026-12-01`;
    const member = await loginAs(t.app, await createUser(t.db, { role: 'org_member' }));
    const headers = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    expect(
      (await member.inject({ method: 'POST', url: `/api/export-control/catalogues/import?${query}`, headers, payload: xlsx.rawPayload }))
        .statusCode,
    ).toBe(403);
    const imported = await admin.inject({
      method: 'POST',
      url: `/api/export-control/catalogues/import?${query}`,
      headers,
      payload: xlsx.rawPayload,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().imported).toBe(active.itemCount);
    const after = (await t.app.inject({ method: 'GET', url: '/api/export-control/catalogues' })).json().items as Array<{
      id: string;
      status: string;
      label: string;
    }>;
    expect(after.find((c) => c.status === 'active')).toMatchObject({ id: imported.json().catalogueId, label: '测试修订' });
    expect(after.find((c) => c.id === active.id)!.status).toBe('superseded');
  });
});
