import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AuctionView, BidResult, RegistrationView } from '../../common/api/trading.js';
import type { FieldError } from '../../common/problems.js';
import type { AssignableRole } from '../../common/roles.js';
import { clock } from '../../server/lib/clock.js';
import { TRADING_PARAMETERS } from '../../server/modules/trading/parameters.js';
import { createAchievement, createUser, loginAs, type LoggedIn, type TestUser } from '../factories.js';
import type { TestApp } from '../harness.js';
import { BIDDER_TERMS } from '../../server/modules/trading/bidder-terms.js';

/** Shared set-up for the trading suites: people, an achievement to trade, an auction with qualified bidders. */

export interface Person {
  user: TestUser;
  session: LoggedIn;
}

export async function person(
  t: TestApp,
  role: AssignableRole,
  opts: { organizationId?: string; regionCode?: string } = {},
): Promise<Person> {
  const user = await createUser(t.db, { role, ...opts });
  return { user, session: await loginAs(t.app, user) };
}

/** A member of a fresh organisation with a published achievement. */
export async function seller(t: TestApp, input: Parameters<typeof createAchievement>[1]['input'] = {}) {
  const p = await person(t, 'org_member');
  const achievement = await createAchievement(t.db, { by: p.user, status: 'published', input });
  return { ...p, achievementId: achievement.id, achievement };
}

export const fieldsOf = (res: LightMyRequestResponse) => ((res.json() as { errors?: FieldError[] }).errors ?? []).map((e) => e.field);

/** Moves the server's clock to `at` (never back). */
export function advanceTo(at: Date | string) {
  const ms = new Date(at).getTime() - clock.now().getTime();
  if (ms > 0) clock.advance(ms);
}

export function auctionBody(achievementId: string, overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(clock.now().getTime() + TRADING_PARAMETERS.auctionAnnounceMs + 60_000);
  const endsAt = new Date(startsAt.getTime() + 3600_000);
  return {
    achievementId,
    transferMode: 'transfer',
    startingPriceFen: 1_000_000,
    incrementFen: 10_000,
    depositPercent: 10,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    ...overrides,
  };
}

export async function createAuction(
  s: { session: LoggedIn; achievementId: string },
  overrides: Record<string, unknown> = {},
): Promise<AuctionView> {
  const res = await s.session.inject({ method: 'POST', url: '/api/trading/auctions', payload: auctionBody(s.achievementId, overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as AuctionView;
}

/** A bidder of a fresh organisation, registered, qualified and with the deposit confirmed by `staff`. */
export async function qualifiedBidder(
  t: TestApp,
  auction: AuctionView,
  staff: Person,
): Promise<Person & { registration: RegistrationView }> {
  const p = await person(t, 'org_member');
  const reg = await p.session.inject({
    method: 'POST',
    url: `/api/trading/auctions/${auction.id}/registrations`,
    payload: { qualification: '具备受让和实施该技术的能力与资金。', acceptedTermsVersion: BIDDER_TERMS.version },
  });
  expect(reg.statusCode, reg.body).toBe(201);
  const id = (reg.json() as RegistrationView).id;
  const q = await staff.session.inject({
    method: 'POST',
    url: `/api/trading/registrations/${id}/qualification`,
    payload: { decision: 'qualified' },
  });
  expect(q.statusCode, q.body).toBe(200);
  const d = await staff.session.inject({
    method: 'POST',
    url: `/api/trading/registrations/${id}/deposit`,
    payload: { reference: `BANK-${id.slice(0, 8)}`, amountFen: auction.depositFen },
  });
  expect(d.statusCode, d.body).toBe(200);
  return { ...p, registration: d.json() as RegistrationView };
}

export async function bid(p: Person, auctionId: string, amountFen: number, key?: string): Promise<LightMyRequestResponse> {
  const opts: InjectOptions = { method: 'POST', url: `/api/trading/auctions/${auctionId}/bids`, payload: { amountFen } };
  if (key) opts.headers = { 'idempotency-key': key };
  return p.session.inject(opts);
}

export const accepted = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as BidResult;
};
