import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractView } from '../../common/api/contracts.js';
import { parseRegistrationNumber } from '../../common/contracts.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { certificateContent } from '../../server/modules/contracts/certificate.js';
import { loadContract } from '../../server/modules/contracts/records.js';
import { createOrganization, createUser, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';
import { certify, registrationCast, submitApplication, type RegistrationCast } from './contracts-fixtures.js';

/**
 * Registration numbers (`{year}{region}{sequence}`, unique and without gaps under concurrent
 * certification) and the certificate PDF. pdfkit compresses the page text, so the certificate's
 * wording is checked on what the service hands the renderer; the download is checked as a PDF.
 */
const t = useTestApp();
let cast: RegistrationCast;

beforeAll(async () => {
  if (!t.app) return;
  // 和平区 (120101): no other suite in this file certifies there, so its counter starts at 1.
  cast = await registrationCast(t, { pointRegion: '120101' });
});

describe('registration numbers', () => {
  it('stay unique and gapless when many contracts are certified at the same time, across two points of one district', async () => {
    const secondPoint = await createOrganization(t.db, { type: 'government', regionCode: '120101' });
    const second = {
      ...cast,
      point: secondPoint,
      registrarSession: await loginAs(t.app, await createUser(t.db, { role: 'registrar', organizationId: secondPoint.id })),
    };
    const n = 16;
    const applications = await Promise.all(Array.from({ length: n }, (_, i) => submitApplication(i % 2 ? second : cast)));
    const results = await Promise.all(applications.map((a, i) => certify(i % 2 ? second : cast, a.id)));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => (r.json() as ContractView).registration!.number);
    expect(new Set(numbers).size).toBe(n);
    const parsed = numbers.map((x) => parseRegistrationNumber(x)!);
    const year = Number(localDateOf(clock.now()).slice(0, 4));
    for (const p of parsed) expect(p).toMatchObject({ year, regionCode: '120101' });
    expect(parsed.map((p) => p.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // A failed certification (expert review missing) takes no number: the next one continues the sequence.
    const big = await submitApplication(cast, { contractAmountFen: 600_000_000, nonTechnicalCosts: [], payments: [] });
    expect((await certify(cast, big.id)).statusCode).toBe(409);
    const next = await submitApplication(cast);
    const nextNumber = ((await certify(cast, next.id)).json() as ContractView).registration!.number;
    expect(parseRegistrationNumber(nextNumber)!.sequence).toBe(n + 1);
  });
});

describe('the certificate', () => {
  it('downloads as a PDF named after the registration number, stating both amounts and the VAT exemption', async () => {
    const submitted = await submitApplication(cast);
    const certified = (
      await certify(cast, submitted.id, { technologyTransactionAmountFen: 100_000_000, adjustmentReason: '培训费不属技术交易' })
    ).json() as ContractView;
    const number = certified.registration!.number;

    const res = await cast.applicantSession.inject({ method: 'GET', url: `/api/contracts/${submitted.id}/certificate.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${number}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5_000); // the embedded CJK glyphs
    expect(res.rawPayload.toString('latin1')).toContain(number); // the document's Subject

    const content = certificateContent((await loadContract(t.db, submitted.id))!, { preview: false });
    expect(content.registrationNumber).toBe(number);
    expect(content.amounts).toEqual({ contractAmountYuan: '1,200,000.00', technologyTransactionAmountYuan: '1,000,000.00' });
    const rows = Object.fromEntries(content.rows.map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      合同成交额: '1,200,000.00 元',
      '非技术性费用（已扣除）': '150,000.00 元',
      '技术载体费用（合理数量，未扣除）': '5,000.00 元',
      技术交易额: '1,000,000.00 元',
      合同类别: '技术转让（专利权转让）',
    });
    expect(rows['登记机构核定调整']).toContain('培训费不属技术交易');
    expect(rows['合同成交额（大写）']).toBe('人民币壹佰贰拾万元整');
    expect(rows['技术交易额（大写）']).toBe('人民币壹佰万元整');
    // The point's name once; its district only when the name does not carry it.
    expect(rows['登记机构']!.split(cast.point.name)).toHaveLength(2);
    // Each party's district on its own line, never broken inside.
    expect(rows['卖方（技术输出方）']!.split('\n').at(-1)).toMatch(/区$|县$|市$/);
    expect(content.verification?.code).toMatch(/^[0-9A-F]{5}-[0-9A-F]{5}$/);
    expect(content.vat).toMatchObject({ eligible: true, text: expect.stringMatching(/^符合免征增值税条件.*36号/) });
  });

  it('says why a stand-alone service contract is not VAT-exempt', async () => {
    const submitted = await submitApplication(cast, { type: 'service', subtype: 'training', relatedServicesInvoicedTogether: false });
    await certify(cast, submitted.id);
    const content = certificateContent((await loadContract(t.db, submitted.id))!, { preview: false });
    expect(content.vat.eligible).toBe(false);
    expect(content.vat.text).toMatch(/^不符合免征增值税条件.*独立的技术服务/);
  });

  it('is previewed by the registrar before certification, and not given to anyone before it', async () => {
    const submitted = await submitApplication(cast);
    const preview = await cast.registrarSession.inject({ method: 'GET', url: `/api/contracts/${submitted.id}/certificate.pdf` });
    expect(preview.statusCode).toBe(200);
    expect(preview.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(certificateContent((await loadContract(t.db, submitted.id))!, { preview: true }).registrationNumber).toBeNull();
    expect((await cast.applicantSession.inject({ method: 'GET', url: `/api/contracts/${submitted.id}/certificate.pdf` })).statusCode).toBe(
      409,
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/contracts/${submitted.id}/certificate.pdf` })).statusCode).toBe(401);
  });

  it('serves the uploaded scan to the registrar and nobody outside', async () => {
    const submitted = await submitApplication(cast);
    const scan = submitted.attachments[0]!;
    const res = await cast.registrarSession.inject({ method: 'GET', url: scan.url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const stranger = await loginAs(t.app, await createUser(t.db, { role: 'org_member' }));
    expect((await stranger.inject({ method: 'GET', url: scan.url })).statusCode).toBe(404);
    const fake = await cast.applicantSession.inject({
      method: 'POST',
      url: `/api/contracts/${submitted.id}/attachments?name=x.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('not a pdf'),
    });
    expect(fake.statusCode).toBe(409); // submitted: documents no longer change
  });
});
