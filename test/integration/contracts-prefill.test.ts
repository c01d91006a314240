import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ContractInput, ContractPrefill, ContractView } from '../../common/api/contracts.js';
import { clock } from '../../server/lib/clock.js';
import { closeDueAuctions } from '../../server/modules/trading/closing.js';
import { createOrganization, createUser, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';
import { advanceTo, bid, createAuction, person, qualifiedBidder, seller } from './trading-fixtures.js';
import { uploadScan } from './contracts-fixtures.js';

/** A deal from the trading module becomes a contract application: the seller's organisation applies, pre-filled. */
const t = useTestApp();
afterAll(() => clock.reset());

describe('an application from a deal', () => {
  it('is pre-filled for the seller, refused to the buyer, and keeps the deal on the contract', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const auction = await createAuction(s);
    const winner = await qualifiedBidder(t, auction, staff);
    advanceTo(auction.startsAt);
    expect((await bid(winner, auction.id, 1_500_000)).statusCode).toBe(201);
    advanceTo(new Date(new Date(auction.endsAt).getTime() + 1000));
    await closeDueAuctions({ db: t.db });
    const dealId = ((await s.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as { dealId: string })
      .dealId;

    const res = await s.session.inject({ method: 'GET', url: `/api/contracts/prefill?dealId=${dealId}` });
    expect(res.statusCode, res.body).toBe(200);
    const prefill = res.json() as z.infer<typeof ContractPrefill>;
    expect(prefill.input).toMatchObject({
      type: 'transfer',
      subtype: null,
      contractAmountFen: 1_500_000,
      dealId,
      seller: { organizationId: s.user.organizationId },
      buyer: { organizationId: winner.user.organizationId },
    });
    expect(prefill.missing).toEqual(expect.arrayContaining(['subtype', 'subject', 'signedOn']));

    expect((await winner.session.inject({ method: 'GET', url: `/api/contracts/prefill?dealId=${dealId}` })).statusCode).toBe(403);
    const stranger = await person(t, 'org_member');
    expect((await stranger.session.inject({ method: 'GET', url: `/api/contracts/prefill?dealId=${dealId}` })).statusCode).toBe(404);

    const point = await createOrganization(t.db, { type: 'government' });
    await createUser(t.db, { role: 'registrar', organizationId: point.id });
    const input = {
      ...prefill.input,
      subtype: 'patent_right',
      subject: '转让拍卖成交的专利权及配套技术资料。',
      signedOn: '2026-10-15',
      registrationOrganizationId: point.id,
    } as ContractInput;
    const filed = await s.session.inject({ method: 'POST', url: '/api/contracts', payload: input });
    expect(filed.statusCode, filed.body).toBe(201);
    const c = filed.json() as ContractView;
    expect(c).toMatchObject({ source: 'deal', dealId, amounts: { technologyTransactionAmountFen: 1_500_000 } });
    expect((await uploadScan(s.session, c.id)).statusCode).toBe(201);
    const registrar = await loginAs(t.app, await createUser(t.db, { role: 'registrar', organizationId: point.id }));
    await s.session.inject({ method: 'POST', url: `/api/contracts/${c.id}/transitions`, payload: { action: 'submit' } });
    const certified = await registrar.inject({ method: 'POST', url: `/api/contracts/${c.id}/transitions`, payload: { action: 'certify' } });
    expect(certified.json() as ContractView).toMatchObject({ status: 'certified', dealId });
  });

  it('documents every contracts route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const p of [
      '/api/contracts',
      '/api/contracts/{id}/transitions',
      '/api/contracts/prefill',
      '/api/registration/contracts',
      '/api/contracts/{id}/certificate.pdf',
      '/api/registration/contracts/import',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
