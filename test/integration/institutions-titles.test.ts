// A demonstration title is checked every year a round is finalised: two failing years in a row lose it.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { InstitutionView, RoundView } from '../../common/api/institutions.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { newId } from '../../server/lib/ids.js';
import { demonstrationTitles } from '../../server/modules/institutions/schema.js';
import { createLoggedInUser, createOrganization, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
const DAY = 86_400_000;

/** Opens a round for `year` and runs it to the end with no applications; returns it. */
async function runEmptyRound(officer: LoggedIn, year: number): Promise<RoundView> {
  const today = localDateOf(clock.now());
  const opened = await officer.inject({
    method: 'POST',
    url: '/api/demonstration-rounds',
    payload: { year, title: `${year}年度示范机构认定`, applicationDeadline: today, noticeWorkingDays: 3 },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const id = (opened.json() as RoundView).id;
  const step = (action: string) =>
    officer.inject({ method: 'POST', url: `/api/demonstration-rounds/${id}/transitions`, payload: { action } });
  clock.advance(2 * DAY);
  expect((await step('close_applications')).statusCode).toBe(200);
  const published = await step('publish');
  expect(published.statusCode, published.body).toBe(200);
  clock.advance(Date.parse((published.json() as RoundView).noticeEndsAt!) - clock.now().getTime() + 1000);
  const final = await step('finalise');
  expect(final.statusCode, final.body).toBe(200);
  return final.json() as RoundView;
}

describe('demonstration titles over the years', { timeout: 180_000 }, () => {
  it('a holder failing the thresholds two years in a row loses the title', async () => {
    const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer' })).session;
    // An institution without a profile or brokers: it fails the platform-measured thresholds.
    const holder = await createOrganization(t.db, { type: 'transfer_institution' });
    const first = await runEmptyRound(officer, 2097);
    const titleId = newId();
    await t.db.insert(demonstrationTitles).values({
      id: titleId,
      organizationId: holder.id,
      roundId: first.id,
      status: 'held',
      awardedOn: localDateOf(clock.now()),
      expiresOn: '2199-12-31',
      failingYears: 0,
      checkedYears: [2097],
    });
    const title = async () => (await t.db.select().from(demonstrationTitles).where(eq(demonstrationTitles.id, titleId)))[0]!;

    await runEmptyRound(officer, 2098);
    expect(await title()).toMatchObject({ status: 'held', failingYears: 1, checkedYears: [2097, 2098] });
    const view = (await t.app.inject({ method: 'GET', url: `/api/institutions/${holder.id}` })).json() as InstitutionView;
    expect(view.demonstration).toMatchObject({ status: 'held', failingYears: 1 });

    await runEmptyRound(officer, 2099);
    expect(await title()).toMatchObject({ status: 'lost', failingYears: 2 });
    const after = (await t.app.inject({ method: 'GET', url: `/api/institutions/${holder.id}` })).json() as InstitutionView;
    expect(after.demonstration).toBeNull();
    expect(after.titles).toEqual([expect.objectContaining({ status: 'lost' })]);
    clock.reset();
  });
});
