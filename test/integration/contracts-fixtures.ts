/**
 * Helpers for the contracts suites (test/integration/contracts-*.test.ts): a valid application body,
 * a registration point with its registrar, an applicant, and the HTTP steps from draft to certified.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ContractInput, ContractView } from '../../common/api/contracts.js';
import type { FieldError } from '../../common/problems.js';
import {
  createOrganization,
  createUser,
  loginAs,
  unique,
  uniqueCreditCode,
  type LoggedIn,
  type TestOrganization,
  type TestUser,
} from '../factories.js';
import type { TestApp } from '../harness.js';
import { systemActor } from '../../server/lib/actor.js';
import { createExpert } from '../../server/modules/experts/service.js';

/** A minimal valid PDF file (the signed contract scan). */
export const SCAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** A technology transfer of a patent from the applicant (seller, in Tianjin) to an enterprise in Beijing. */
export function contractInput(opts: { registrationOrganizationId?: string } = {}, overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    type: 'transfer',
    subtype: 'patent_right',
    title: `一种锂离子电池正极材料包覆方法专利权转让合同 ${unique()}`,
    subject: '转让发明专利“一种锂离子电池正极材料的包覆方法”的专利权，并提供配套技术资料与培训。',
    fieldCode: 'D15',
    signedOn: '2026-09-01',
    validFrom: '2026-09-01',
    validUntil: '2027-08-31',
    ipInvolved: [{ kind: 'invention_patent', number: '200310102344.5', title: '一种锂离子电池正极材料的包覆方法' }],
    // The applicant's side is filled from the applicant organisation.
    seller: {
      name: '（由申请单位填充）',
      organizationType: 'university',
      country: 'CN',
      regionCode: '120116',
      creditCode: uniqueCreditCode('120116'),
    },
    buyer: {
      name: `北京某新能源科技有限公司 ${unique()}`,
      organizationType: 'enterprise',
      country: 'CN',
      regionCode: '110000',
      creditCode: uniqueCreditCode('110105'),
    },
    intermediary: null,
    broker: null,
    contractAmountFen: 120_000_000, // ¥1.2M
    nonTechnicalCosts: [
      { kind: 'equipment', description: '包覆反应釜一台', amountFen: 15_000_000, note: '随技术交付的专用设备，按采购价计' },
      { kind: 'technical_carrier', description: '工艺图纸与样品', amountFen: 500_000, note: '合理数量的技术载体，不扣除' },
    ],
    relatedServicesInvoicedTogether: true,
    payments: [
      { dueOn: '2026-09-15', amountFen: 60_000_000, condition: '签约后 15 日内' },
      { dueOn: null, amountFen: 60_000_000, condition: '验收合格后 30 日内' },
    ],
    registrationOrganizationId: opts.registrationOrganizationId ?? null,
    dealId: null,
    ...overrides,
  };
}

export interface RegistrationCast {
  point: TestOrganization;
  registrar: TestUser;
  registrarSession: LoggedIn;
  applicantOrg: TestOrganization;
  applicant: TestUser;
  applicantSession: LoggedIn;
}

/** A registration point (an organisation with a registrar) and an applicant (a university member), both logged in. */
export async function registrationCast(t: TestApp, opts: { pointRegion?: string } = {}): Promise<RegistrationCast> {
  const point = await createOrganization(t.db, {
    type: 'government',
    name: `技术合同登记处 ${unique()}`,
    regionCode: opts.pointRegion ?? '120116',
  });
  const registrar = await createUser(t.db, { role: 'registrar', organizationId: point.id });
  const applicantOrg = await createOrganization(t.db, { type: 'university', name: `天津某大学 ${unique()}` });
  const applicant = await createUser(t.db, { role: 'org_member', organizationId: applicantOrg.id });
  return {
    point,
    registrar,
    registrarSession: await loginAs(t.app, registrar),
    applicantOrg,
    applicant,
    applicantSession: await loginAs(t.app, applicant),
  };
}

