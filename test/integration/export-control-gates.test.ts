// Export control on the steps that move money or status (C12): a cross-border deal held by its
// screening refuses payment confirmation, a bidder abroad's deposit and the contract of the deal,
// each answering problem+json that names the screening's state; the same deal freed proceeds. The
// decision and its evidence are in the deal's dossier PDF and on the contract record.
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ContractView } from '../../common/api/contracts.js';
import type { ScreeningView } from '../../common/api/export-control.js';
import type { RegistrationView } from '../../common/api/trading.js';
import { BIDDER_TERMS } from '../../server/modules/trading/bidder-terms.js';
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
  type TestUser,
} from '../factories.js';
import { useTestApp } from '../harness.js';
import { CATHODE, RARE_EARTH } from './export-control-fixtures.js';
import { pdfText } from '../pdf-text.js';
import { contractInput, registrationCast } from './contracts-fixtures.js';
import { createAuction } from './trading-fixtures.js';

const t = useTestApp();

const PRICE = 300_000_000;

async function platformAdmin() {
  return (await createLoggedInUser(t.app, t.db, { role: 'platform_admin', name: `审查员${unique()}` })).session;
}

/** An organisation abroad (only a platform admin sets the country) with a logged-in member. */
async function organizationAbroad(admin: LoggedIn, country = 'US') {
  const org = await createOrganization(t.db, { name: `Acme Semiconductor Inc. ${unique()}` });
  const res = await admin.inject({ method: 'PATCH', url: `/api/organizations/${org.id}`, payload: { country } });
  expect(res.statusCode, res.body).toBe(200);
  const member = await createUser(t.db, { role: 'org_admin', organizationId: org.id });
  return { org, member, session: await loginAs(t.app, member) };
}

/** A Tianjin seller's achievement in trade and a deal on it awaiting payment from a buyer abroad. */
async function crossBorderDeal(admin: LoggedIn, input: typeof CATHODE, by?: TestUser) {
  const sellerUser = by ?? (await createUser(t.db, { role: 'org_admin' }));
  const achievement = await createAchievement(t.db, { by: sellerUser, status: 'in_trade', input });
  const buyer = await organizationAbroad(admin);
  const actor = await actorFor(t.db, sellerUser);
  const dealId = await t.db.transaction(async (tx) =>
    insertDeal(tx, actor, {
      route: 'listing',
      achievementId: achievement.id,
      sellerOrganizationId: sellerUser.organizationId!,
      buyerOrganizationId: buyer.org.id,
      regionCode: '120116',
      title: input.title,
      achievementSummary: input.summary,
      fieldCode: 'D15',
      priceFen: PRICE,
      transferMode: 'license_exclusive',
    }),
  );
  return { seller: await loginAs(t.app, sellerUser), sellerUser, achievement, buyer, dealId };
}

