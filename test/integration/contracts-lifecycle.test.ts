import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractPage, ContractView } from '../../common/api/contracts.js';
import { parseRegistrationNumber } from '../../common/contracts.js';
import type { z } from 'zod';
import { auditLog } from '../../server/lib/schema.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import { createLoggedInUser, createOrganization, createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import {
  certify,
  contractInput,
  fieldErrors,
  fileDraft,
  registrationCast,
  submitApplication,
  transition,
  uploadScan,
  type RegistrationCast,
} from './contracts-fixtures.js';

/**
 * The registration lifecycle as the people in it meet it: the applicant files and submits, the
 * registrar of the registration point returns, refuses or certifies; everyone else sees nothing
 * (or, for government officers in scope, the registered contract, read-only).
 */
const t = useTestApp();
let cast: RegistrationCast;
let otherRegistrar: LoggedIn;
let officer: LoggedIn;
let stranger: LoggedIn;

beforeAll(async () => {
  if (!t.app) return;
  cast = await registrationCast(t);
  const otherPoint = await createOrganization(t.db, { type: 'government', regionCode: '120104' });
  otherRegistrar = await loginAs(t.app, await createUser(t.db, { role: 'registrar', organizationId: otherPoint.id }));
  officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' })).session;
  stranger = (await createLoggedInUser(t.app, t.db, { role: 'org_member' })).session;
});

const get = (s: LoggedIn, id: string) => s.inject({ method: 'GET', url: `/api/contracts/${id}` });
const auditActions = async (id: string) =>
  (
    await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'contract'), eq(auditLog.entityId, id)))
      .orderBy(auditLog.seq)
  ).map((r) => r.action);