export async function fileDraft(session: LoggedIn, input: ContractInput): Promise<ContractView> {
  const res = await session.inject({ method: 'POST', url: '/api/contracts', payload: input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ContractView;
}

export async function uploadScan(session: LoggedIn, id: string): Promise<LightMyRequestResponse> {
  return session.inject({
    method: 'POST',
    url: `/api/contracts/${id}/attachments?kind=signed_contract&name=${encodeURIComponent('合同扫描件.pdf')}`,
    headers: { 'content-type': 'application/pdf' },
    payload: SCAN_PDF,
  });
}

export async function transition(session: LoggedIn, id: string, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return session.inject({ method: 'POST', url: `/api/contracts/${id}/transitions`, payload: body });
}

/** Files, uploads the scan and submits: the application is in the registrar's queue. */
export async function submitApplication(cast: RegistrationCast, overrides: Partial<ContractInput> = {}): Promise<ContractView> {
  const draft = await fileDraft(cast.applicantSession, contractInput({ registrationOrganizationId: cast.point.id }, overrides));
  expect((await uploadScan(cast.applicantSession, draft.id)).statusCode).toBe(201);
  const res = await transition(cast.applicantSession, draft.id, { action: 'submit' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ContractView;
}

export async function certify(cast: RegistrationCast, id: string, body: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
  return transition(cast.registrarSession, id, { action: 'certify', ...body });
}

export function fieldErrors(res: LightMyRequestResponse): FieldError[] {
  return (res.json() as { errors?: FieldError[] }).errors ?? [];
}

// ---------------------------------------------------------------------------------------------
// The expert review at or above the threshold, on the experts module's panel engine.

/** The pool's experts made in this file, by name (a panel names its members); logged in when drawn, as the clock may have moved. */
const poolExperts = new Map<string, { t: TestApp; user: TestUser }>();

/** `n` experts with accounts in the pool (field D15), each in an organisation of their own unless one is given. */
export async function addPoolExperts(t: TestApp, n: number, opts: { organizationId?: string } = {}) {
  const made = [];
  for (let i = 0; i < n; i++) {
    const name = `评审专家${unique()}`;
    const user = await createUser(t.db, { role: 'expert', organizationId: opts.organizationId, name });
    await createExpert({
      db: t.db,
      actor: systemActor('test'),
      input: { userId: user.id, name, title: '研究员', fieldCodes: ['D15'], keywords: '技术合同 认定', available: true },
    });
    poolExperts.set(name, { t, user });
    made.push({ name, user });
  }
  return made;
}

/** Each criterion of the contract_registration sheet at `share` of its weight (0.9 → 90 of 100). */
export const contractReviewScores = (share: number) => ({
  technical_nature: 40 * share,
  type_and_terms: 20 * share,
  amount: 30 * share,
  authenticity: 10 * share,
});

/** Draws the contract's panel, has every drawn expert score at `share`, and closes the review with `opinion`. */
export async function reviewOnPanel(cast: RegistrationCast, id: string, share: number, opinion: string, size = 3) {
  const opened = await cast.registrarSession.inject({ method: 'POST', url: `/api/contracts/${id}/expert-panel`, payload: { size } });
  expect(opened.statusCode, opened.body).toBe(201);
  const panel = opened.json() as { id: string; members: Array<{ name: string }> };
  for (const m of panel.members) {
    const drawn = poolExperts.get(m.name);
    if (!drawn) throw new Error(`the drawn expert ${m.name} was not made by addPoolExperts`);
    const session = await loginAs(drawn.t.app, drawn.user);
    const scored = await session.inject({
      method: 'POST',
      url: `/api/panels/${panel.id}/scores`,
      payload: { scores: contractReviewScores(share), comment: '合同标的、价款构成与技术交易额已核。' },
    });
    expect(scored.statusCode, scored.body).toBe(200);
  }
  return cast.registrarSession.inject({ method: 'PUT', url: `/api/contracts/${id}/expert-review`, payload: { opinion } });
}