const screen = async (s: LoggedIn, payload: Record<string, unknown>) => {
  const res = await s.inject({ method: 'POST', url: '/api/export-control/screenings', payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as ScreeningView;
};
const move = async (s: LoggedIn, id: string, payload: Record<string, unknown>) => {
  const res = await s.inject({ method: 'POST', url: `/api/export-control/screenings/${id}/transitions`, payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ScreeningView;
};
const pay = (staff: LoggedIn, dealId: string) =>
  staff.inject({
    method: 'POST',
    url: `/api/trading/deals/${dealId}/payment`,
    payload: { reference: `BANK-${unique()}`, amountFen: PRICE },
  });

/** A 409 whose problem names the screening state under `exportControl`. */
function refusedFor(res: LightMyRequestResponse, state: string) {
  expect(res.statusCode, res.body).toBe(409);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().errors).toEqual([{ field: 'exportControl', message: state }]);
}

async function restrictedDecision(reviewer: LoggedIn, s: ScreeningView) {
  const item = s.candidates.find((c) => c.code === '252604X')!;
  return move(reviewer, s.id, {
    action: 'decide',
    decision: 'restricted',
    itemIds: [item.itemId],
    reason: '磷酸铁锂正极材料压实密度达到 252604X 控制要点',
  });
}

describe('payment confirmation on a cross-border deal', () => {
  it('is refused unscreened, pending, held and with only the letter of intent; the licence frees it', async () => {
    const admin = await platformAdmin();
    const { seller, dealId } = await crossBorderDeal(admin, CATHODE);
    refusedFor(await pay(admin, dealId), 'not_screened');
    const s = await screen(seller, { subject: 'deal', id: dealId });
    refusedFor(await pay(admin, dealId), 'pending');
    await restrictedDecision(admin, s);
    const held = await pay(admin, dealId);
    refusedFor(held, 'held');
    expect(held.json().detail).toContain('export licence');
    await move(admin, s.id, { action: 'record_intent', number: '津商技出意〔2026〕31号', issuedOn: '2026-12-02' });
    refusedFor(await pay(admin, dealId), 'intent_granted');
    // Nothing moved: the deal still awaits payment.
    expect((await seller.inject({ method: 'GET', url: `/api/trading/deals/${dealId}` })).json().status).toBe('pending_payment');

    await move(admin, s.id, { action: 'record_licence', number: '2026-TJ-XK-0031', issuedOn: '2026-12-20' });
    const paid = await pay(admin, dealId);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe('completed');
  });

  it('is refused for good on a prohibited deal', async () => {
    const admin = await platformAdmin();
    const { seller, dealId } = await crossBorderDeal(admin, RARE_EARTH);
    const s = await screen(seller, { subject: 'deal', id: dealId });
    const rare = s.candidates.find((c) => c.class === 'prohibited')!;
    await move(admin, s.id, {
      action: 'decide',
      decision: 'prohibited',
      itemIds: [rare.itemId],
      reason: '稀土萃取分离工艺技术属于禁止出口技术',
    });
    const res = await pay(admin, dealId);
    refusedFor(res, 'stopped');
    expect(res.json().detail).toContain('禁止出口');
  });

  it('a deal cleared as free proceeds, and a domestic deal needs no screening', async () => {
    const admin = await platformAdmin();
    const { seller, dealId } = await crossBorderDeal(admin, CATHODE);
    const s = await screen(seller, { subject: 'deal', id: dealId });
    await move(admin, s.id, { action: 'decide', decision: 'free', reason: '压实密度未达控制要点，不属于限制出口技术' });
    expect((await pay(admin, dealId)).statusCode).toBe(200);

    const domesticSeller = await createUser(t.db, { role: 'org_admin' });
    const domesticBuyer = await createOrganization(t.db);
    const achievement = await createAchievement(t.db, { by: domesticSeller, status: 'in_trade', input: CATHODE });
    const domesticActor = await actorFor(t.db, domesticSeller);
    const domesticDeal = await t.db.transaction(async (tx) =>
      insertDeal(tx, domesticActor, {
        route: 'listing',
        achievementId: achievement.id,
        sellerOrganizationId: domesticSeller.organizationId!,
        buyerOrganizationId: domesticBuyer.id,
        regionCode: '120116',
        title: CATHODE.title,
        achievementSummary: CATHODE.summary,
        fieldCode: 'D15',
        priceFen: PRICE,
        transferMode: 'license_exclusive',
      }),
    );
    expect((await pay(admin, domesticDeal)).statusCode).toBe(200);
  });
});

describe('a bidder abroad’s deposit', () => {
  it('is refused while the achievement’s screening holds it and confirmed once the letter of intent is recorded', async () => {
    const admin = await platformAdmin();
    const sellerUser = await createUser(t.db, { role: 'org_admin' });
    const achievement = await createAchievement(t.db, { by: sellerUser, status: 'published', input: CATHODE });
    const seller = await loginAs(t.app, sellerUser);
    const auction = await createAuction({ session: seller, achievementId: achievement.id });
    const bidder = await organizationAbroad(admin, 'HK');
    const reg = await bidder.session.inject({
      method: 'POST',
      url: `/api/trading/auctions/${auction.id}/registrations`,
      payload: { qualification: 'Acme 具备受让和实施该技术的能力与资金。', acceptedTermsVersion: BIDDER_TERMS.version },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const regId = (reg.json() as RegistrationView).id;
    const deposit = () =>
      admin.inject({
        method: 'POST',
        url: `/api/trading/registrations/${regId}/deposit`,
        payload: { reference: `BANK-${unique()}`, amountFen: auction.depositFen },
      });
    refusedFor(await deposit(), 'not_screened');

    const s = await screen(seller, { subject: 'achievement', id: achievement.id, counterpartyOrganizationId: bidder.org.id });
    expect(s).toMatchObject({ crossBorder: true, foreignCountry: 'HK' });
    await restrictedDecision(admin, s);
    refusedFor(await deposit(), 'held');
    await move(admin, s.id, { action: 'record_intent', number: '津商技出意〔2026〕32号', issuedOn: '2026-12-02' });
    const ok = await deposit();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ depositStatus: 'confirmed' });
  });
});

describe('the contract of a cross-border deal', () => {
  it('is not filed while held, is filed after the letter of intent, and carries the screening on its record', async () => {
    const admin = await platformAdmin();
    const cast = await registrationCast(t);
    const { seller, sellerUser, dealId, buyer } = await crossBorderDeal(admin, CATHODE, cast.applicant);
    const s = await screen(seller, { subject: 'deal', id: dealId });
    await restrictedDecision(admin, s);
    const input = contractInput(
      {},
      {
        dealId,
        buyer: { name: buyer.org.name, organizationType: 'enterprise', country: 'US', regionCode: null, creditCode: null },
      },
    );
    const file = () => seller.inject({ method: 'POST', url: `/api/contracts?organizationId=${sellerUser.organizationId}`, payload: input });
    refusedFor(await file(), 'held');

    await move(admin, s.id, { action: 'record_intent', number: '津商技出意〔2026〕33号', issuedOn: '2026-12-03' });
    const filed = await file();
    expect(filed.statusCode, filed.body).toBe(201);
    const view = filed.json() as ContractView;
    expect(view.exportScreening).toMatchObject({
      id: s.id,
      subject: 'deal',
      status: 'intent_granted',
      decision: 'restricted',
      letterOfIntentNo: '津商技出意〔2026〕33号',
      licenceNo: null,
    });
    expect(view.exportScreening!.reviewer).toMatch(/^审查员/);
    expect(view.exportScreening!.items.find((i) => i.decided)).toMatchObject({ code: '252604X', class: 'restricted' });
    expect(view.exportScreening!.items.find((i) => i.decided)!.matchedControlPoints.length).toBeGreaterThan(0);
  });
});

describe('the deal dossier PDF', () => {
  it('states the screening: catalogue, items with control points, reviewer, decision and licence numbers', async () => {
    const admin = await platformAdmin();
    const { seller, dealId } = await crossBorderDeal(admin, CATHODE);
    const s = await screen(seller, { subject: 'deal', id: dealId });
    const decided = await restrictedDecision(admin, s);
    await move(admin, s.id, { action: 'record_intent', number: '津商技出意〔2026〕34号', issuedOn: '2026-12-02' });
    await move(admin, s.id, { action: 'record_licence', number: '2026-TJ-XK-0034', issuedOn: '2026-12-21' });
    const res = await seller.inject({ method: 'GET', url: `/api/trading/deals/${dealId}/dossier.pdf` });
    expect(res.statusCode).toBe(200);
    // Labels and values are separate text runs, and long lines wrap: read the text as one string.
    const text = pdfText(res.rawPayload).replace(/\n/g, '');
    expect(text).toContain('出口管制审查');
    expect(text).toContain(`审查编号：${s.id}`);
    expect(text).toContain('审查结论：限制出口（须许可）');
    expect(text).toMatch(/审查人：审查员/);
    expect(text).toContain('252604X 电池正极材料制备技术（限制出口） —— 结论依据');
    const point = decided.candidates.find((c) => c.code === '252604X')!.controlPoints.find((p) => p.matched)!.text;
    expect(text).toContain(`控制要点：${point}`);
    expect(text).toContain('技术出口许可意向书：津商技出意〔2026〕34号（2026-12-02）');
    expect(text).toContain('技术出口许可证：2026-TJ-XK-0034（2026-12-21）');
    expect(text).toContain('2025年第28号');

    // A deal never screened has no such section.
    const other = await crossBorderDeal(admin, RARE_EARTH);
    const plain = pdfText((await other.seller.inject({ method: 'GET', url: `/api/trading/deals/${other.dealId}/dossier.pdf` })).rawPayload);
    expect(plain).toContain('科技成果交易定价决策档案');
    expect(plain).not.toContain('出口管制审查');
  });
});
