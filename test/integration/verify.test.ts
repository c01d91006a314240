// The public check behind a certificate's QR code: GET /api/verify/{registration number}.
import { describe, expect, it } from 'vitest';
import { maskPartyName } from '../../server/modules/contracts/verify.js';
import { certify, registrationCast, submitApplication, transition } from './contracts-fixtures.js';
import { uniqueCreditCode } from '../factories.js';
import { useTestApp } from '../harness.js';
import { certificateContent } from '../../server/modules/contracts/certificate.js';
import { loadContract } from '../../server/modules/contracts/records.js';

const t = useTestApp();

describe('verify a registration', () => {
  it('answers a certified contract’s public facts with the parties masked, and 404 for anything else', async () => {
    const cast = await registrationCast(t);
    const submitted = await submitApplication(cast, {
      buyer: {
        name: '北京某新能源科技有限公司',
        organizationType: 'enterprise',
        country: 'CN',
        regionCode: '110000',
        creditCode: uniqueCreditCode('110105'),
      },
    });
    const pending = await t.app.inject({ method: 'GET', url: `/api/verify/${encodeURIComponent(submitted.id)}` });
    expect(pending.statusCode).toBe(404);

    const res = await certify(cast, submitted.id);
    expect(res.statusCode, res.body).toBe(200);
    const number = res.json().registration.number as string;

    const verified = await t.app.inject({ method: 'GET', url: `/api/verify/${number}` });
    expect(verified.statusCode, verified.body).toBe(200);
    const body = verified.json();
    expect(body).toMatchObject({
      registrationNumber: number,
      status: 'certified',
      type: 'transfer',
      signedOn: '2026-09-01',
      contractAmountFen: 120_000_000,
      technologyTransactionAmountFen: submitted.amounts.technologyTransactionAmountFen,
      registrationPoint: cast.point.name,
      buyer: '北京***有限公司',
    });
    expect(body.seller).toMatch(/^天津\*\*\*/);
    // The certificate prints the same verification code beside a QR code to this number's page.
    const content = certificateContent((await loadContract(t.db, submitted.id))!, {
      preview: false,
      publicUrl: 'https://jinqiao.example.org',
    });
    expect(content.verification).toEqual({ url: `https://jinqiao.example.org/verify/${number}`, code: body.verificationCode });
    expect(body.verificationCode).toMatch(/^[0-9A-F]{5}-[0-9A-F]{5}$/);
    expect(JSON.stringify(body)).not.toContain(cast.applicantOrg.name);

    // The applicant heard of it.
    const mine = (await cast.applicantSession.inject({ method: 'GET', url: '/api/me/notifications' })).json();
    expect(mine.items).toContainEqual(
      expect.objectContaining({ kind: 'contract_certified', link: `/workspace/contracts/${submitted.id}` }),
    );

    expect((await t.app.inject({ method: 'GET', url: '/api/verify/2026120116009999' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/verify/2026120116009999' })).headers['content-type']).toContain(
      'application/problem+json',
    );

    // A returned application is told to the applicant as something to act on.
    const other = await submitApplication(cast);
    expect((await transition(cast.registrarSession, other.id, { action: 'return', note: '请补充附件二' })).statusCode).toBe(200);
    const after = (await cast.applicantSession.inject({ method: 'GET', url: '/api/me/notifications' })).json();
    expect(after.items).toContainEqual(expect.objectContaining({ kind: 'contract_returned', body: '请补充附件二', needsAction: true }));
  });

  it('masks names keeping the place and the legal form', () => {
    expect(maskPartyName('天津某某科技有限公司')).toBe('天津***有限公司');
    expect(maskPartyName('天津某某科技股份有限公司')).toBe('天津***股份有限公司');
    expect(maskPartyName('南开大学')).toBe('南***');
    expect(maskPartyName('天津中医药大学')).toBe('天津***大学');
    expect(maskPartyName('张三丰', false)).toBe('张**');
  });
});
