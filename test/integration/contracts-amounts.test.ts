import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ContractPage, ContractView, RegistrationPointView } from '../../common/api/contracts.js';
import { createOrganization } from '../factories.js';
import { useTestApp } from '../harness.js';
import {
  certify,
  contractInput,
  fieldErrors,
  fileDraft,
  registrationCast,
  submitApplication,
  type RegistrationCast,
} from './contracts-fixtures.js';

/** What an applicant and a registrar see of the amounts: technology transaction amount, non-technical costs, adjustments, and errors that name the field. */
const t = useTestApp();
let cast: RegistrationCast;

beforeAll(async () => {
  if (!t.app) return;
  cast = await registrationCast(t);
});

const file = (body: object) => cast.applicantSession.inject({ method: 'POST', url: '/api/contracts', payload: body });
const myTotal = async () =>
  ((await cast.applicantSession.inject({ method: 'GET', url: '/api/me/contracts' })).json() as z.infer<typeof ContractPage>).total;

describe('filing', () => {
  it('names the cost item that exceeds the contract amount, and saves nothing', async () => {
    const before = await myTotal();
    const input = contractInput(
      { registrationOrganizationId: cast.point.id },
      {
        contractAmountFen: 10_000_000,
        nonTechnicalCosts: [
          { kind: 'equipment', description: '设备', amountFen: 1_000_000, note: '专用设备' },
          { kind: 'technical_carrier', description: '图纸', amountFen: 100_000, note: '技术载体' },
          { kind: 'raw_material', description: '原材料', amountFen: 12_000_000, note: '试制原料' },
        ],
        payments: [],
      },
    );
    const res = await file(input);
    expect(res.statusCode).toBe(400);
    expect(fieldErrors(res)).toEqual([
      { field: 'body.nonTechnicalCosts.2.amountFen', message: expect.stringMatching(/exceeds the contract amount/) },
    ]);
    expect(await myTotal()).toBe(before);
  });

  it('names every other bad field: subtype, payments, credit code, a missing note', async () => {
    const input = contractInput(
      {},
      {
        type: 'consulting',
        subtype: 'patent_right',
        contractAmountFen: 1_000_000,
        nonTechnicalCosts: [{ kind: 'part', description: '零件', amountFen: 10, note: '' }],
        payments: [
          { amountFen: 600_000, condition: '首付' },
          { amountFen: 600_000, condition: '尾款' },
        ],
      },
    );
    const res = await file({ ...input, buyer: { ...input.buyer, creditCode: '91110105MA00000000' } });
    expect(res.statusCode).toBe(400);
    expect(
      fieldErrors(res)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['body.buyer.creditCode', 'body.nonTechnicalCosts.0.note', 'body.payments.1.amountFen', 'body.subtype']);
  });

  it('computes the technology transaction amount, deducting equipment but not technical carriers', async () => {
    const draft = await fileDraft(cast.applicantSession, contractInput({ registrationOrganizationId: cast.point.id }));
    expect(draft.amounts).toEqual({
      contractAmountFen: 120_000_000,
      nonTechnicalCostsFen: 15_000_000,
      technicalCarrierFen: 500_000,
      computedTechnologyTransactionAmountFen: 105_000_000,
      adjustmentFen: 0,
      adjustmentReason: null,
      technologyTransactionAmountFen: 105_000_000,
    });
    expect(draft.nonTechnicalCosts.map((c) => [c.kind, c.deducted])).toEqual([
      ['equipment', true],
      ['technical_carrier', false],
    ]);
    expect(draft.vatExemption).toMatchObject({ eligible: true, relatedServicesExempt: true });
  });

  it('takes a technology import from the domestic buyer, the seller abroad', async () => {
    const input = contractInput({ registrationOrganizationId: cast.point.id });
    const res = await file({
      ...input,
      seller: { name: 'Lumen Photonics GmbH', organizationType: 'enterprise', country: 'de', creditCode: null, regionCode: null },
      buyer: {
        name: '（由申请单位填充）',
        organizationType: 'enterprise',
        country: 'CN',
        regionCode: '120116',
        creditCode: input.seller.creditCode,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as ContractView;
    expect(c.technologyImport).toBe(true);
    expect(c.seller).toMatchObject({ country: 'DE', regionCode: null, name: 'Lumen Photonics GmbH' });
    expect(c.buyer).toMatchObject({ organizationId: cast.applicantOrg.id, name: cast.applicantOrg.name, country: 'CN' });

    const bothAbroad = await file({
      ...input,
      seller: { name: 'A GmbH', organizationType: 'enterprise', country: 'DE' },
      buyer: { name: 'B Inc.', organizationType: 'enterprise', country: 'US' },
    });
    expect(fieldErrors(bothAbroad).map((e) => e.field)).toEqual(['body.buyer.country']);
  });

  it('refuses to file for another organisation’s side', async () => {
    const other = await createOrganization(t.db);
    const input = contractInput({ registrationOrganizationId: cast.point.id });
    const res = await file({ ...input, seller: { ...input.seller, organizationId: other.id } });
    expect(fieldErrors(res).map((e) => e.field)).toEqual(['body.seller.organizationId']);
  });

  it('offers the registration points, the one in the applicant’s district first choice', async () => {
    const res = await cast.applicantSession.inject({ method: 'GET', url: '/api/contracts/registration-points' });
    const items = (res.json() as { items: Array<z.infer<typeof RegistrationPointView>> }).items;
    const mine = items.find((p) => p.id === cast.point.id)!;
    expect(mine).toMatchObject({ regionCode: '120116', regionName: '滨海新区' });
    expect(items.filter((p) => p.isDefault)).toHaveLength(1);
    expect(items.find((p) => p.isDefault)!.regionCode.slice(0, 6)).toBe('120116');
    const notAPoint = await file(contractInput({ registrationOrganizationId: cast.applicantOrg.id }));
    expect(fieldErrors(notAPoint).map((e) => e.field)).toEqual(['body.registrationOrganizationId']);
  });
});

describe('the registrar’s adjustment', () => {
  it('needs a reason, stays within the contract amount, and is shown beside the computed amount', async () => {
    const submitted = await submitApplication(cast);
    const noReason = await certify(cast, submitted.id, { technologyTransactionAmountFen: 90_000_000 });
    expect(fieldErrors(noReason).map((e) => e.field)).toEqual(['body.adjustmentReason']);
    const tooHigh = await certify(cast, submitted.id, { technologyTransactionAmountFen: 130_000_000, adjustmentReason: '含培训费' });
    expect(fieldErrors(tooHigh).map((e) => e.field)).toEqual(['body.technologyTransactionAmountFen']);
    const ok = await certify(cast, submitted.id, {
      technologyTransactionAmountFen: 90_000_000,
      adjustmentReason: '设备实际价值高于合同所列，按评估价扣除',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as ContractView).amounts).toMatchObject({
      computedTechnologyTransactionAmountFen: 105_000_000,
      adjustmentFen: -15_000_000,
      adjustmentReason: '设备实际价值高于合同所列，按评估价扣除',
      technologyTransactionAmountFen: 90_000_000,
    });
  });

  it('is not needed when the registrar confirms the computed amount', async () => {
    const submitted = await submitApplication(cast);
    const ok = await certify(cast, submitted.id, { technologyTransactionAmountFen: 105_000_000 });
    expect((ok.json() as ContractView).amounts).toMatchObject({
      adjustmentFen: 0,
      adjustmentReason: null,
      technologyTransactionAmountFen: 105_000_000,
    });
  });
});