describe('an application from draft to certified', () => {
  it('is filed as a draft, submitted with the signed scan, queued at its point and certified with a registration number', async () => {
    const draft = await fileDraft(cast.applicantSession, contractInput({ registrationOrganizationId: cast.point.id }));
    expect(draft.status).toBe('draft');
    // The applicant's party is the applicant organisation as registered, whatever the form said.
    expect(draft.seller).toMatchObject({
      name: cast.applicantOrg.name,
      creditCode: cast.applicantOrg.creditCode,
      organizationId: cast.applicantOrg.id,
    });
    expect(draft.amounts).toMatchObject({
      contractAmountFen: 120_000_000,
      nonTechnicalCostsFen: 15_000_000,
      technicalCarrierFen: 500_000,
      technologyTransactionAmountFen: 105_000_000,
    });
    expect(draft.actions).toEqual(expect.arrayContaining(['edit', 'upload_attachment', 'submit', 'withdraw']));
    // Drafts are the applicant's own: the registrar does not see them yet.
    expect((await get(cast.registrarSession, draft.id)).statusCode).toBe(404);

    const incomplete = await transition(cast.applicantSession, draft.id, { action: 'submit' });
    expect(incomplete.statusCode).toBe(400);
    expect(fieldErrors(incomplete).map((e) => e.field)).toEqual(['attachments']);

    expect((await uploadScan(cast.applicantSession, draft.id)).statusCode).toBe(201);
    const submitted = (await transition(cast.applicantSession, draft.id, { action: 'submit' })).json() as ContractView;
    expect(submitted.status).toBe('submitted');
    expect(submitted.review).toMatchObject({ workingDays: 15, expertReviewRequired: false, overdue: false });
    expect(submitted.review.deadlineAt).not.toBeNull();
    expect(submitted.actions).not.toContain('edit');

    const queue = (await cast.registrarSession.inject({ method: 'GET', url: '/api/registration/contracts' })).json() as z.infer<
      typeof ContractPage
    >;
    expect(queue.items.map((i) => i.id)).toContain(draft.id);
    const seen = (await get(cast.registrarSession, draft.id)).json() as ContractView;
    expect(seen.actions).toEqual(expect.arrayContaining(['return', 'refuse', 'certify', 'record_expert_review', 'preview_certificate']));

    const certified = (await certify(cast, draft.id)).json() as ContractView;
    expect(certified.status).toBe('certified');
    expect(certified.version).toBe(1);
    const parsed = parseRegistrationNumber(certified.registration!.number)!;
    expect(parsed.regionCode).toBe('120116');
    expect(parsed.sequence).toBeGreaterThanOrEqual(1);
    expect(certified.actions).toEqual(expect.arrayContaining(['amend', 'cancel', 'download_certificate']));
    expect(await auditActions(draft.id)).toEqual(['contract.create', 'contract.attachment_add', 'contract.submit', 'contract.certify']);
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  it('goes back to the applicant for correction and restarts the clock on resubmission', async () => {
    const submitted = await submitApplication(cast);
    const noNote = await transition(cast.registrarSession, submitted.id, { action: 'return' });
    expect(noNote.statusCode).toBe(400);
    expect(fieldErrors(noNote).map((e) => e.field)).toContain('body.note');
    const returned = (
      await transition(cast.registrarSession, submitted.id, { action: 'return', note: '请补充专利权属证明' })
    ).json() as ContractView;
    expect(returned.status).toBe('returned');
    expect(returned.review.deadlineAt).toBeNull();
    // The applicant reads the note and corrects the application.
    const mine = (await get(cast.applicantSession, submitted.id)).json() as ContractView;
    expect(mine.review.note).toBe('请补充专利权属证明');
    expect(mine.actions).toEqual(expect.arrayContaining(['edit', 'submit']));
    const edit = await cast.applicantSession.inject({
      method: 'PUT',
      url: `/api/contracts/${submitted.id}`,
      payload: contractInput({ registrationOrganizationId: cast.point.id }, { title: '一种正极材料包覆方法专利权转让合同（补正）' }),
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const resubmitted = (await transition(cast.applicantSession, submitted.id, { action: 'submit' })).json() as ContractView;
    expect(resubmitted.status).toBe('submitted');
    expect(Date.parse(resubmitted.review.submittedAt!)).toBeGreaterThanOrEqual(Date.parse(submitted.review.submittedAt!));
    expect(resubmitted.title).toBe('一种正极材料包覆方法专利权转让合同（补正）');
  });

  it('is refused only with a reason from the standard list, and the applicant sees it', async () => {
    const submitted = await submitApplication(cast);
    const bad = await transition(cast.registrarSession, submitted.id, { action: 'refuse', reason: 'too_expensive', note: '价格过高' });
    expect(bad.statusCode).toBe(400);
    expect(fieldErrors(bad).map((e) => e.field)).toContain('body.reason');
    const refused = await transition(cast.registrarSession, submitted.id, {
      action: 'refuse',
      reason: 'not_technical_contract',
      note: '合同主要内容为设备买卖',
    });
    expect(refused.statusCode).toBe(200);
    const mine = (await get(cast.applicantSession, submitted.id)).json() as ContractView;
    expect(mine).toMatchObject({ status: 'refused', review: { refusalReason: 'not_technical_contract', note: '合同主要内容为设备买卖' } });
    expect(mine.actions).toEqual([]);
    // Refused is final: it cannot be certified afterwards.
    expect((await certify(cast, submitted.id)).statusCode).toBe(409);
  });

  it('can be withdrawn by the applicant while it waits', async () => {
    const submitted = await submitApplication(cast);
    const res = await transition(cast.applicantSession, submitted.id, { action: 'withdraw', reason: '双方协商解除' });
    expect((res.json() as ContractView).status).toBe('withdrawn');
    expect((await certify(cast, submitted.id)).statusCode).toBe(409);
  });
});

describe('who may see and act', () => {
  it('keeps a submitted application from registrars of another point, officers, strangers and visitors', async () => {
    const submitted = await submitApplication(cast);
    for (const s of [otherRegistrar, officer, stranger]) {
      expect((await get(s, submitted.id)).statusCode).toBe(404);
      expect((await transition(s, submitted.id, { action: 'certify' })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/contracts/${submitted.id}` })).statusCode).toBe(401);
    const otherQueue = (await otherRegistrar.inject({ method: 'GET', url: '/api/registration/contracts' })).json() as z.infer<
      typeof ContractPage
    >;
    expect(otherQueue.items.map((i) => i.id)).not.toContain(submitted.id);
    // The applicant cannot certify its own application.
    const self = await transition(cast.applicantSession, submitted.id, { action: 'certify' });
    expect(self.statusCode).toBe(403);
    // A registrar cannot submit or edit on the applicant's behalf.
    expect((await transition(cast.registrarSession, submitted.id, { action: 'withdraw' })).statusCode).toBe(403);
  });

  it('shows a registered contract to officers whose region holds a party, read-only', async () => {
    const submitted = await submitApplication(cast);
    await certify(cast, submitted.id);
    const seen = await get(officer, submitted.id);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as ContractView).actions).toEqual(['download_certificate']);
    expect((await transition(officer, submitted.id, { action: 'cancel', reason: '越权' })).statusCode).toBe(403);
    const farOfficer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120101' })).session;
    expect((await get(farOfficer, submitted.id)).statusCode).toBe(404);
    expect((await get(otherRegistrar, submitted.id)).statusCode).toBe(404);
  });

  it('lets platform admins review at every point', async () => {
    const submitted = await submitApplication(cast);
    const admin = (await createLoggedInUser(t.app, t.db, { role: 'platform_admin' })).session;
    const res = await transition(admin, submitted.id, { action: 'certify' });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('amendments and cancellation', () => {
  it('keep every version, with the registration number unchanged, each audited', async () => {
    const submitted = await submitApplication(cast);
    const v1 = (await certify(cast, submitted.id)).json() as ContractView;
    const amend = await cast.registrarSession.inject({
      method: 'POST',
      url: `/api/contracts/${submitted.id}/amendments`,
      payload: { reason: '双方签订补充协议，增加技术服务内容', contract: contractInput({}, { contractAmountFen: 150_000_000 }) },
    });
    expect(amend.statusCode, amend.body).toBe(200);
    const v2 = amend.json() as ContractView;
    expect(v2).toMatchObject({ status: 'certified', version: 2, registration: { number: v1.registration!.number } });
    expect(v2.amounts.technologyTransactionAmountFen).toBe(135_000_000);

    const cancel = await transition(cast.registrarSession, submitted.id, { action: 'cancel', reason: '合同经双方协议解除' });
    expect(cancel.json() as ContractView).toMatchObject({
      status: 'cancelled',
      version: 3,
      registration: { cancelReason: '合同经双方协议解除' },
    });

    const versions = (await cast.applicantSession.inject({ method: 'GET', url: `/api/contracts/${submitted.id}/versions` })).json() as {
      items: Array<{
        version: number;
        event: string;
        technologyTransactionAmountFen: number;
        reason: string | null;
        snapshot: { amounts: { contractAmountFen: number } };
      }>;
    };
    expect(versions.items.map((v) => [v.version, v.event, v.technologyTransactionAmountFen])).toEqual([
      [1, 'certified', 105_000_000],
      [2, 'amended', 135_000_000],
      [3, 'cancelled', 135_000_000],
    ]);
    expect(versions.items[0]!.snapshot.amounts.contractAmountFen).toBe(120_000_000);
    expect(versions.items[1]!.reason).toBe('双方签订补充协议，增加技术服务内容');
    expect(await auditActions(submitted.id)).toEqual(expect.arrayContaining(['contract.certify', 'contract.amend', 'contract.cancel']));
    // A cancelled contract is not amended again.
    const again = await cast.registrarSession.inject({
      method: 'POST',
      url: `/api/contracts/${submitted.id}/amendments`,
      payload: { reason: '再次变更', contract: contractInput() },
    });
    expect(again.statusCode).toBe(409);
  });
});
