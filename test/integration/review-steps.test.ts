import { describe, expect, it } from 'vitest';
import { createAchievement, createLoggedInUser, createOrganization, createUser, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';
import { registrationCast, submitApplication, transition } from './contracts-fixtures.js';

const t = useTestApp();

type Step = { step: string; reviewerName: string | null; reason: string | null; at: string };

describe('every review step stays on the record with its reviewer and reason', () => {
  it('an achievement keeps the return and the later approval, shown to its owner but not to the public', async () => {
    const { user: owner, session: ownerSession } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const reviewer = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin', name: '审核员甲' }));
    const rec = await createAchievement(t.db, { by: owner, status: 'submitted' });
    const url = `/api/achievements/${rec.id}/transitions`;
    const reason = '请补充第三方检测报告';
    expect((await reviewer.inject({ method: 'POST', url, payload: { action: 'return', reason } })).statusCode).toBe(200);
    expect((await ownerSession.inject({ method: 'POST', url, payload: { action: 'submit' } })).statusCode).toBe(200);
    expect((await reviewer.inject({ method: 'POST', url, payload: { action: 'approve', reason: '材料齐全' } })).statusCode).toBe(200);

    const seen = (await ownerSession.inject({ method: 'GET', url: `/api/achievements/${rec.id}` })).json();
    // The record's own reviewReason is cleared on resubmission; the trail keeps both steps.
    expect(seen.reviewSteps.map((s: Step) => [s.step, s.reviewerName, s.reason])).toEqual([
      ['return', '审核员甲', reason],
      ['approve', '审核员甲', '材料齐全'],
    ]);
    expect((await ownerSession.inject({ method: 'POST', url, payload: { action: 'publish' } })).statusCode).toBe(200);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/achievements/${rec.id}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().reviewSteps).toBeUndefined();
    expect(anonymous.body).not.toContain('审核员甲');
  });

  it('an organisation rejection needs a reason and is shown on the organisation', async () => {
    const org = await createOrganization(t.db, { status: 'pending' });
    const admin = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin', name: '平台审核员' }));
    const url = `/api/organizations/${org.id}/review`;
    const bare = await admin.inject({ method: 'POST', url, payload: { decision: 'reject' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toContain('body.reason');
    expect(
      (await admin.inject({ method: 'POST', url, payload: { decision: 'reject', reason: '营业执照与信用代码不符' } })).statusCode,
    ).toBe(200);
    expect((await admin.inject({ method: 'POST', url, payload: { decision: 'approve' } })).statusCode).toBe(200);
    const seen = (await admin.inject({ method: 'GET', url: `/api/organizations/${org.id}` })).json();
    expect(seen.reviewSteps.map((s: Step) => [s.step, s.reviewerName, s.reason])).toEqual([
      ['reject', '平台审核员', '营业执照与信用代码不符'],
      ['approve', '平台审核员', null],
    ]);
  });

  it('a contract keeps the registrar’s return after it is resubmitted and certified', async () => {
    const cast = await registrationCast(t);
    const submitted = await submitApplication(cast);
    const note = '请补充合同第三页的签字';
    expect((await transition(cast.registrarSession, submitted.id, { action: 'return', note })).statusCode).toBe(200);
    expect((await transition(cast.applicantSession, submitted.id, { action: 'submit' })).statusCode).toBe(200);
    const certified = await transition(cast.registrarSession, submitted.id, { action: 'certify' });
    expect(certified.statusCode, certified.body).toBe(200);
    const seen = (await cast.applicantSession.inject({ method: 'GET', url: `/api/contracts/${submitted.id}` })).json();
    expect(seen.reviewSteps.map((s: Step) => [s.step, s.reason])).toEqual([
      ['return', note],
      ['certify', null],
    ]);
    expect(seen.reviewSteps.every((s: Step) => s.reviewerName)).toBe(true);
  });
});
