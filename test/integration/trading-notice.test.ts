import { describe, expect, it } from 'vitest';
import type { AchievementView } from '../../common/api/catalog.js';
import type { DealView, MyTradingView, NoticeView, ObjectionPage, ObjectionView } from '../../common/api/trading.js';
import { clock } from '../../server/lib/clock.js';
import { concludeDueNotices } from '../../server/modules/trading/closing.js';
import { findDealForContract } from '../../server/modules/trading/deals.js';
import { TRADING_PARAMETERS } from '../../server/modules/trading/parameters.js';
import { actorFor, createUser, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';
import { advanceTo, fieldsOf, person, seller } from './trading-fixtures.js';

/**
 * An agreed price under public notice (协议定价公示): posted for the notice period counted as the
 * civil law counts it, related buyers flagged, objections filed by anyone logged in, answered by
 * the owner and resolved by an official over the region; the deal stands only after the period
 * ends with no objection open.
 */
const t = useTestApp();
const DAY = 86400_000;
const BEIJING = 8 * 3600_000;

/** The end of a notice posted at `postedAt`, worked out by hand: 24:00 Beijing time of the Nth day after the posting day. */
function expectedEnd(postedAt: string, days: number): string {
  const postingDay = new Date(new Date(postedAt).getTime() + BEIJING).toISOString().slice(0, 10);
  return new Date(Date.parse(`${postingDay}T00:00:00Z`) + (days + 1) * DAY - BEIJING).toISOString();
}

async function post(s: Awaited<ReturnType<typeof seller>>, buyerOrganizationId: string, extra: Record<string, unknown> = {}) {
  const res = await s.session.inject({
    method: 'POST',
    url: '/api/trading/notices',
    payload: {
      achievementId: s.achievementId,
      buyerOrganizationId,
      priceFen: 880_000,
      transferMode: 'transfer',
      summary: '经双方协商，拟以协议定价方式转让该成果，现予公示。',
      relatedParty: false,
      pricingBasis: { method: 'appraisal', appraiser: '天津某资产评估公司', appraisedValueFen: 900_000, reportNumber: 'PG-2026-01' },
      approvals: [{ body: '成果转化领导小组', decision: '同意协议定价', decidedOn: '2026-11-01' }],
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as NoticeView;
}

describe('agreement notice', () => {
  it('runs for the notice period counted from the day after posting, then the deal stands', async () => {
    const s = await seller(t);
    const buyer = await person(t, 'org_member');
    const notice = await post(s, buyer.user.organizationId!);
    expect(notice.noticeDays).toBe(TRADING_PARAMETERS.noticeDays);
    expect(notice.endsAt).toBe(expectedEnd(notice.postedAt, TRADING_PARAMETERS.noticeDays));
    expect(new Date(notice.endsAt).getTime() - new Date(notice.postedAt).getTime()).toBeGreaterThan(TRADING_PARAMETERS.noticeDays * DAY);
    expect(notice).toMatchObject({ status: 'posted', relatedParty: false, relatedPartyReasons: [], openObjections: 0 });

    // A minute before the end (the clock keeps running between here and the job's read of it).
    advanceTo(new Date(new Date(notice.endsAt).getTime() - 60_000));
    await concludeDueNotices({ db: t.db });
    expect(((await t.app.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView).status).toBe('posted');
    advanceTo(notice.endsAt);
    expect(await concludeDueNotices({ db: t.db })).toBeGreaterThanOrEqual(1);
    buyer.session = await loginAs(t.app, buyer.user); // sessions last 14 days; the notice ran 16
    const concluded = (await buyer.session.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView;
    expect(concluded.status).toBe('concluded');
    const deal = (await buyer.session.inject({ method: 'GET', url: `/api/trading/deals/${concluded.dealId}` })).json() as DealView;
    expect(deal).toMatchObject({ route: 'agreement', priceFen: 880_000, noticeId: notice.id, amountDueFen: 880_000 });
    // The contracts module pre-fills an application from it; strangers learn nothing.
    const facts = await findDealForContract({ db: t.db, actor: await actorFor(t.db, buyer.user), dealId: deal.id });
    expect(facts).toMatchObject({
      dealId: deal.id,
      achievementId: s.achievementId,
      sellerOrganizationId: s.user.organizationId,
      buyerOrganizationId: buyer.user.organizationId,
      priceFen: 880_000,
      transferMode: 'transfer',
      route: 'agreement',
    });
    const stranger = await createUser(t.db, { role: 'org_member' });
    await expect(findDealForContract({ db: t.db, actor: await actorFor(t.db, stranger), dealId: deal.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    const pdf = await buyer.session.inject({ method: 'GET', url: `/api/trading/deals/${deal.id}/dossier.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await (await loginAs(t.app, stranger)).inject({ method: 'GET', url: `/api/trading/deals/${deal.id}/dossier.pdf` })).statusCode,
    ).toBe(404);
  });

  it('flags a buyer related to the team or declared related', async () => {
    const s = await seller(t, { team: [{ name: '王海河', title: '教授' }] });
    const buyerOrg = (await person(t, 'org_member')).user.organizationId!;
    await createUser(t.db, { role: 'org_member', organizationId: buyerOrg, name: '王海河' });
    const notice = await post(s, buyerOrg);
    expect(notice.relatedParty).toBe(true);
    expect(notice.relatedPartyReasons).toEqual(['受让方成员 王海河 与成果完成团队成员同名']);
    const s2 = await seller(t);
    const declared = await post(s2, buyerOrg, { relatedParty: true, relationNote: '受让方为成果完成人参股企业' });
    expect(declared.relatedPartyReasons).toEqual(['卖方申报存在关联关系：受让方为成果完成人参股企业']);
    const s3 = await seller(t);
    const self = await s3.session.inject({
      method: 'POST',
      url: '/api/trading/notices',
      payload: {
        achievementId: s3.achievementId,
        buyerOrganizationId: s3.user.organizationId,
        priceFen: 1,
        transferMode: 'transfer',
        summary: '自己受让自己的成果公示。',
        relatedParty: false,
      },
    });
    expect(fieldsOf(self)).toEqual(['body.buyerOrganizationId']);
  });

  it('is held by an open objection until an official in scope dismisses it; then the deal stands at once', async () => {
    const s = await seller(t);
    const buyer = await person(t, 'org_member');
    const objector = await person(t, 'expert');
    const officialHere = await person(t, 'gov_officer', { regionCode: '120116' });
    const officialElsewhere = await person(t, 'gov_officer', { regionCode: '120101' });
    const notice = await post(s, buyer.user.organizationId!);

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/trading/notices/${notice.id}/objections`,
          payload: { grounds: '价格明显偏低，请说明理由。' },
        })
      ).statusCode,
    ).toBe(401);
    const filed = await objector.session.inject({
      method: 'POST',
      url: `/api/trading/notices/${notice.id}/objections`,
      payload: { grounds: '价格明显偏低于评估值，请说明理由。' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const objection = filed.json() as ObjectionView;
    expect(objection).toMatchObject({ status: 'open', mine: true });
    expect(objection.objector?.name).toBeTruthy();

    // The public and the owner see the grounds, not who objected; officials in scope do.
    const publicView = (await t.app.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView;
    expect(publicView.objections[0]).toMatchObject({ grounds: '价格明显偏低于评估值，请说明理由。', objector: null });
    const ownerView = (await s.session.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView;
    expect(ownerView.objections[0]).toMatchObject({ objector: null, actions: ['answer'] });
    const inScope = (
      await officialHere.session.inject({ method: 'GET', url: '/api/trading/objections?status=unresolved' })
    ).json() as ObjectionPage;
    expect(inScope.items.find((o) => o.id === objection.id)).toMatchObject({ actions: ['resolve'] });
    expect(inScope.items.find((o) => o.id === objection.id)?.objector).not.toBeNull();
    const outOfScope = (await officialElsewhere.session.inject({ method: 'GET', url: '/api/trading/objections' })).json() as ObjectionPage;
    expect(outOfScope.items.map((o) => o.id)).not.toContain(objection.id);

    // Only the owner answers.
    expect(
      (
        await buyer.session.inject({
          method: 'POST',
          url: `/api/trading/objections/${objection.id}/answer`,
          payload: { answer: '不是我的公示' },
        })
      ).statusCode,
    ).toBe(403);
    const answered = await s.session.inject({
      method: 'POST',
      url: `/api/trading/objections/${objection.id}/answer`,
      payload: { answer: '定价依据评估报告并经集体决策。' },
    });
    expect((answered.json() as ObjectionView).status).toBe('answered');
    const mine = (await s.session.inject({ method: 'GET', url: '/api/trading/mine' })).json() as MyTradingView;
    expect(mine.objectionsToAnswer.map((o) => o.id)).toContain(objection.id);

    // The period ends with the objection open: no deal; the notice waits.
    advanceTo(notice.endsAt);
    for (const p of [objector, officialHere, officialElsewhere]) p.session = await loginAs(t.app, p.user); // sessions last 14 days
    await concludeDueNotices({ db: t.db });
    const held = (await t.app.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView;
    expect(held).toMatchObject({ status: 'awaiting_resolution', dealId: null, openObjections: 1 });
    expect(
      (
        await objector.session.inject({
          method: 'POST',
          url: `/api/trading/notices/${notice.id}/objections`,
          payload: { grounds: '期满后再提出的异议理由。' },
        })
      ).statusCode,
    ).toBe(409);

    // An official outside the region cannot resolve it; one over it can.
    expect(
      (
        await officialElsewhere.session.inject({
          method: 'POST',
          url: `/api/trading/objections/${objection.id}/resolution`,
          payload: { decision: 'dismissed', reason: '不属本区管辖' },
        })
      ).statusCode,
    ).toBe(404);
    const missing = await officialHere.session.inject({
      method: 'POST',
      url: `/api/trading/objections/${objection.id}/resolution`,
      payload: { decision: 'dismissed' },
    });
    expect(fieldsOf(missing)).toEqual(['body.reason']);
    const dismissed = await officialHere.session.inject({
      method: 'POST',
      url: `/api/trading/objections/${objection.id}/resolution`,
      payload: { decision: 'dismissed', reason: '定价依据充分，程序合规。' },
    });
    expect(dismissed.json() as ObjectionView).toMatchObject({ status: 'dismissed', decision: 'dismissed' });
    const done = (await t.app.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView;
    expect(done.status).toBe('concluded');
    expect(done.dealId).toBeTruthy();
  });

  it('is void when an objection is upheld; the achievement returns to the catalogue', async () => {
    const s = await seller(t);
    const buyer = await person(t, 'org_member');
    const official = await person(t, 'gov_officer', { regionCode: '120000' });
    const notice = await post(s, buyer.user.organizationId!);
    const filed = (
      await buyer.session.inject({
        method: 'POST',
        url: `/api/trading/notices/${notice.id}/objections`,
        payload: { grounds: '公示内容与实际协议不符，请核实。' },
      })
    ).json() as ObjectionView;
    const upheld = await official.session.inject({
      method: 'POST',
      url: `/api/trading/objections/${filed.id}/resolution`,
      payload: { decision: 'upheld', reason: '公示内容有误，须重新公示。' },
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    const voided = (await t.app.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView;
    expect(voided).toMatchObject({ status: 'voided', dealId: null, actions: [] });
    expect(
      ((await s.session.inject({ method: 'GET', url: `/api/achievements/${s.achievementId}` })).json() as AchievementView).status,
    ).toBe('published');
    advanceTo(new Date(clock.now().getTime() + 20 * DAY));
    await concludeDueNotices({ db: t.db });
    expect(((await t.app.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView).dealId).toBeNull();
  });

  it('may be withdrawn by its owner only', async () => {
    const s = await seller(t);
    const other = await seller(t);
    const buyer = await person(t, 'org_member');
    const notice = await post(s, buyer.user.organizationId!);
    expect(
      (await other.session.inject({ method: 'POST', url: `/api/trading/notices/${notice.id}/withdraw`, payload: { reason: '替别人撤回' } }))
        .statusCode,
    ).toBe(403);
    const out = await s.session.inject({
      method: 'POST',
      url: `/api/trading/notices/${notice.id}/withdraw`,
      payload: { reason: '双方协商终止' },
    });
    expect((out.json() as NoticeView).status).toBe('withdrawn');
    expect(
      ((await s.session.inject({ method: 'GET', url: `/api/achievements/${s.achievementId}` })).json() as AchievementView).status,
    ).toBe('published');
  });
});
