// The policy library: an officer files a policy of their district, publishes it, and the
// organisations it applies to are told; the public searches the library in Chinese; a member asks
// which policies apply to their organisation.
import { describe, expect, it } from 'vitest';
import { clock } from '../../server/lib/clock.js';
import { createLoggedInUser, createOrganization, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

const policy = (overrides: Record<string, unknown> = {}) => ({
  title: '滨海新区促进科技成果转化若干措施',
  level: 'district',
  regionCode: '120116',
  issuer: '天津市滨海新区人民政府办公室',
  documentNumber: '津滨政办发〔2026〕12号',
  issuedOn: '2026-11-20',
  effectiveFrom: '2026-12-01',
  summary: '支持企业承接高校院所科技成果在新区转化，按技术合同实际支付额给予补助。',
  fullText: '第一条 为促进科技成果在滨海新区转移转化……第五条 对企业吸纳技术合同成交额给予补助。',
  tags: ['成果转化', '技术合同'],
  organizationTypes: ['enterprise'],
  ...overrides,
});

const noticesOf = async (s: LoggedIn) =>
  (
    (await s.inject({ method: 'GET', url: '/api/me/notifications' })).json().items as Array<{ kind: string; title: string; link: string }>
  ).filter((n) => n.kind === 'policy_published');

describe('policies', () => {
  it('publishes a district policy and notifies the organisations it applies to, only them', async () => {
    const officer = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' });
    const parkEnterprise = await createOrganization(t.db, { type: 'enterprise', regionCode: '12011601' });
    const hexiEnterprise = await createOrganization(t.db, { type: 'enterprise', regionCode: '120103' });
    const binhaiUniversity = await createOrganization(t.db, { type: 'university', regionCode: '120116' });
    const [inPark, inHexi, atUniversity] = await Promise.all(
      [parkEnterprise, hexiEnterprise, binhaiUniversity].map((o) =>
        createLoggedInUser(t.app, t.db, { role: 'org_member', organizationId: o.id }),
      ),
    );

    const created = await officer.session.inject({ method: 'POST', url: '/api/policies', payload: policy() });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', regionName: '滨海新区', actions: ['edit', 'publish'] });
    // A draft is not public.
    expect((await t.app.inject({ method: 'GET', url: `/api/policies/${draft.id}` })).statusCode).toBe(404);

    const published = await officer.session.inject({ method: 'POST', url: `/api/policies/${draft.id}/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', actions: [] });
    expect(published.json().notifiedOrganizations).toBeGreaterThanOrEqual(1);

    expect(await noticesOf(inPark!.session)).toEqual([
      expect.objectContaining({ title: expect.stringContaining('新政策适用于贵单位'), link: `/policies/${draft.id}` }),
    ]);
    expect(await noticesOf(inHexi!.session)).toEqual([]);
    expect(await noticesOf(atUniversity!.session)).toEqual([]);
    expect((await officer.session.inject({ method: 'POST', url: `/api/policies/${draft.id}/publish` })).statusCode).toBe(409);
  });

  it('keeps officers to their region and national policies to admins', async () => {
    const officer = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' });
    const hexi = await officer.session.inject({ method: 'POST', url: '/api/policies', payload: policy({ regionCode: '120103' }) });
    expect(hexi.statusCode).toBe(403);
    const national = await officer.session.inject({
      method: 'POST',
      url: '/api/policies',
      payload: policy({ level: 'national', regionCode: undefined }),
    });
    expect(national.statusCode).toBe(403);
    const mismatch = await officer.session.inject({ method: 'POST', url: '/api/policies', payload: policy({ level: 'city' }) });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].field).toBe('body.regionCode');
    const member = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await member.session.inject({ method: 'POST', url: '/api/policies', payload: policy() })).statusCode).toBe(403);
  });

  it('finds published policies by Chinese words and says which apply to my organisation', async () => {
    const admin = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const file = async (body: Record<string, unknown>) => {
      const id = (await admin.session.inject({ method: 'POST', url: '/api/policies', payload: body })).json().id;
      expect((await admin.session.inject({ method: 'POST', url: `/api/policies/${id}/publish` })).statusCode).toBe(200);
      return id as string;
    };
    const law = await file(
      policy({
        title: '中华人民共和国促进科技成果转化法',
        level: 'national',
        regionCode: undefined,
        issuer: '全国人民代表大会常务委员会',
        documentNumber: '主席令第三十二号',
        issuedOn: '2015-08-29',
        effectiveFrom: '2015-10-01',
        organizationTypes: [],
        tags: ['法律'],
        summary: '促进科技成果转化为现实生产力，规范科技成果转化活动。',
        fullText: '第一条 为了促进科技成果转化为现实生产力……',
      }),
    );
    const sme = await file(
      policy({
        title: '天津市科技型中小企业研发费用补助办法',
        level: 'city',
        regionCode: '120000',
        issuer: '天津市科学技术局',
        documentNumber: '津科规〔2026〕3号',
        smeOnly: true,
        tags: ['研发费用', '科技型中小企业'],
        summary: '对评价入库的科技型中小企业按研发投入给予补助。',
        fullText: '第一条 ……',
      }),
    );

    const found = (await t.app.inject({ method: 'GET', url: `/api/policies?q=${encodeURIComponent('成果转化')}` })).json();
    expect(found.items.map((p: { id: string }) => p.id)).toContain(law);
    expect(found.items.map((p: { id: string }) => p.id)).not.toContain(sme);
    const byChars = (await t.app.inject({ method: 'GET', url: `/api/policies?q=${encodeURIComponent('研发费用补助')}` })).json();
    expect(byChars.items.map((p: { id: string }) => p.id)).toEqual([sme]);

    const enterprise = await createLoggedInUser(t.app, t.db, { role: 'org_member' }); // an enterprise in 滨海新区 (the factory's default)
    const verdicts = async (query: string) =>
      new Map(
        (
          (await enterprise.session.inject({ method: 'GET', url: `/api/policies/match${query}` })).json().items as Array<{
            policy: { id: string };
            verdict: string;
          }>
        ).map((i) => [i.policy.id, i.verdict]),
      );
    const v = await verdicts('');
    expect(v.get(law)).toBe('applies');
    expect(v.get(sme)).toBe('maybe'); // 科技型中小企业 status not known yet

    const other = await createOrganization(t.db);
    expect((await enterprise.session.inject({ method: 'GET', url: `/api/policies/match?organizationId=${other.id}` })).statusCode).toBe(
      404,
    );
  });

  it("reads the 科技型中小企业 status from the organisation's own self-assessment", async () => {
    const admin = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const created = await admin.session.inject({
      method: 'POST',
      url: '/api/policies',
      payload: policy({
        title: '滨海新区科技型中小企业贷款贴息办法',
        documentNumber: '津滨科发〔2026〕7号',
        smeOnly: true,
        effectiveFrom: '2026-01-01',
      }),
    });
    const id = created.json().id as string;
    const year = clock.now().getUTCFullYear() - 1; // the figures of last year, evaluated this year
    const passes = {
      staff: 100,
      techStaff: 35, // 35% → 20 points
      revenueFen: 5_000_000_000,
      assetsFen: 8_000_000_000,
      rdExpenseFen: 400_000_000, // 8% of revenue → 50
      classIRights: 1, // 30
      classIIRights: 0,
      directQualifications: [],
      declarationsConfirmed: true,
    };
    const fails = { ...passes, techStaff: 9 }; // staff score 0: not qualified whatever the total
    const [passed, failed, none] = await Promise.all([
      createLoggedInUser(t.app, t.db, { role: 'org_member' }),
      createLoggedInUser(t.app, t.db, { role: 'org_member' }),
      createLoggedInUser(t.app, t.db, { role: 'org_member' }),
    ]);
    const assess = async (who: LoggedIn, body: object) => {
      const res = await who.inject({ method: 'PUT', url: `/api/me/sme-assessments/${year}`, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().qualified as boolean;
    };
    expect(await assess(passed!.session, passes)).toBe(true);
    expect(await assess(failed!.session, fails)).toBe(false);

    const verdictOf = async (who: LoggedIn) => {
      const body = (await who.inject({ method: 'GET', url: '/api/policies/match' })).json();
      const item = (
        body.items as Array<{ policy: { id: string }; verdict: string; reasons: Array<{ criterion: string; note: string }> }>
      ).find((i) => i.policy.id === id);
      return {
        standing: body.organization.smeAssessment,
        verdict: item?.verdict,
        note: item?.reasons.find((r) => r.criterion === 'sme')?.note,
      };
    };
    // A draft matches nobody; publishing tells the qualified enterprise it applies, the unassessed one it may, the failed one nothing.
    expect((await verdictOf(passed!.session)).verdict).toBeUndefined();
    expect((await admin.session.inject({ method: 'POST', url: `/api/policies/${id}/publish` })).statusCode).toBe(200);

    expect(await verdictOf(passed!.session)).toEqual({
      standing: { year, qualified: true },
      verdict: 'applies',
      note: `科技型中小企业（${year} 年度自评通过）`,
    });
    expect(await verdictOf(failed!.session)).toMatchObject({ standing: { year, qualified: false }, verdict: 'no' });
    expect(await verdictOf(none!.session)).toMatchObject({ standing: null, verdict: 'maybe' });
    // A status can no longer be claimed in the query.
    expect((await verdictOf(none!.session)).verdict).toBe('maybe');
    const claimed = (await none!.session.inject({ method: 'GET', url: '/api/policies/match?sme=yes' })).json();
    expect(claimed.items.find((i: { policy: { id: string } }) => i.policy.id === id).verdict).toBe('maybe');

    const titles = async (who: LoggedIn) => (await noticesOf(who)).filter((n) => n.link === `/policies/${id}`).map((n) => n.title);
    expect(await titles(passed!.session)).toEqual([expect.stringContaining('新政策适用于贵单位')]);
    expect(await titles(none!.session)).toEqual([expect.stringContaining('新政策可能适用于贵单位')]);
    expect(await titles(failed!.session)).toEqual([]);
  });

  it("ignores an assessment older than last year's figures", async () => {
    const admin = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const id = (
      await admin.session.inject({
        method: 'POST',
        url: '/api/policies',
        payload: policy({ title: '科技型中小企业创新券', documentNumber: '津滨科发〔2026〕8号', smeOnly: true }),
      })
    ).json().id as string;
    expect((await admin.session.inject({ method: 'POST', url: `/api/policies/${id}/publish` })).statusCode).toBe(200);
    const stale = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const old = clock.now().getUTCFullYear() - 2;
    const res = await stale!.session.inject({
      method: 'PUT',
      url: `/api/me/sme-assessments/${old}`,
      payload: {
        staff: 100,
        techStaff: 35,
        revenueFen: 5_000_000_000,
        assetsFen: 8_000_000_000,
        rdExpenseFen: 400_000_000,
        classIRights: 1,
        classIIRights: 0,
        directQualifications: [],
        declarationsConfirmed: true,
      },
    });
    expect(res.json().qualified).toBe(true);
    const body = (await stale!.session.inject({ method: 'GET', url: '/api/policies/match' })).json();
    expect(body.organization.smeAssessment).toBeNull();
    expect(body.items.find((i: { policy: { id: string } }) => i.policy.id === id).verdict).toBe('maybe');
  });
});
