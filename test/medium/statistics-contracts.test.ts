import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractInput } from '../../common/api/contracts.js';
import type { OverviewView, Totals } from '../../common/api/statistics.js';
import { clock } from '../../server/lib/clock.js';
import { createOrganization, unique, type TestOrganization } from '../factories.js';
import { contractInput, SCAN_PDF } from '../integration/contracts-fixtures.js';
import { useMediumDatabase, type TestActor } from './harness.js';

/**
 * The medium twin of test/integration/statistics-contracts.test.ts: a seller applies, a registrar
 * certifies, amends and cancels through the contracts service, and the officers' dashboard figures
 * (statistics service, reading the rollups the certifying transaction keeps) move with each step.
 */
const t = useMediumDatabase();
const { contracts, statistics, audit } = t.services;

let point: TestOrganization;
let registrar: TestActor;
let applicant: TestActor;
let cityOfficer: TestActor;
let binhaiOfficer: TestActor;
let admin: TestActor;

beforeAll(async () => {
  point = await createOrganization(t.db, { type: 'government', name: `技术合同登记处 ${unique()}`, regionCode: '120116' });
  registrar = await t.actorWith({ role: 'registrar', organizationId: point.id });
  const university = await createOrganization(t.db, { type: 'university', name: `天津某大学 ${unique()}` });
  applicant = await t.actorWith({ role: 'org_member', organizationId: university.id });
  cityOfficer = await t.actorWith({ role: 'gov_officer', regionCode: '120000' });
  binhaiOfficer = await t.actorWith({ role: 'gov_officer', regionCode: '120116' });
  admin = await t.actorWith({ role: 'platform_admin' });
});

/** The Beijing year of the clock: the period a certification today counts in. */
const year = () => Number(new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
const overview = (who: TestActor, region?: string): Promise<OverviewView> =>
  statistics.getOverview({ db: t.db, actor: who.actor, query: { year: year(), region } });
const minus = (a: Totals, b: Totals) => ({
  contracts: a.contracts - b.contracts,
  contractAmountFen: a.contractAmountFen - b.contractAmountFen,
  technologyTransactionAmountFen: a.technologyTransactionAmountFen - b.technologyTransactionAmountFen,
});

/** Files a draft, uploads the signed scan and submits: the application waits in the registrar's queue. */
async function submitApplication(overrides: Partial<ContractInput> = {}) {
  const draft = await contracts.createContract({
    db: t.db,
    actor: applicant.actor,
    input: contractInput({ registrationOrganizationId: point.id }, overrides),
  });
  await contracts.addAttachment({
    db: t.db,
    actor: applicant.actor,
    id: draft.row.id,
    query: { kind: 'signed_contract', name: '合同扫描件.pdf' },
    contentType: 'application/pdf',
    body: SCAN_PDF,
  });
  return contracts.transitionContract({ db: t.db, actor: applicant.actor, id: draft.row.id, body: { action: 'submit' } });
}

describe('the dashboard follows registration', () => {
  it('certify adds the contract (output in 滨海新区, a flow to Beijing); amend replaces it; cancel removes it', async () => {
    const before = await overview(cityOfficer);
    const beforeBinhai = await overview(binhaiOfficer);
    const submitted = await submitApplication();
    expect(submitted.row.status).toBe('submitted');

    // Submitted but not certified: not counted.
    expect((await overview(cityOfficer)).output).toEqual(before.output);

    const certified = await contracts.transitionContract({
      db: t.db,
      actor: registrar.actor,
      id: submitted.row.id,
      body: { action: 'certify' },
    });
    expect(certified.row.status).toBe('certified');
    expect(certified.row.registrationNumber).toMatch(new RegExp(`^${year()}120116\\d{6}$`));
    const afterCertify = await overview(cityOfficer);
    // ¥1.2M less the ¥150k reaction vessel (the technical carrier is not deducted).
    expect(minus(afterCertify.output, before.output)).toEqual({
      contracts: 1,
      contractAmountFen: 120_000_000,
      technologyTransactionAmountFen: 105_000_000,
    });
    expect(afterCertify.absorption).toEqual(before.absorption); // the buyer is in Beijing
    expect(minus((await overview(binhaiOfficer)).output, beforeBinhai.output).contracts).toBe(1);
    const map = await statistics.getRegionBreakdown({ db: t.db, actor: cityOfficer.actor, query: { side: 'output', year: year() } });
    expect(map.rows.find((r) => r.code === '120116')!.contractAmountFen).toBe(120_000_000);
    const flows = await statistics.getFlows({ db: t.db, actor: cityOfficer.actor, query: { year: year() } });
    expect(flows.outflow.find((f) => f.area === 'beijing')!.contracts).toBe(1);

    await contracts.amendContract({
      db: t.db,
      actor: registrar.actor,
      id: submitted.row.id,
      input: {
        contract: contractInput(
          { registrationOrganizationId: point.id },
          { contractAmountFen: 200_000_000, buyer: { ...contractInput().buyer, regionCode: '120101' } },
        ),
        reason: '双方签订补充协议，增加合同金额并变更买方',
      },
    });
    const amended = await overview(cityOfficer);
    expect(minus(amended.output, before.output)).toEqual({
      contracts: 1,
      contractAmountFen: 200_000_000,
      technologyTransactionAmountFen: 185_000_000,
    });
    // The buyer moved to 和平区: now the city absorbs it too.
    expect(minus(amended.absorption, before.absorption)).toEqual({
      contracts: 1,
      contractAmountFen: 200_000_000,
      technologyTransactionAmountFen: 185_000_000,
    });

    await contracts.transitionContract({
      db: t.db,
      actor: registrar.actor,
      id: submitted.row.id,
      body: { action: 'cancel', reason: '当事人申请注销登记' },
    });
    const cancelled = await overview(cityOfficer);
    expect(cancelled.output).toEqual(before.output);
    expect(cancelled.absorption).toEqual(before.absorption);

    // Each step is in the audit log, in order, by the person who took it.
    const { items } = await audit.listAuditEntries({ db: t.db, actor: admin.actor, query: { entityId: submitted.row.id, limit: 50 } });
    expect(items.map((e) => [e.action, e.actorUserId]).reverse()).toEqual([
      ['contract.create', applicant.user.id],
      ['contract.attachment_add', applicant.user.id],
      ['contract.submit', applicant.user.id],
      ['contract.certify', registrar.user.id],
      ['contract.amend', registrar.user.id],
      ['contract.cancel', registrar.user.id],
    ]);
  });

  it("an officer reads only their region's figures: 滨海新区's officer asking for 和平区 is told it does not exist", async () => {
    await expect(overview(binhaiOfficer, '120101')).rejects.toMatchObject({ code: 'not_found' });
    expect((await overview(binhaiOfficer, '120116')).year).toBe(year());
    // An applicant has no dashboard at all.
    await expect(overview(applicant)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
