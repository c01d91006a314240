// Integrity records (诚信): entered by officers over the party's region, seen by them and by the
// organisation concerned, appealed once by its admin and decided by an officer; flags show the
// penalties in force on the organisation's public page.
import { describe, expect, it } from 'vitest';
import type { IntegrityRecordView } from '../../common/api/integrity.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { createLoggedInUser, createOrganization, createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

const fields = (res: { json(): unknown }) => ((res.json() as { errors?: Array<{ field: string }> }).errors ?? []).map((e) => e.field);
const daysAgo = (n: number) => localDateOf(new Date(clock.now().getTime() - n * 86400_000));

async function cast() {
  const org = await createOrganization(t.db, { type: 'research_institute', name: '天津某研究院', regionCode: '120104' });
  const admin = await loginAs(t.app, await createUser(t.db, { role: 'org_admin', organizationId: org.id }));
  const member = await loginAs(t.app, await createUser(t.db, { role: 'org_member', organizationId: org.id }));
  const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120104' })).session;
  const elsewhere = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' })).session;
  const stranger = (await createLoggedInUser(t.app, t.db, { role: 'org_admin' })).session;
  return { org, admin, member, officer, elsewhere, stranger };
}

const body = (organizationId: string, over: Record<string, unknown> = {}) => ({
  partyKind: 'organization',
  organizationId,
  misconduct: '在申报天津市科技计划项目时提供虚假的合作协议。',
  penaltyKind: 'funding_ban',
  penaltyDetail: '取消 2 年内申报天津市财政科技计划项目资格',
  decidingBody: '天津市科学技术局',
  legalBasis: 'most_order_19',
  legalBasisDetail: '',
  effectiveOn: daysAgo(1),
  periodMonths: 24,
  ...over,
});
const record = (s: LoggedIn, payload: Record<string, unknown>) => s.inject({ method: 'POST', url: '/api/integrity/records', payload });
const act = (s: LoggedIn, id: string, action: string, reason = '申诉理由：合作协议真实有效，附盖章原件。') =>
  s.inject({ method: 'POST', url: `/api/integrity/records/${id}/transitions`, payload: { action, reason } });
const listIds = async (s: LoggedIn) =>
  ((await s.inject({ method: 'GET', url: '/api/integrity/records' })).json() as { items: IntegrityRecordView[] }).items.map((i) => i.id);

describe('integrity records', () => {
  it('are entered by an officer over the party’s region, with the fields validated by name', async () => {
    const c = await cast();
    expect(fields(await record(c.officer, body(c.org.id, { organizationId: null })))).toEqual(['body.organizationId']);
    expect(fields(await record(c.officer, body(c.org.id, { legalBasis: 'regional' })))).toEqual(['body.legalBasisDetail']);
    expect(fields(await record(c.officer, body(c.org.id, { periodMonths: 121 })))).toEqual(['body.periodMonths']);
    expect((await record(c.elsewhere, body(c.org.id))).statusCode).toBe(403);
    expect((await record(c.admin, body(c.org.id))).statusCode).toBe(403);

    const res = await record(c.officer, body(c.org.id));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as IntegrityRecordView;
    expect(r).toMatchObject({ status: 'recorded', inForce: true, organization: { id: c.org.id }, actions: [] });
    expect(await listIds(c.officer)).toContain(r.id);
    expect(await listIds(c.member)).toContain(r.id);
    expect(await listIds(c.elsewhere)).not.toContain(r.id);
    expect(await listIds(c.stranger)).not.toContain(r.id);
    expect((await c.stranger.inject({ method: 'GET', url: `/api/integrity/records/${r.id}` })).statusCode).toBe(404);
  });

  it('is appealed once by the organisation’s admin and decided by the officer: dismissed stands, upheld is revoked and unflagged', async () => {
    const c = await cast();
    const kept = (await record(c.officer, body(c.org.id))).json() as IntegrityRecordView;
    const quashed = (await record(c.officer, body(c.org.id, { penaltyKind: 'criticism' }))).json() as IntegrityRecordView;

    expect((await act(c.member, kept.id, 'appeal')).statusCode).toBe(403);
    expect((await act(c.officer, kept.id, 'dismiss_appeal')).statusCode).toBe(409);
    const appealed = await act(c.admin, kept.id, 'appeal');
    expect(appealed.json()).toMatchObject({ status: 'under_appeal', inForce: true });
    expect((await act(c.admin, kept.id, 'appeal')).statusCode).toBe(409);
    const dismissed = await act(c.officer, kept.id, 'dismiss_appeal', '经核查，合作协议系事后补签，维持原处理。');
    expect(dismissed.json()).toMatchObject({ status: 'confirmed', inForce: true, actions: [] });

    await act(c.admin, quashed.id, 'appeal');
    const upheld = await act(c.officer, quashed.id, 'uphold_appeal', '经复核，原认定事实不清，撤销该记录。');
    expect(upheld.json()).toMatchObject({ status: 'revoked', inForce: false });

    const flags = (await t.app.inject({ method: 'GET', url: `/api/integrity/organizations/${c.org.id}/flags` })).json() as {
      items: Array<{ id: string }>;
    };
    expect(flags.items.map((f) => f.id)).toEqual([kept.id]);
  });

  it('refuses an appeal after the appeal period', async () => {
    const c = await cast();
    const asAdmin = async (id: string) =>
      (await c.admin.inject({ method: 'GET', url: `/api/integrity/records/${id}` })).json() as IntegrityRecordView;
    const old = (await record(c.officer, body(c.org.id, { effectiveOn: daysAgo(61) }))).json() as IntegrityRecordView;
    expect((await asAdmin(old.id)).actions).toEqual([]);
    expect((await act(c.admin, old.id, 'appeal')).statusCode).toBe(409);
    const recent = (await record(c.officer, body(c.org.id, { effectiveOn: daysAgo(60) }))).json() as IntegrityRecordView;
    expect((await asAdmin(recent.id)).actions).toEqual(['appeal']);
  });
});
